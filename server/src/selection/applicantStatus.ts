/** What an applicant's private status page shows of their application, whatever language it is read in. */
import { organizationOf } from '../postings/organization.ts'
import type {
  ApplicationRecord,
  InterviewRecord,
  PostingRecord,
  PostingStore,
  PostingVersionRecord,
  SlotRecord,
} from '../storage/PostingStore.ts'
import type { RecordStore } from '../storage/Storage.ts'

/** Slots closer than this are not offered: the coordinator needs a moment to see the booking. */
const BOOKING_LEAD_MS = 30 * 60_000
const MAX_SLOTS_SHOWN = 120

export interface ApplicantStatus {
  readonly application: ApplicationRecord
  readonly posting: PostingRecord
  readonly version: PostingVersionRecord
  readonly organization: string
  readonly interview: InterviewRecord | undefined
  /** The slots the applicant may still book. */
  readonly freeSlots: readonly SlotRecord[]
  /** Consented to the talent pool (or is in it). */
  readonly inPool: boolean
}

export async function applicantStatus(
  deps: { readonly records: RecordStore; readonly postings: PostingStore },
  application: ApplicationRecord,
  now = Date.now()
): Promise<ApplicantStatus> {
  const { postings } = deps
  const posting = (await postings.publishing.get(application.postingId))!
  return {
    application,
    posting,
    version: (await postings.publishing.version(posting.id, posting.currentVersion))!,
    organization: await organizationOf(deps.records, posting),
    interview: await postings.interviews.latestOf(application.id),
    freeSlots: (
      await postings.interviews.freeSlots(
        application.programId,
        application.postingId,
        new Date(now + BOOKING_LEAD_MS).toISOString()
      )
    ).slice(0, MAX_SLOTS_SHOWN),
    inPool:
      application.consentPool ||
      (await postings.pool.entryOfApplication(application.id)) !== undefined,
  }
}
