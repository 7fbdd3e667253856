/**
 * The public side, server-rendered and usable without JavaScript: the list of postings, a posting with
 * its application form, the Atom feed, the applicant's private status page, and the pool's withdrawal
 * link. Mounted before the SPA fallback.
 *
 * Abuse resistance without third parties: a honeypot field, a per-address limit on applications, and an
 * Origin/Referer check on every POST (defence in depth — these forms carry no session, and the status
 * forms are bound to a secret in their URL). The client address is the socket's; `X-Forwarded-For` is
 * believed only when TRUST_PROXY says how many reverse proxies in front of us set it.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { clientAddress, proxyHopsFrom } from './middleware/clientAddress.ts'
import {
  ApplicationForm,
  DEFAULT_RETENTION_MONTHS,
  SELF_SERVICE_ACTOR,
  contactKey,
  WORK_STYLES,
  type WorkStyle,
} from '@specboard/shared'
import type {
  ApplicationRecord,
  PostingRecord,
  PostingVersionRecord,
} from '../storage/PostingStore.ts'
import { hashSecret } from '../ids.ts'
import { notifyApplicant, notifyInterview } from '../selection/applicantNotices.ts'
import {
  emitApplicationReceived,
  emitInterview,
  emitStageChanged,
} from '../webhooks/selectionEvents.ts'
import { confirmPoolWithdrawal } from '../selection/poolNotices.ts'
import { newStatusToken } from '../selection/statusToken.ts'
import { buildAtomFeed } from '../publishing/atom.ts'
import { applicantInterviewIcs } from '../publishing/interviewIcs.ts'
import { isOpen } from '../postings/publishPosting.ts'
import type { LimiterFactory } from '../ports/Limiter.ts'
import {
  bookSlot,
  cancelInterview,
  eraseApplication,
  leavePool,
  SelectionError,
  withdrawPoolEntry,
} from '../selection/selection.ts'
import { postingUrl } from '../postings/views.ts'
import {
  applicationPage,
  DONE_KEYS,
  poolWithdrawPage,
  type Done,
} from '../publishing/pages/applicationPage.ts'
import { listPage, type ListFilters } from '../publishing/pages/listPage.ts'
import { publicLangOf } from './middleware/publicLangCookie.ts'
import { textOf } from '../publishing/pages/publicText.ts'
import { notFoundPage, page, PUBLIC_CSP, SITE_CSS, type Html } from '../publishing/pages/layout.ts'
import { postingPage, type ApplicationFormState } from '../publishing/pages/postingPage.ts'
import { html } from 'hono/html'
import type { AppEnv } from './middleware/AppEnv.ts'
import { originOf } from './middleware/origin.ts'

export interface PublicPageOptions {
  /** Applications accepted per client address per window. */
  readonly applyLimit: number
  readonly applyWindowMs: number
  /** Reverse proxies in front that set X-Forwarded-For (TRUST_PROXY; see clientAddress.ts). */
  readonly trustProxy: number
}

/** Reads the options from the environment: APPLY_RATE_LIMIT (per 10 minutes, default 5), TRUST_PROXY=1. */
export function publicPageOptions(env: NodeJS.ProcessEnv = process.env): PublicPageOptions {
  const limit = Number(env.APPLY_RATE_LIMIT ?? 5)
  return {
    applyLimit: Number.isInteger(limit) && limit > 0 ? limit : 5,
    applyWindowMs: 10 * 60_000,
    trustProxy: proxyHopsFrom(env),
  }
}

const FORM_BYTES = 64 * 1024
/** Slots closer than this are not offered: the coordinator needs a moment to see the booking. */
const BOOKING_LEAD_MS = 30 * 60_000
const MAX_SLOTS_SHOWN = 120
const FEED_ENTRIES = 50

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

