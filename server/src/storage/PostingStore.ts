/**
 * What publishing and selection need from the data store: postings with their frozen versions,
 * applications, interview windows/slots/bookings and the talent pool; implemented once for both engines in
 * sql/SqlPostings.ts. Rules that span several of these
 * (a stage change that adds someone to the pool, an erasure) live in server/src/publishing/, not here.
 */
import type {
  ApplicationStage,
  PoolSource,
  PostingFacts,
  StageCounts,
  TeamRole,
} from '@specboard/shared'

export interface PostingRecord {
  readonly id: string
  readonly teamId: string
  readonly programId: string
  readonly slug: string
  readonly status: 'published' | 'unpublished'
  readonly currentVersion: number
  readonly isDemo: boolean
  readonly firstPublishedAt: string
  readonly updatedAt: string
}

export interface PostingVersionRecord {
  readonly postingId: string
  readonly version: number
  readonly facts: PostingFacts
  /** The sheet rendered and sanitized at publication. */
  readonly html: string
  /** Plain text for descriptions and feeds. */
  readonly excerpt: string
  readonly publishedAt: string
  readonly publishedBy: string | null
}

/** A posting with its current version. */
export interface PostingWithVersion {
  readonly posting: PostingRecord
  readonly version: PostingVersionRecord
}

export interface PublishInput {
  readonly teamId: string
  readonly programId: string
  /** Used when the posting is created; ignored afterwards. */
  readonly slug: string
  readonly facts: PostingFacts
  readonly snapshot: Uint8Array
  readonly html: string
  readonly excerpt: string
  readonly publishedBy: string | null
  /** Defaults to now; the demo seed backdates. */
  readonly publishedAt?: string
  readonly isDemo?: boolean
}

/** Postings and their immutable versions. */
export interface PublishingStore {
  /** Creates the team's posting, or adds the next version and publishes it again. */
  publish(input: PublishInput): Promise<PostingWithVersion>
  /** Hides a posting; undefined when unknown. */
  unpublish(postingId: string): Promise<PostingRecord | undefined>
  get(postingId: string): Promise<PostingRecord | undefined>
  byTeam(teamId: string): Promise<PostingRecord | undefined>
  bySlug(slug: string): Promise<PostingRecord | undefined>
  isSlugTaken(slug: string): Promise<boolean>
  listByProgram(programId: string): Promise<PostingRecord[]>
  /** Every published posting with its current version, newest publication first. */
  listPublished(): Promise<PostingWithVersion[]>
  version(postingId: string, version: number): Promise<PostingVersionRecord | undefined>
  versions(postingId: string): Promise<PostingVersionRecord[]>
  snapshot(postingId: string, version: number): Promise<Uint8Array | undefined>
}

export interface ApplicationRecord {
  readonly id: string
  readonly postingId: string
  readonly postingVersion: number
  readonly programId: string
  readonly teamId: string
  readonly stage: ApplicationStage
  readonly name: string
  readonly contact: string
  readonly motivation: string
  readonly skills: readonly string[]
  readonly links: readonly string[]
  readonly consentPool: boolean
  readonly note: string
  readonly rating: number | null
  readonly isDemo: boolean
  /** The language the applicant applied in; their mail is written in it. */
  readonly lang: 'ja' | 'en'
  readonly erasedAt: string | null
  readonly createdAt: string
  readonly updatedAt: string
  readonly stageChangedAt: string
}

export interface NewApplication {
  /** Chosen by the caller when the status link is derived from it; else made here. */
  readonly id?: string
  readonly postingId: string
  readonly postingVersion: number
  readonly programId: string
  readonly teamId: string
  readonly statusTokenHash: string
  readonly name: string
  readonly contact: string
  readonly motivation: string
  readonly skills: readonly string[]
  readonly links: readonly string[]
  readonly consentPool: boolean
  readonly isDemo?: boolean
  /** The language of the form the applicant used; defaults to Japanese. */
  readonly lang?: 'ja' | 'en'
  /** Defaults to now; the demo seed backdates. */
  readonly createdAt?: string
}

export interface ApplicationPatch {
  readonly stage?: ApplicationStage
  readonly note?: string
  readonly rating?: number | null
  readonly consentPool?: boolean
}

