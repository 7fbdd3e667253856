/**
 * How long applicants' personal data is kept, as Japan's personal-information rules expect of an office:
 * applicants who were neither placed nor kept in the talent pool lose their personal data a period after
 * the posting closed (a program setting). The row stays, anonymous, so the program's figures still count it.
 */
import { z } from 'zod'

/** Six months after the posting closes, unless the program says otherwise. */
export const DEFAULT_RETENTION_MONTHS = 6

/** A program's retention period in whole months (1 to 60). */
export const RetentionMonths = z
  .number()
  .int('must be a whole number of months')
  .min(1, 'must be at least 1 month')
  .max(60, 'must be at most 60 months')

/** One posting as the retention screen shows it. */
export const RetentionPosting = z.object({
  postingId: z.string(),
  title: z.string(),
  /** When it stopped taking applications (deadline passed or unpublished); null while open. */
  closedAt: z.string().nullable(),
  /** When the automatic erasure runs; null while the posting is open. */
  eraseAt: z.string().nullable(),
  /** Applicants whose personal data would be erased (neither placed nor in the pool, not yet erased). */
  pending: z.number().int(),
  /** Applicants whose personal data is already gone (erased by retention or by themselves). */
  erased: z.number().int(),
})
export type RetentionPosting = z.infer<typeof RetentionPosting>

/** GET /api/programs/:programId/retention */
export const RetentionOverview = z.object({
  retentionMonths: RetentionMonths,
  postings: z.array(RetentionPosting),
})
export type RetentionOverview = z.infer<typeof RetentionOverview>

/** POST /api/programs/:programId/retention/erase — erase now, for a closed posting. */
export const EraseNowRequest = z.object({ postingId: z.string().min(1).max(100) })
export type EraseNowRequest = z.infer<typeof EraseNowRequest>

/** The answer to an erasure: how many applicants' personal data went. */
export const ErasureResult = z.object({ erased: z.number().int() })
export type ErasureResult = z.infer<typeof ErasureResult>

/**
 * When personal data of a posting closed at `closedAt` is erased: `months` calendar months later (UTC
 * date arithmetic; a day more or less at month ends does not matter for a period of months).
 */
export function eraseAtOf(closedAt: string, months: number): string {
  const at = new Date(closedAt)
  const day = at.getUTCDate()
  at.setUTCDate(1)
  at.setUTCMonth(at.getUTCMonth() + months)
  // 31 August + 6 months is the end of February, not 3 March.
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate()
  at.setUTCDate(Math.min(day, lastDay))
  return at.toISOString()
}

/** A talent-pool entry without the person's activity (joining, joining again, renewing) this long is asked to renew. */
export const POOL_CONSENT_MONTHS = 24

/** Days a person has to renew their pool consent once asked; then the entry lapses (is deleted). */
export const POOL_RENEWAL_DAYS = 30

/** The instant `months` calendar months before `at` (the inverse of `eraseAtOf`). */
export function monthsBefore(at: string, months: number): string {
  return eraseAtOf(at, -months)
}
