/**
 * The rules of selection that span several stores: what a stage change does to interviews and the
 * talent pool, booking a slot, and erasing an applicant's personal data. Routes (the coordinator's API
 * and the applicant's status page) call these; they never touch the pool or interviews directly. Each rule
 * runs in one transaction (`stores.tx`), so a refusal half-way changes nothing.
 */
import type { ApplicationStage, ManagedStage } from '@specboard/shared'
import type { Stores } from '../ports/Storage.ts'
import type {
  ApplicationRecord,
  InterviewRecord,
  PoolEntryRecord,
  PostingStore,
  SlotRecord,
} from '../storage/PostingStore.ts'

/** Expected refusals; `code` is what the API answers with. */
export class SelectionError extends Error {
  constructor(
    readonly code:
      | 'no_pool_consent'
      | 'erased'
      | 'slot_taken'
      | 'slot_not_found'
      | 'slot_past'
      | 'already_booked'
      | 'not_bookable'
      | 'not_scheduled',
    message: string
  ) {
    super(message)
  }
}

/** The slot `slotId` if it is in the application's scope and has not begun; refused otherwise. */
async function slotFor(
  postings: PostingStore,
  application: ApplicationRecord,
  slotId: string,
  now: number
): Promise<SlotRecord> {
  const slot = await postings.interviews.getSlot(slotId)
  if (
    !slot ||
    slot.programId !== application.programId ||
    (slot.postingId !== null && slot.postingId !== application.postingId)
  ) {
    throw new SelectionError('slot_not_found', 'no such slot for this application')
  }
  if (Date.parse(slot.startsAt) <= now)
    throw new SelectionError('slot_past', 'this slot has already begun')
  return slot
}

// A decision (or a reset) cancels an interview that has not happened yet; the applicant sees why.
const CANCELS_UPCOMING: readonly ApplicationStage[] = [
  'applied',
  'placed',
  'pool',
  'declined',
  'withdrawn',
]

/** Moves an application to `stage`, keeping interviews and the talent pool in step. */
export async function changeStage(
  stores: Stores,
  application: ApplicationRecord,
  stage: ManagedStage,
  now = Date.now()
): Promise<ApplicationRecord> {
  if (stage === application.stage) return application
  if (application.erasedAt && stage !== 'declined')
    throw new SelectionError('erased', 'the applicant withdrew consent; only declining is possible')
  if (stage === 'pool' && !application.consentPool) {
    throw new SelectionError('no_pool_consent', 'the applicant did not consent to the talent pool')
  }
  return stores.tx(async ({ postings }) => {
    if (application.stage === 'pool')
      await postings.pool.removeApplicationSources(application.id, ['applicant'])
    if (application.stage === 'placed')
      await postings.pool.removeApplicationSources(application.id, ['placed'])
    if (CANCELS_UPCOMING.includes(stage)) await cancelUpcoming(postings, application.id, now)
    if (stage === 'pool' || (stage === 'placed' && application.consentPool)) {
      await postings.pool.add({
        source: stage === 'pool' ? 'applicant' : 'placed',
        programId: application.programId,
        teamId: application.teamId,
        applicationId: application.id,
        name: application.name,
        contact: application.contact,
        tags: application.skills,
        consent: true,
        isDemo: application.isDemo,
      })
    }
    return (await postings.applications.update(application.id, { stage }))!
  })
}

async function cancelUpcoming(
  postings: PostingStore,
  applicationId: string,
  now: number
): Promise<void> {
  const interview = await postings.interviews.scheduledOf(applicationId)
  if (interview && Date.parse(interview.startsAt) > now)
    await postings.interviews.cancel(interview.id, 'coordinator', null)
}

/**
 * Books a slot for an application. The slot must belong to the application's program (and posting, if
 * the window is for one) and lie ahead; the database refuses a slot that someone else holds.
 */