export interface ApplicationStore {
  create(a: NewApplication): Promise<ApplicationRecord>
  /**
   * Creates the application unless someone with the same contact (`contactKey`) has applied to the
   * posting and not been erased; undefined then. Atomic: two submissions at once make one application.
   */
  createUnlessApplied(a: NewApplication): Promise<ApplicationRecord | undefined>
  get(id: string): Promise<ApplicationRecord | undefined>
  byStatusTokenHash(hash: string): Promise<ApplicationRecord | undefined>
  listByPosting(postingId: string): Promise<ApplicationRecord[]>
  listByProgram(programId: string): Promise<ApplicationRecord[]>
  stageCounts(postingId: string): Promise<StageCounts>
  update(id: string, patch: ApplicationPatch): Promise<ApplicationRecord | undefined>
  /** Blanks every personal field and sets `erasedAt`; the row stays, anonymous, for the figures. */
  erase(id: string): Promise<ApplicationRecord | undefined>
  /**
   * Erases, in one statement, the personal data of a posting's applicants who are neither placed nor in
   * the talent pool (and not erased yet): the fields `erase` blanks, plus the rating, the reasons given
   * for cancelled interviews, and the status link (it stops opening anything). Idempotent, and safe when
   * several instances run it at once: each row is erased by exactly one of them. Resolves with how many.
   */
  eraseUnkept(postingId: string, at: string): Promise<number>
  /** Per posting of a program: applicants `eraseUnkept` would erase now, and those already erased. */
  retentionCounts(programId: string): Promise<Map<string, { pending: number; erased: number }>>
}

export interface WindowRecord {
  readonly id: string
  readonly programId: string
  readonly postingId: string | null
  readonly startsAt: string
  readonly endsAt: string
}

export interface SlotRecord {
  readonly id: string
  readonly windowId: string
  readonly programId: string
  readonly postingId: string | null
  readonly startsAt: string
  readonly endsAt: string
}

export interface InterviewRecord {
  readonly id: string
  readonly applicationId: string
  readonly slotId: string | null
  readonly startsAt: string
  readonly endsAt: string
  readonly status: 'scheduled' | 'cancelled'
  readonly cancelledBy: 'coordinator' | 'applicant' | null
  readonly cancelReason: string | null
  readonly movedFrom: string | null
  readonly sequence: number
  readonly createdAt: string
  readonly updatedAt: string
}

/** Why a booking or a move did not happen. */
export type BookingRefusal = 'slot_taken' | 'slot_not_found' | 'already_booked' | 'not_scheduled'

export type BookingResult =
  | { readonly ok: true; readonly interview: InterviewRecord }
  | { readonly ok: false; readonly reason: BookingRefusal }

export interface InterviewStore {
  /** Creates a window and its slots (already cut); slots that would duplicate existing ones are skipped. */
  createWindow(
    w: Omit<WindowRecord, 'id'> & {
      createdBy: string | null
      slots: readonly { startsAt: string; endsAt: string }[]
    }
  ): Promise<WindowRecord>
  getWindow(windowId: string): Promise<WindowRecord | undefined>
  listWindows(programId: string): Promise<WindowRecord[]>
  /** Deletes a window and its slots; 'booked' (nothing deleted) while any of its slots holds an interview. */
  deleteWindow(windowId: string): Promise<'deleted' | 'booked' | 'not_found'>
  slotsOfWindow(windowId: string): Promise<SlotRecord[]>
  getSlot(slotId: string): Promise<SlotRecord | undefined>
  /** Free slots an application of `postingId` may book, starting after `after`, soonest first. */
  freeSlots(programId: string, postingId: string, after: string): Promise<SlotRecord[]>
  /** Books `slotId` for an application; the database refuses a second booking of a slot or application. */
  book(applicationId: string, slotId: string): Promise<BookingResult>
  /** Moves a scheduled interview to another free slot. */
  move(interviewId: string, slotId: string): Promise<BookingResult>
  cancel(
    interviewId: string,
    by: 'coordinator' | 'applicant',
    reason: string | null
  ): Promise<InterviewRecord | undefined>
  get(interviewId: string): Promise<InterviewRecord | undefined>
  /** The scheduled interview of an application, else its most recent one. */
  latestOf(applicationId: string): Promise<InterviewRecord | undefined>
  scheduledOf(applicationId: string): Promise<InterviewRecord | undefined>
  /** The scheduled interview holding a slot. */
  bySlot(slotId: string): Promise<InterviewRecord | undefined>
  listByProgram(programId: string): Promise<InterviewRecord[]>
}

