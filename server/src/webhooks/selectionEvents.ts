/**
 * What selection events tell webhooks: ids, stages and times the program's coordinator sees in the
 * pipeline; never the applicant's contact, motivation or notes.
 */
import type { ApplicationRecord, InterviewRecord, PostingStore } from '../storage/PostingStore.ts'
import type { Webhooks } from './Webhooks.ts'

interface EventDeps {
  readonly postings: PostingStore
  readonly events: Webhooks
}

const applicationData = (a: ApplicationRecord) => ({
  applicationId: a.id,
  postingId: a.postingId,
  teamId: a.teamId,
  name: a.name,
  stage: a.stage,
})

export function emitApplicationReceived(deps: EventDeps, application: ApplicationRecord): void {
  deps.events.emit(application.programId, 'application.received', applicationData(application))
}

export function emitStageChanged(
  deps: EventDeps,
  before: ApplicationRecord,
  after: ApplicationRecord
): void {
  if (before.stage === after.stage) return
  deps.events.emit(after.programId, 'application.stage_changed', {
    ...applicationData(after),
    from: before.stage,
  })
}

export async function emitInterview(
  deps: EventDeps,
  interview: InterviewRecord,
  type: 'interview.booked' | 'interview.moved' | 'interview.cancelled',
  before?: InterviewRecord
): Promise<void> {
  const application = await deps.postings.applications.get(interview.applicationId)
  if (!application) return
  deps.events.emit(application.programId, type, {
    interviewId: interview.id,
    applicationId: application.id,
    postingId: application.postingId,
    teamId: application.teamId,
    startsAt: interview.startsAt,
    endsAt: interview.endsAt,
    ...(before && { before: { startsAt: before.startsAt, endsAt: before.endsAt } }),
    ...(interview.status === 'cancelled' && { cancelledBy: interview.cancelledBy }),
  })
}