export function publicPageRoutes(options: PublicPageOptions, limiters: LimiterFactory) {
  // One budget across instances: `applyLimit` at once, refilled over the window.
  const limiter = limiters('applications', {
    burst: options.applyLimit,
    perSecond: options.applyLimit / (options.applyWindowMs / 1000),
  })
  const formLimit = bodyLimit({
    maxSize: FORM_BYTES,
    onError: (c) => c.html(errorPage('送信された内容が大きすぎます。'), 413),
  })

  const app = new Hono<AppEnv>()
  // Scoped paths, not '*': mounted at the root, a '*' middleware would reach the API and the SPA too.
  for (const path of [
    '/postings',
    '/postings/*',
    '/postings.atom',
    '/applications/*',
    '/pool/withdraw/*',
  ]) {
    app.use(path, async (c, next) => {
      await next()
      c.header('content-security-policy', PUBLIC_CSP)
    })
  }

  app.get('/postings/assets/site.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8')
    c.header('cache-control', 'public, max-age=31536000, immutable')
    return c.body(SITE_CSS)
  })

  app.get('/postings.atom', async (c) => {
    const deps = c.var.deps
    const origin = originOf(c)
    const open = (await deps.postings.publishing.listPublished())
      .filter((p) => isOpen(p.posting, p.version))
      .slice(0, FEED_ENTRIES)
    const authors = await Promise.all(open.map((p) => organizationOf(c, p.posting)))
    const xml = buildAtomFeed({
      selfUrl: `${origin}/postings.atom`,
      pageUrl: `${origin}/postings`,
      title: 'Specboard 求人 — 募集中の副業・プロボノ',
      subtitle: '地域の課題から生まれた仕様書と募集',
      updated:
        open
          .map((p) => p.version.publishedAt)
          .sort()
          .at(-1) ?? new Date(0).toISOString(),
      entries: open.map(({ posting, version }, i) => ({
        url: postingUrl(origin, posting.slug),
        title: posting.isDemo ? `[デモ] ${version.facts.title}` : version.facts.title,
        published: posting.firstPublishedAt,
        updated: version.publishedAt,
        summary: version.excerpt,
        contentHtml: version.html,
        categories: version.facts.skills,
        author: authors[i]!,
      })),
    })
    c.header('content-type', 'application/atom+xml; charset=utf-8')
    c.header('cache-control', 'public, max-age=300')
    return c.body(xml)
  })

  app.get('/postings', async (c) => {
    const filters = listFilters(c)
    const deps = c.var.deps
    const all = await Promise.all(
      (await deps.postings.publishing.listPublished()).map(async (item) => ({
        item,
        organization: await organizationOf(c, item.posting),
        isOpen: isOpen(item.posting, item.version),
      }))
    )
    const shown = all.filter((i) => filters.closed || i.isOpen)
    const words = fold(filters.q).split(/\s+/).filter(Boolean)
    const items = shown
      .filter(({ item, organization }) => {
        const f = item.version.facts
        if (filters.region && f.region !== filters.region) return false
        if (filters.style && f.workStyle !== filters.style) return false
        const haystack = fold(
          [
            f.title,
            f.region,
            f.municipality ?? '',
            f.location ?? '',
            ...f.skills,
            item.version.excerpt,
            organization,
          ].join('\n')
        )
        return words.every((w) => haystack.includes(w))
      })
      .sort((a, b) => Number(b.isOpen) - Number(a.isOpen))
    const regions = [...new Set(shown.map((i) => i.item.version.facts.region))].sort((a, b) =>
      a.localeCompare(b, 'ja')
    )
    c.header('cache-control', 'public, max-age=60')
    return c.html(
      listPage({
        lang: publicLangOf(c),
        filters,
        items,
        regions,
        canonical: `${originOf(c)}/postings`,
      })
    )
  })

  app.get('/postings/:slug', async (c) => {
    const found = await publishedBySlug(c)
    if (!found) return c.html(notFoundPage(undefined, publicLangOf(c)), 404)
    c.header('cache-control', 'public, max-age=60')
    return c.html(await renderPosting(c, found.posting, found.version))
  })

  app.get('/postings/:slug/apply', (c) =>
    c.redirect(`/postings/${encodeURIComponent(c.req.param('slug'))}#apply`, 303)
  )

  app.post('/postings/:slug/apply', formLimit, async (c) => {
    const found = await publishedBySlug(c)
    if (!found) return c.html(notFoundPage(undefined, publicLangOf(c)), 404)
    if (!isSameOrigin(c))
      return c.html(errorPage('このフォームは、募集ページから送信してください。'), 403)
    const { posting, version } = found
    if (!isOpen(posting, version)) return c.html(await renderPosting(c, posting, version), 409)
    const values = await formValues(c)
    if (values === null) return c.html(errorPage('フォームの形式で送信してください。'), 415)
    const parsed = ApplicationForm.safeParse(values)
    const t = textOf(publicLangOf(c))
    if (!parsed.success) {
      const errors: Record<string, string> = {}
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '_form')
        errors[field] ??= t.fieldProblems?.[field] ?? issue.message
      }
      return c.html(await renderPosting(c, posting, version, { values, errors }), 400)
    }
    if (!(await limiter.take(clientAddress(c, options.trustProxy)))) {
      const errors = { _form: t.tooMany }
      return c.html(await renderPosting(c, posting, version, { values, errors }), 429)
    }
    const form = parsed.data
    const key = contactKey(form.contact)
    const applied = (await c.var.deps.postings.applications.listByPosting(posting.id)).some(
      (a) => !a.erasedAt && contactKey(a.contact) === key
    )
    if (applied) {
      // Said in words, not silently doubled: the person most likely lost their status link.
      const errors = { contact: t.alreadyApplied }
      return c.html(await renderPosting(c, posting, version, { values, errors }), 409)
    }
    const { applicationId, token } = newStatusToken(c.var.deps.secretKey)
    const created = await c.var.deps.postings.applications.create({
      id: applicationId,
      postingId: posting.id,
      postingVersion: version.version,
      programId: posting.programId,
      teamId: posting.teamId,
      statusTokenHash: hashSecret(token),
      name: form.name,
      contact: form.contact,
      motivation: form.motivation,
      skills: form.skills,
      links: form.links,
      consentPool: form.consent_pool === 'yes',
      isDemo: posting.isDemo,
      lang: publicLangOf(c),
    })
    emitApplicationReceived(c.var.deps, created)
    await notifyApplicant(c.var.deps, originOf(c), created, { type: 'received' }, publicLangOf(c))
    return c.redirect(`/applications/${token}?done=applied#status`, 303)
  })

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
        organization: await organizationOf(c, posting),
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

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase()
}

