/**
 * The applicant's private status page (/applications/<token>: book, cancel, leave the pool, erase, the
 * interview's calendar file) and the talent pool's withdrawal link: server-rendered plain POST forms,
 * bound to a secret in their URL and checked for Origin/Referer (middleware/publicForms.ts).
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { SELF_SERVICE_ACTOR } from '@specboard/shared'
import type { ApplicationRecord } from '../storage/PostingStore.ts'
import { hashSecret } from '../ids.ts'
import { organizationOf } from '../postings/organization.ts'
import { applicantInterviewIcs } from '../publishing/interviewIcs.ts'
import {
  applicationPage,
  DONE_KEYS,
  poolWithdrawPage,
  type Done,
} from '../publishing/pages/applicationPage.ts'
import { errorPage, notFoundPage, type Html } from '../publishing/pages/layout.ts'
import { notifyApplicant, notifyInterview } from '../selection/applicantNotices.ts'
import { applicantStatus } from '../selection/applicantStatus.ts'
import { confirmPoolWithdrawal } from '../selection/poolNotices.ts'
import {
  bookSlot,
  cancelInterview,
  eraseApplication,
  leavePool,
  SelectionError,
  withdrawPoolEntry,
} from '../selection/selection.ts'
import { emitInterview, emitStageChanged } from '../webhooks/selectionEvents.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { originOf } from './middleware/origin.ts'
import { formLimit, formValues, isSameOrigin, withPublicCsp } from './middleware/publicForms.ts'
import { publicLangOf } from './middleware/publicLangCookie.ts'

const SELECTION_MESSAGES: Record<SelectionError['code'], string> = {
  slot_taken: 'その枠は、ほかの方が先に予約しました。別の枠を選んでください。',
  slot_not_found: 'その枠は見つかりませんでした。別の枠を選んでください。',
  slot_past: 'その枠はすでに始まっています。別の枠を選んでください。',
  already_booked:
    'すでに面談を予約しています。変更する場合は、いまの予約をキャンセルしてから選び直してください。',
  not_bookable: 'この応募では、いま面談を予約できません。',
  not_scheduled: 'この面談はすでにキャンセルされています。',
  erased: '個人情報が削除された応募です。',
  no_pool_consent: '人材プールへの登録に同意していません。',
}

export function publicApplicationRoutes() {
  const app = new Hono<AppEnv>()
  withPublicCsp(app, ['/applications/*', '/pool/withdraw/*'])

  app.get('/applications/:token', async (c) => {
    const application = await applicationByToken(c)
    if (!application)
      return c.html(
        notFoundPage('この確認用リンクは見つかりませんでした。URLをもう一度お確かめください。'),
        404
      )
    const done = c.req.query('done')
    return c.html(
      await renderApplication(c, application, {
        done: (DONE_KEYS as readonly string[]).includes(done ?? '') ? (done as Done) : undefined,
      })
    )
  })

  app.post('/applications/:token/:action{book|cancel|leave-pool|erase}', formLimit, async (c) => {
    const application = await applicationByToken(c)
    if (!application) return c.html(notFoundPage('この確認用リンクは見つかりませんでした。'), 404)
    if (!isSameOrigin(c))
      return c.html(errorPage('このフォームは、応募状況のページから送信してください。'), 403)
    const values = (await formValues(c)) ?? {}
    const { postings } = c.var.deps
    // An explicit fragment, so the form's #anchor is not carried over to the bookmarked status link.
    const back = (done: Done) =>
      c.redirect(`/applications/${c.req.param('token')}?done=${done}#status`, 303)
    try {
      switch (c.req.param('action')) {
        case 'book': {
          const booked = await bookSlot(c.var.deps, application, values.slot_id ?? '')
          await emitInterview(c.var.deps, booked, 'interview.booked')
          await notifyInterview(
            c.var.deps,
            originOf(c),
            booked,
            { type: 'interview_booked' },
            publicLangOf(c)
          )
          return back('booked')
        }
        case 'cancel': {
          const interview = await postings.interviews.scheduledOf(application.id)
          if (!interview) throw new SelectionError('not_scheduled', 'nothing to cancel')
          const cancelled = await cancelInterview(c.var.deps, interview, 'applicant', null)
          await emitInterview(c.var.deps, cancelled, 'interview.cancelled')
          await notifyInterview(
            c.var.deps,
            originOf(c),
            cancelled,
            { type: 'interview_cancelled', byApplicant: true, reason: null },
            publicLangOf(c)
          )
          return back('cancelled')
        }
        case 'leave-pool': {
          const wasInPool = (await postings.pool.entryOfApplication(application.id)) !== undefined
          const left = await leavePool(c.var.deps, application)
          emitStageChanged(c.var.deps, application, left)
          if (wasInPool)
            await notifyApplicant(
              c.var.deps,
              originOf(c),
              left,
              { type: 'left_pool' },
              publicLangOf(c)
            )
          return back('left-pool')
        }
        case 'erase':
          if (values.confirm !== 'yes') {
            return c.html(
              await renderApplication(c, application, {
                error: '削除するには、確認のチェックを入れてください。',
              }),
              400
            )
          }
          await eraseApplication(c.var.deps, application)
          await c.var.deps.accounts.addAudit({
            programId: application.programId,
            actorId: null,
            actorName: SELF_SERVICE_ACTOR,
            action: 'application.erase',
            subject: `application ${application.id}`,
            detail: {},
          })
          return back('erased')
      }
    } catch (error) {
      if (!(error instanceof SelectionError)) throw error
      return c.html(
        await renderApplication(c, (await postings.applications.get(application.id))!, {
          error: SELECTION_MESSAGES[error.code],
        }),
        409
      )
    }
    return c.html(notFoundPage(), 404)
  })

  app.get('/applications/:token/interview.ics', async (c) => {
    const application = await applicationByToken(c)
    const { postings } = c.var.deps
    const interview = application && (await postings.interviews.latestOf(application.id))
    if (!application || !interview || application.erasedAt)
      return c.html(notFoundPage('予約された面談はありません。'), 404)
    const posting = (await postings.publishing.get(application.postingId))!
    const version = (await postings.publishing.version(posting.id, posting.currentVersion))!
    c.header('content-type', 'text/calendar; charset=utf-8')
    c.header('content-disposition', 'attachment; filename="interview.ics"')
    c.header('cache-control', 'no-store')
    return c.body(
      applicantInterviewIcs(interview, {
        title: version.facts.title,
        organization: await organizationOf(c.var.deps.records, posting),
        statusUrl: `${originOf(c)}/applications/${c.req.param('token')}`,
      })
    )
  })

  app.get('/pool/withdraw/:token', async (c) => {
    const entry = await c.var.deps.postings.pool.byWithdrawTokenHash(
      hashSecret(c.req.param('token'))
    )
    if (!entry)
      return c.html(
        notFoundPage(
          'このリンクの登録は見つかりませんでした。すでに削除されている可能性があります。'
        ),
        404
      )
    c.header('cache-control', 'no-store')
    return c.html(
      poolWithdrawPage(
        { name: entry.name, action: `/pool/withdraw/${c.req.param('token')}` },
        publicLangOf(c)
      )
    )
  })

  app.post('/pool/withdraw/:token', formLimit, async (c) => {
    if (!isSameOrigin(c))
      return c.html(errorPage('このフォームは、登録のページから送信してください。'), 403)
    const { pool } = c.var.deps.postings
    const entry = await pool.byWithdrawTokenHash(hashSecret(c.req.param('token')))
    if (!entry)
      return c.html(
        notFoundPage(
          'このリンクの登録は見つかりませんでした。すでに削除されている可能性があります。'
        ),
        404
      )
    await withdrawPoolEntry(c.var.deps, entry)
    for (const programId of new Set(
      entry.sources.flatMap((s) => (s.programId ? [s.programId] : []))
    ))
      await c.var.deps.accounts.addAudit({
        programId,
        actorId: null,
        actorName: SELF_SERVICE_ACTOR,
        action: 'pool.erase',
        subject: `pool entry ${entry.id}`,
        detail: {},
      })
    confirmPoolWithdrawal(c.var.deps.mailer, entry)
    return c.html(poolWithdrawPage('done', publicLangOf(c)))
  })

  return app
}

async function applicationByToken(c: Context<AppEnv>): Promise<ApplicationRecord | undefined> {
  const token = c.req.param('token') ?? ''
  if (token.length > 100) return undefined
  return await c.var.deps.postings.applications.byStatusTokenHash(hashSecret(token))
}

async function renderApplication(
  c: Context<AppEnv>,
  application: ApplicationRecord,
  extra: { done?: Done; error?: string }
): Promise<Html> {
  const status = await applicantStatus(c.var.deps, application)
  c.header('cache-control', 'no-store')
  c.header('x-robots-tag', 'noindex')
  return applicationPage({
    ...status,
    lang: publicLangOf(c),
    statusUrl: `${originOf(c)}/applications/${c.req.param('token')}`,
    ...extra,
  })
}