export interface PoolSourceRecord {
  readonly source: PoolSource
  readonly programId: string | null
  readonly teamId: string | null
  readonly applicationId: string | null
  readonly createdAt: string
}

export interface PoolInvitationRecord {
  readonly inviteId: string
  readonly teamId: string
  readonly role: TeamRole
  readonly createdAt: string
}

export interface PoolEntryRecord {
  readonly id: string
  readonly name: string
  readonly contact: string
  readonly tags: readonly string[]
  readonly note: string
  readonly isDemo: boolean
  readonly sources: readonly PoolSourceRecord[]
  readonly invitations: readonly PoolInvitationRecord[]
  /** When the person last consented: joining, joining again from another source, or renewing. */
  readonly consentedAt: string
  /** When they were asked to renew their consent; null when no answer is awaited. */
  readonly renewalAskedAt: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

/**
 * Someone to add to the talent pool. `consent` must be true: only people who agreed to be kept and
 * contacted later enter the pool. The pitch feature adds "I want to join" leads with `source: 'pitch_lead'`.
 */
export interface PoolEntryInput {
  readonly source: PoolSource
  readonly programId: string | null
  readonly teamId: string | null
  readonly applicationId?: string | null
  readonly name: string
  readonly contact: string
  readonly note?: string
  readonly tags?: readonly string[]
  readonly consent: true
  readonly isDemo?: boolean
  /** Defaults to now; tests and the demo backdate. */
  readonly consentedAt?: string
}

export interface PoolStore {
  /**
   * Adds a person, or a source to the entry with the same contact. Returns the entry and, when the entry
   * is new, the secret of its withdrawal link (`/pool/withdraw/<token>`), to give to the person once.
   */
  add(input: PoolEntryInput): Promise<{ entry: PoolEntryRecord; withdrawToken: string | null }>
  get(entryId: string): Promise<PoolEntryRecord | undefined>
  byWithdrawTokenHash(hash: string): Promise<PoolEntryRecord | undefined>
  list(): Promise<PoolEntryRecord[]>
  update(
    entryId: string,
    patch: { tags?: readonly string[]; note?: string }
  ): Promise<PoolEntryRecord | undefined>
  /** Deletes the entry with all its personal data. */
  delete(entryId: string): Promise<boolean>
  /** Removes what an application contributed; an entry left with no source is deleted. */
  removeApplicationSources(applicationId: string, sources: readonly PoolSource[]): Promise<void>
  /** The entry an application contributed to, if any. */
  entryOfApplication(applicationId: string): Promise<PoolEntryRecord | undefined>
  recordInvitation(entryId: string, inviteId: string): Promise<void>
  /** Entries per source among those that touched `programId`. */
  countBySource(programId: string): Promise<Record<PoolSource, number>>

  /**
   * Claims up to `limit` entries whose consent dates from before `consentedBefore` and who were not asked
   * yet: marks each asked at `at` with a fresh renewal secret, one guarded UPDATE per entry, so when
   * instances claim at once each entry is claimed (and mailed) by one. Resolves with the claimed entries
   * and their renewal secrets (`/pool/renew/<secret>`), to mail once.
   */
  claimRenewals(
    consentedBefore: string,
    at: string,
    limit: number
  ): Promise<{ entry: PoolEntryRecord; renewToken: string }[]>
  byRenewTokenHash(hash: string): Promise<PoolEntryRecord | undefined>
  /** The person renews their consent at `at`; undefined when the secret is unknown. */
  renew(renewTokenHash: string, at: string): Promise<PoolEntryRecord | undefined>
  /** Entries asked to renew before `askedBefore` that did not. */
  lapsed(askedBefore: string): Promise<PoolEntryRecord[]>
  /** Deletes the entry if it is still lapsed (asked before `askedBefore`, not renewed); whether it did. */
  deleteLapsed(entryId: string, askedBefore: string): Promise<boolean>
}

/** Postings, applications, interviews and the talent pool. */
export interface PostingStore {
  readonly publishing: PublishingStore
  readonly applications: ApplicationStore
  readonly interviews: InterviewStore
  readonly pool: PoolStore
}