export async function bookSlot(
  stores: Stores,
  application: ApplicationRecord,
  slotId: string,
  now = Date.now()
): Promise<InterviewRecord> {
  return stores.tx(async ({ postings }) => {
    if (application.erasedAt) throw new SelectionError('erased', 'the applicant withdrew consent')
    if (application.stage !== 'applied' && application.stage !== 'interview_scheduled') {
      throw new SelectionError(
        'not_bookable',
        `an application in stage ${application.stage} takes no interview`
      )
    }
    const slot = await slotFor(postings, application, slotId, now)
    {
      const result = await postings.interviews.book(application.id, slot.id)
      if (!result.ok) {
        if (result.reason === 'slot_taken')
          throw new SelectionError('slot_taken', 'someone else booked this slot')
        if (result.reason === 'already_booked')
          throw new SelectionError(
            'already_booked',
            'this application already has an interview; move or cancel it'
          )
        throw new SelectionError('slot_not_found', 'no such slot')
      }
      await postings.applications.update(application.id, { stage: 'interview_scheduled' })
      return result.interview
    }
  })
}

/** Moves a scheduled interview to another free slot of the same scope. */
export async function moveInterview(
  stores: Stores,
  interview: InterviewRecord,
  slotId: string,
  now = Date.now()
): Promise<InterviewRecord> {
  return stores.tx(async ({ postings }) => {
    const application = (await postings.applications.get(interview.applicationId))!
    const slot = await slotFor(postings, application, slotId, now)
    const result = await postings.interviews.move(interview.id, slot.id)
    if (result.ok) return result.interview
    if (result.reason === 'slot_taken')
      throw new SelectionError('slot_taken', 'someone else holds this slot')
    if (result.reason === 'not_scheduled')
      throw new SelectionError('not_scheduled', 'only a scheduled interview can be moved')
    throw new SelectionError('slot_not_found', 'no such slot')
  })
}

/** Cancels an interview; the application goes back to `applied` so a new slot can be picked. */
export async function cancelInterview(
  stores: Stores,
  interview: InterviewRecord,
  by: 'coordinator' | 'applicant',
  reason: string | null
): Promise<InterviewRecord> {
  if (interview.status !== 'scheduled')
    throw new SelectionError('not_scheduled', 'this interview is not scheduled')
  return stores.tx(async ({ postings }) => {
    const cancelled = (await postings.interviews.cancel(interview.id, by, reason))!
    const application = (await postings.applications.get(interview.applicationId))!
    if (application.stage === 'interview_scheduled')
      await postings.applications.update(application.id, { stage: 'applied' })
    return cancelled
  })
}

/** The applicant leaves the talent pool: the pool entry (with its personal data) is deleted. */
export async function leavePool(
  stores: Stores,
  application: ApplicationRecord
): Promise<ApplicationRecord> {
  return stores.tx(async ({ postings }) => {
    const entry = await postings.pool.entryOfApplication(application.id)
    if (entry) await postings.pool.delete(entry.id)
    return (await postings.applications.update(application.id, { consentPool: false }))!
  })
}

/**
 * Someone uses the pool's own withdrawal link: the entry goes, and every application that brought them
 * in forgets the consent too, so its status page stops saying they are in the pool.
 */
export function withdrawPoolEntry(stores: Stores, entry: PoolEntryRecord): Promise<void> {
  return stores.tx(async ({ postings }) => {
    for (const source of entry.sources)
      if (source.applicationId)
        await postings.applications.update(source.applicationId, { consentPool: false })
    await postings.pool.delete(entry.id)
  })
}

/**
 * The applicant withdraws consent to the handling of their data: their pool entry is deleted, an
 * upcoming interview is cancelled, the application's personal fields are blanked, and an undecided
 * application is withdrawn. The anonymous row stays so the program's figures keep counting it.
 */
export async function eraseApplication(
  stores: Stores,
  application: ApplicationRecord,
  now = Date.now()
): Promise<ApplicationRecord> {
  return stores.tx(async ({ postings }) => {
    const entry = await postings.pool.entryOfApplication(application.id)
    if (entry) await postings.pool.delete(entry.id)
    const interview = await postings.interviews.scheduledOf(application.id)
    if (interview && Date.parse(interview.startsAt) > now)
      await postings.interviews.cancel(interview.id, 'applicant', null)
    const undecided = ['applied', 'interview_scheduled', 'interviewed'].includes(application.stage)
    if (undecided) await postings.applications.update(application.id, { stage: 'withdrawn' })
    return (await postings.applications.erase(application.id))!
  })
}
