/**
 * Selection for coordinators (and, read-only, the team's theme owner): the pipeline of a posting,
 * stage/note/rating changes, availability windows cut into 15-minute slots, booking, moving and
 * cancelling interviews, calendar files and CSV exports.
 */
import { Hono } from 'hono'
import {
  CancelInterviewRequest,
  CreateWindowRequest,
  SlotChoice,
  UpdateApplicationRequest,
  can,
  STAGE_NAMES_JA,
} from '@specboard/shared'
import type { Agenda, InterviewWindow, MailProblems, Pipeline } from '@specboard/shared'
import type { ApplicationRecord, PostingStore, WindowRecord } from '../storage/PostingStore.ts'
import type { RecordStore } from '../storage/Storage.ts'
import { HttpError } from '../errors.ts'
import { toCsv } from '../publishing/csv.ts'
import { formatDateTime, formatSlot } from '../publishing/format.ts'
import { notifyInterview, notifyStage } from '../selection/applicantNotices.ts'
import { emitInterview, emitStageChanged } from '../webhooks/selectionEvents.ts'
import { coordinatorInterviewIcs } from '../publishing/interviewIcs.ts'
import { wasInterviewed } from '../selection/interviewed.ts'
import { isOpen } from '../postings/publishPosting.ts'
import { bookSlot, cancelInterview, changeStage, moveInterview } from '../selection/selection.ts'
import { cutSlots } from '../selection/slots.ts'
import { applicationView, interviewView } from '../selection/views.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { programFor } from './middleware/access.ts'
import { originOf } from './middleware/origin.ts'
import { applicationFor, interviewFor, postingFor, selecting } from './middleware/postingAccess.ts'
import { recordAudit } from './middleware/recordAudit.ts'
import { csvResponse } from './middleware/csvResponse.ts'
import { jsonBody, readBody } from './middleware/validate.ts'

/** Routes under /api/postings/:postingId. */
export const postingSelectionRoutes = new Hono<AppEnv>()
  .get('/:postingId/applications', async (c) => {
    const { posting, team, role } = await postingFor(c, c.req.param('postingId'), 'selection:read')
    const { postings } = c.var.deps
    const version = (await postings.publishing.version(posting.id, posting.currentVersion))!
    const body: Pipeline = {
      posting: {
        id: posting.id,
        title: version.facts.title,
        slug: posting.slug,
        teamId: team.id,
        teamName: team.name,
        isOpen: isOpen(posting, version),
      },
      counts: await postings.applications.stageCounts(posting.id),
      applications: await Promise.all(
        (await postings.applications.listByPosting(posting.id)).map((a) =>
          applicationView(postings, a)
        )
      ),
      canManage: can(role, 'selection:manage'),
    }
    return c.json(body)
  })
  .get('/:postingId/applications.csv', async (c) => {
    const { posting } = await postingFor(c, c.req.param('postingId'), 'selection:read')
    const { postings, records } = c.var.deps
    return csvResponse(
      c,
      `applicants-${posting.slug}`,
      await applicantsCsv(postings, records, await postings.applications.listByPosting(posting.id))
    )
  })

/** Routes under /api/applications/:applicationId. */
export const applicationRoutes = new Hono<AppEnv>()
  .get('/:applicationId', async (c) => {
    const { application } = await applicationFor(c, c.req.param('applicationId'), 'selection:read')
    return c.json(await applicationView(c.var.deps.postings, application))
  })
  .patch('/:applicationId', jsonBody(UpdateApplicationRequest), async (c) => {
    const { application } = await applicationFor(
      c,
      c.req.param('applicationId'),
      'selection:manage'
    )
    const body = await readBody(c)
    const updated = await c.var.deps.tx(async (stores) => {
      const moved = body.stage
        ? await selecting(() => changeStage(stores, application, body.stage!))
        : application
      if (moved.stage !== application.stage)
        await recordAudit(
          c,
          application.programId,
          'application.stage',
          `application ${application.id}`,
          { from: application.stage, to: moved.stage },
          stores.accounts
        )
      return (await stores.postings.applications.update(moved.id, {
        note: body.note,
        rating: body.rating,
      }))!
    })
    emitStageChanged(c.var.deps, application, updated)
    await notifyStage(c.var.deps, originOf(c), application, updated)
    return c.json(await applicationView(c.var.deps.postings, updated))
  })
  .post('/:applicationId/interview', jsonBody(SlotChoice), async (c) => {
    const { application } = await applicationFor(
      c,
      c.req.param('applicationId'),
      'selection:manage'
    )
    const { slotId } = await readBody(c)
    const interview = await selecting(() => bookSlot(c.var.deps, application, slotId))
    await emitInterview(c.var.deps, interview, 'interview.booked')
    await notifyInterview(c.var.deps, originOf(c), interview, { type: 'interview_booked' })
    return c.json(interviewView(interview), 201)
  })

