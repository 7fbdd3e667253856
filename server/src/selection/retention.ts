/**
 * Retention: the personal data of applicants who were neither placed nor kept in the talent pool is
 * erased the program's retention period after their posting closed — by the server on its own
 * (`eraseExpired`, run periodically by every instance) or earlier by a coordinator (`eraseClosedPosting`).
 *
 * What an erasure keeps, so the program's figures and pipeline counts stay true: the application row with
 * its posting, program, team, stage, dates and demo flag, and its interviews' times and status. What goes:
 * name, contact, motivation, skills, links, the coordinator's note and rating, the pool consent, reasons
 * typed when cancelling its interviews, and the status link (it no longer opens anything).
 *
 * Each erasure is recorded in the program's audit trail: who (the system or the coordinator), when, and how
 * many — never whose.
 */
import { type RetentionPosting, SYSTEM_ACTOR, eraseAtOf } from '@specboard/shared'
import type { Stores } from '../ports/Storage.ts'
import type { PostingRecord, PostingVersionRecord } from '../storage/PostingStore.ts'

/** When a posting stopped taking applications: its deadline, or its unpublication if earlier; null while open. */
export function closedAtOf(
  posting: PostingRecord,
  version: PostingVersionRecord,
  now: number
): string | null {
  const deadline = Date.parse(version.facts.deadline)
  const unpublished = posting.status === 'unpublished' ? Date.parse(posting.updatedAt) : Infinity
  const closed = Math.min(deadline, unpublished)
  return closed <= now ? new Date(closed).toISOString() : null
}

/** Who erases: the server when the period is over, or a coordinator now. */
export type Eraser =
  | { readonly kind: 'system' }
  | { readonly kind: 'coordinator'; readonly personId: string | null; readonly name: string }

/**
 * Erases one posting's unkept applicants and records it (when there was anyone) in the same unit of work,
 * so the trail never claims an erasure that did not commit. Resolves with how many were erased.
 */
export async function erasePosting(
  stores: Stores,
  posting: PostingRecord,
  title: string,
  eraser: Eraser,
  now: number,
  retentionMonths: number
): Promise<number> {
  return stores.tx(async ({ postings, accounts }) => {
    const count = await postings.applications.eraseUnkept(posting.id, new Date(now).toISOString())
    if (count > 0)
      await accounts.addAudit({
        programId: posting.programId,
        actorId: eraser.kind === 'system' ? null : eraser.personId,
        actorName: eraser.kind === 'system' ? SYSTEM_ACTOR : eraser.name,
        action: 'applications.erase',
        subject: title,
        detail:
          eraser.kind === 'system'
            ? { count: String(count), months: String(retentionMonths) }
            : { count: String(count) },
      })
    return count
  })
}

/**
 * Erases what every program's retention period has run out for at `now`. Idempotent; several instances
 * may run it at once (each applicant is erased, and counted, by one of them). Resolves with how many.
 */
export async function eraseExpired(stores: Stores, now = Date.now()): Promise<number> {
  let total = 0
  for (const program of await stores.records.listPrograms()) {
    for (const posting of await stores.postings.publishing.listByProgram(program.id)) {
      const version = await stores.postings.publishing.version(posting.id, posting.currentVersion)
      const closedAt = version && closedAtOf(posting, version, now)
      if (!version || !closedAt) continue
      if (Date.parse(eraseAtOf(closedAt, program.retentionMonths)) > now) continue
      total += await erasePosting(
        stores,
        posting,
        version.facts.title,
        { kind: 'system' },
        now,
        program.retentionMonths
      )
    }
  }
  return total
}

/** The retention screen's rows: every posting of the program, with when and how many. */
export async function retentionPostings(
  stores: Stores,
  programId: string,
  retentionMonths: number,
  now = Date.now()
): Promise<RetentionPosting[]> {
  const counts = await stores.postings.applications.retentionCounts(programId)
  const rows: RetentionPosting[] = []
  for (const posting of await stores.postings.publishing.listByProgram(programId)) {
    const version = await stores.postings.publishing.version(posting.id, posting.currentVersion)
    if (!version) continue
    const closedAt = closedAtOf(posting, version, now)
    rows.push({
      postingId: posting.id,
      title: version.facts.title,
      closedAt,
      eraseAt: closedAt && eraseAtOf(closedAt, retentionMonths),
      pending: counts.get(posting.id)?.pending ?? 0,
      erased: counts.get(posting.id)?.erased ?? 0,
    })
  }
  return rows
}