function listFilters(c: Context): ListFilters {
  const q = (c.req.query('q') ?? '').slice(0, 100).trim()
  const region = (c.req.query('region') ?? '').slice(0, 40)
  // `remote=1` is what earlier versions of the form sent; it meant remote work, now "fully remote".
  const style = c.req.query('style') ?? (c.req.query('remote') === '1' ? 'remote' : '')
  return {
    q,
    region,
    style: (WORK_STYLES as readonly string[]).includes(style) ? (style as WorkStyle) : '',
    closed: c.req.query('closed') === '1',
  }
}

async function publishedBySlug(
  c: Context<AppEnv>
): Promise<{ posting: PostingRecord; version: PostingVersionRecord } | null> {
  const { publishing } = c.var.deps.postings
  const posting = await publishing.bySlug(c.req.param('slug') ?? '')
  if (posting?.status !== 'published') return null
  return { posting, version: (await publishing.version(posting.id, posting.currentVersion))! }
}

async function organizationOf(c: Context<AppEnv>, posting: PostingRecord): Promise<string> {
  const { records } = c.var.deps
  return (
    (await records.getTeam(posting.teamId))?.organization ||
    (await records.getProgram(posting.programId))?.name ||
    ''
  )
}

async function renderPosting(
  c: Context<AppEnv>,
  posting: PostingRecord,
  version: PostingVersionRecord,
  form?: ApplicationFormState
): Promise<Html> {
  if (form) c.header('cache-control', 'no-store')
  const program = await c.var.deps.records.getProgram(posting.programId)
  return postingPage({
    lang: publicLangOf(c),
    posting,
    version,
    url: postingUrl(originOf(c), posting.slug),
    organization: await organizationOf(c, posting),
    programName: program?.name ?? '',
    retentionMonths: program?.retentionMonths ?? DEFAULT_RETENTION_MONTHS,
    isOpen: isOpen(posting, version),
    now: Date.now(),
    form,
  })
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
  const { postings } = c.var.deps
  const posting = (await postings.publishing.get(application.postingId))!
  c.header('cache-control', 'no-store')
  c.header('x-robots-tag', 'noindex')
  return applicationPage({
    lang: publicLangOf(c),
    application,
    posting,
    version: (await postings.publishing.version(posting.id, posting.currentVersion))!,
    organization: await organizationOf(c, posting),
    statusUrl: `${originOf(c)}/applications/${c.req.param('token')}`,
    interview: await postings.interviews.latestOf(application.id),
    freeSlots: (
      await postings.interviews.freeSlots(
        application.programId,
        application.postingId,
        new Date(Date.now() + BOOKING_LEAD_MS).toISOString()
      )
    ).slice(0, MAX_SLOTS_SHOWN),
    inPool:
      application.consentPool ||
      (await postings.pool.entryOfApplication(application.id)) !== undefined,
    ...extra,
  })
}

/** The form's text fields; null when the body is not a form. Files and repeated fields are ignored. */
async function formValues(c: Context): Promise<Record<string, string> | null> {
  const type = (c.req.header('content-type') ?? '').toLowerCase()
  if (
    !type.startsWith('application/x-www-form-urlencoded') &&
    !type.startsWith('multipart/form-data')
  )
    return null
  const body = await c.req.parseBody()
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(body))
    if (typeof value === 'string') values[key] = value
  return values
}

/**
 * Whether a POST comes from one of our pages: its Origin (or, without one, its Referer) is the app's.
 * Requests with neither (non-browser clients) pass: the check only stops other sites' pages.
 */
function isSameOrigin(c: Context<AppEnv>): boolean {
  const claimed = c.req.header('origin') ?? c.req.header('referer')
  return claimed === undefined || c.var.deps.origin.allows(claimed)
}

function errorPage(message: string): Html {
  return page({
    title: 'エラー | Specboard 求人',
    noindex: true,
    body: html`<h1>送信できませんでした</h1><div class="card"><p>${message}</p><p><a href="/postings">募集の一覧へ</a></p></div>`,
  })
}