/** Routes under /api/interviews/:interviewId. */
export const interviewRoutes = new Hono<AppEnv>()
  .post('/:interviewId/move', jsonBody(SlotChoice), async (c) => {
    const { interview } = await interviewFor(c, c.req.param('interviewId'), 'selection:manage')
    const { slotId } = await readBody(c)
    const moved = await selecting(() => moveInterview(c.var.deps, interview, slotId))
    await emitInterview(c.var.deps, moved, 'interview.moved', interview)
    await notifyInterview(c.var.deps, originOf(c), moved, {
      type: 'interview_moved',
      before: interview,
    })
    return c.json(interviewView(moved))
  })
  .post('/:interviewId/cancel', jsonBody(CancelInterviewRequest), async (c) => {
    const { interview } = await interviewFor(c, c.req.param('interviewId'), 'selection:manage')
    const { reason } = await readBody(c)
    const cancelled = await selecting(() =>
      cancelInterview(c.var.deps, interview, 'coordinator', reason || null)
    )
    await emitInterview(c.var.deps, cancelled, 'interview.cancelled')
    await notifyInterview(c.var.deps, originOf(c), cancelled, {
      type: 'interview_cancelled',
      byApplicant: false,
      reason: reason || null,
    })
    return c.json(interviewView(cancelled))
  })
  .get('/:interviewId/interview.ics', async (c) => {
    const { interview, application, team } = await interviewFor(
      c,
      c.req.param('interviewId'),
      'selection:read'
    )
    c.header('content-type', 'text/calendar; charset=utf-8')
    c.header('content-disposition', 'attachment; filename="interview.ics"')
    return c.body(
      coordinatorInterviewIcs(interview, application, {
        teamName: team.name,
        programUrl: `${originOf(c)}/programs/${team.programId}`,
      })
    )
  })

/** Routes under /api/programs/:programId: windows, the agenda and the program's applicants. */
export const programSelectionRoutes = new Hono<AppEnv>()
  .get('/:programId/mail-problems', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'selection:manage')
    const body: MailProblems = { failures: [...(await c.var.deps.mailer.failuresOf(program.id))] }
    return c.json(body)
  })
  .delete('/:programId/mail-problems/:failureId', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'selection:manage')
    if (!(await c.var.deps.mailer.dismissFailure(program.id, c.req.param('failureId'))))
      throw new HttpError(
        404,
        'mail_problem_not_found',
        'this program has no such undelivered mail'
      )
    return c.body(null, 204)
  })
  .get('/:programId/interview-windows', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'selection:manage')
    const { postings, records } = c.var.deps
    return c.json({
      windows: await Promise.all(
        (await postings.interviews.listWindows(program.id)).map((w) =>
          windowView(postings, records, w)
        )
      ),
    })
  })
  .post('/:programId/interview-windows', jsonBody(CreateWindowRequest), async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'selection:manage')
    const body = await readBody(c)
    const { postings, records } = c.var.deps
    if (Date.parse(body.endsAt) <= Date.now())
      throw new HttpError(400, 'invalid_body', 'endsAt: must be in the future')
    if (
      body.postingId &&
      (await postings.publishing.get(body.postingId))?.programId !== program.id
    ) {
      throw new HttpError(400, 'invalid_body', 'postingId: no such posting in this program')
    }
    const slots = cutSlots(body.startsAt, body.endsAt).filter(
      (s) => Date.parse(s.startsAt) > Date.now()
    )
    const window = await postings.interviews.createWindow({
      programId: program.id,
      postingId: body.postingId,
      startsAt: new Date(body.startsAt).toISOString(),
      endsAt: new Date(body.endsAt).toISOString(),
      createdBy: c.var.principal!.personId,
      slots,
    })
    return c.json(await windowView(postings, records, window), 201)
  })
  .delete('/:programId/interview-windows/:windowId', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'selection:manage')
    const { postings } = c.var.deps
    const window = await postings.interviews.getWindow(c.req.param('windowId'))
    if (!window || window.programId !== program.id)
      throw new HttpError(404, 'window_not_found', 'this program has no such window')
    if ((await postings.interviews.deleteWindow(window.id)) === 'booked') {
      throw new HttpError(
        409,
        'window_booked',
        'interviews are booked in this window; move or cancel them first'
      )
    }
    return c.body(null, 204)
  })
  .get('/:programId/interviews', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'selection:manage')
    const { postings, records } = c.var.deps
    const body: Agenda = {
      interviews: await Promise.all(
        (await postings.interviews.listByProgram(program.id)).map(async (i) => {
          const application = (await postings.applications.get(i.applicationId))!
          const posting = (await postings.publishing.get(application.postingId))!
          return {
            ...interviewView(i),
            applicantName: application.name,
            postingId: posting.id,
            postingTitle: (await postings.publishing.version(posting.id, posting.currentVersion))!
              .facts.title,
            teamName: (await records.getTeam(posting.teamId))?.name ?? '',
          }
        })
      ),
    }
    return c.json(body)
  })
  .get('/:programId/applications.csv', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'selection:manage')
    const { postings, records } = c.var.deps
    return csvResponse(
      c,
      'applicants',
      await applicantsCsv(postings, records, await postings.applications.listByProgram(program.id))
    )
  })

