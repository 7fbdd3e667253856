/**
 * Consent in the talent pool does not last for ever: an entry without the person's activity (joining,
 * joining again, renewing) for two years is asked by mail to renew, with a renewal link and a withdrawal
 * link; without a renewal within 30 days it lapses — the entry and its personal data are deleted, each
 * program it came from records how many (never whose) in its audit trail.
 *
 * Both steps are run periodically by every instance: asking claims each entry with a guarded UPDATE before
 * mailing, and lapsing deletes with a guarded DELETE, so two instances never mail or count one entry twice.
 */
import {
  POOL_CONSENT_MONTHS,
  POOL_RENEWAL_DAYS,
  SYSTEM_ACTOR,
  monthsBefore,
} from '@specboard/shared'
import type { Mailer } from '../mail/Mailer.ts'
import type { Stores } from '../ports/Storage.ts'
import { askPoolRenewal } from './poolNotices.ts'

const DAY_MS = 24 * 3600 * 1000
/** Entries asked per run; the rest wait for the next run (an hour), so one run never floods the mail server. */
const ASK_BATCH = 200

/** When an entry asked at `askedAt` lapses. */
export const lapsesAt = (askedAt: string): string =>
  new Date(Date.parse(askedAt) + POOL_RENEWAL_DAYS * DAY_MS).toISOString()

/** Asks every entry whose consent is two years old to renew it; resolves with how many were asked. */
export async function askRenewals(
  stores: Stores,
  mailer: Mailer,
  origin: string,
  now = Date.now()
): Promise<number> {
  const at = new Date(now).toISOString()
  const claimed = await stores.postings.pool.claimRenewals(
    monthsBefore(at, POOL_CONSENT_MONTHS),
    at,
    ASK_BATCH
  )
  for (const { entry, renewToken } of claimed)
    askPoolRenewal(mailer, entry, {
      renewUrl: `${origin}/pool/renew/${renewToken}`,
      withdrawUrl: `${origin}/pool/withdraw/${renewToken}`,
      until: lapsesAt(at),
    })
  return claimed.length
}

/**
 * Deletes the entries asked more than 30 days ago that did not renew, in one unit of work with the audit
 * entries (one per program they came from, with the count); resolves with how many lapsed.
 */
export async function lapseUnrenewed(stores: Stores, now = Date.now()): Promise<number> {
  const askedBefore = new Date(now - POOL_RENEWAL_DAYS * DAY_MS).toISOString()
  return stores.tx(async ({ postings, accounts }) => {
    const perProgram = new Map<string, number>()
    let total = 0
    for (const entry of await postings.pool.lapsed(askedBefore)) {
      if (!(await postings.pool.deleteLapsed(entry.id, askedBefore))) continue
      total++
      // Their applications stop saying they are in the pool, as after a withdrawal.
      for (const source of entry.sources)
        if (source.applicationId)
          await postings.applications.update(source.applicationId, { consentPool: false })
      for (const programId of new Set(entry.sources.flatMap((s) => s.programId ?? [])))
        perProgram.set(programId, (perProgram.get(programId) ?? 0) + 1)
    }
    for (const [programId, count] of perProgram)
      await accounts.addAudit({
        programId,
        actorId: null,
        actorName: SYSTEM_ACTOR,
        action: 'pool.lapse',
        subject: '人材プール / talent pool',
        detail: { count: String(count) },
      })
    return total
  })
}