async function windowView(
  postings: PostingStore,
  records: RecordStore,
  w: WindowRecord
): Promise<InterviewWindow> {
  return {
    ...w,
    slots: await Promise.all(
      (await postings.interviews.slotsOfWindow(w.id)).map(async (s) => {
        const interview = await postings.interviews.bySlot(s.id)
        const application = interview && (await postings.applications.get(interview.applicationId))
        const posting = application && (await postings.publishing.get(application.postingId))
        return {
          id: s.id,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          booking:
            interview && application && posting
              ? {
                  interviewId: interview.id,
                  applicationId: application.id,
                  applicantName: application.name,
                  postingTitle:
                    (await postings.publishing.version(posting.id, posting.currentVersion))!.facts
                      .title ||
                    ((await records.getTeam(posting.teamId))?.name ?? ''),
                }
              : null,
        }
      })
    ),
  }
}

const APPLICANT_COLUMNS = [
  '応募日時',
  '求人',
  'チーム',
  '段階',
  '氏名',
  '連絡先',
  'スキル',
  'リンク',
  '応募の動機',
  '人材プールへの同意',
  '評価',
  'メモ',
  '面談',
  '面談実施',
  'デモデータ',
]

async function applicantsCsv(
  postings: PostingStore,
  records: RecordStore,
  applications: readonly ApplicationRecord[]
): Promise<string> {
  const titles = new Map<string, string>()
  const titleOf = async (postingId: string) => {
    if (!titles.has(postingId)) {
      const posting = (await postings.publishing.get(postingId))!
      titles.set(
        postingId,
        (await postings.publishing.version(posting.id, posting.currentVersion))!.facts.title
      )
    }
    return titles.get(postingId)!
  }
  const now = Date.now()
  const rows = await Promise.all(
    applications.map(async (a) => {
      const interview = await postings.interviews.latestOf(a.id)
      return [
        formatDateTime(a.createdAt),
        await titleOf(a.postingId),
        (await records.getTeam(a.teamId))?.name ?? '',
        STAGE_NAMES_JA[a.stage],
        a.name,
        a.contact,
        a.skills.join('、'),
        a.links.join('\n'),
        a.motivation,
        a.consentPool ? 'あり' : 'なし',
        a.rating,
        a.note,
        interview
          ? `${formatSlot(interview.startsAt, interview.endsAt)}${interview.status === 'cancelled' ? '（取消）' : ''}`
          : '',
        wasInterviewed(a.stage, await postings.interviews.scheduledOf(a.id), now) ? '済み' : '',
        a.isDemo ? 'デモ' : '',
      ]
    })
  )
  return toCsv(APPLICANT_COLUMNS, rows)
}
