/**
 * The coordinators' daily digest: once per Japanese calendar day (from 8:00 Japan time), each coordinator
 * of a program who has not turned it off and has a confirmed address gets the applicants who arrived since
 * their last digest and tomorrow's interviews — only when there is something to say. Run by every
 * instance; a day is claimed per coordinator and program with an INSERT the primary key lets only one
 * instance make, so nobody gets two digests however many instances run.
 */
import type { Mailer } from '../mail/Mailer.ts'
import { digestMail } from '../mail/digestMail.ts'
import type { Stores } from '../ports/Storage.ts'
import { tokyoDateKey } from '@specboard/shared'
import { formatSlot } from '../publishing/format.ts'

const HOUR_MS = 3600 * 1000
const JST_OFFSET_MS = 9 * HOUR_MS
/** Digests go out from this hour, Japan time: read with the morning's first look at the mail. */
export const DIGEST_HOUR = 8

/** Sends the day's digests that are due at `now`; resolves with how many were sent. */
export async function sendDigests(
  stores: Stores,
  mailer: Mailer,
  origin: string,
  now = Date.now()
): Promise<number> {
  if (new Date(now + JST_OFFSET_MS).getUTCHours() < DIGEST_HOUR) return 0
  const at = new Date(now).toISOString()
  const day = tokyoDateKey(at)
  const tomorrowStart = Date.parse(`${day}T00:00:00+09:00`) + 24 * HOUR_MS
  let sent = 0
  for (const program of await stores.records.listPrograms()) {
    const coordinators = (await stores.accounts.programWideMembers(program.id)).filter(
      (m) => m.role === 'coordinator'
    )
    if (coordinators.length === 0) continue
    const { postings } = stores
    const titles = new Map<string, string>()
    const titleOf = async (postingId: string) => {
      if (!titles.has(postingId)) {
        const posting = await postings.publishing.get(postingId)
        const version =
          posting && (await postings.publishing.version(posting.id, posting.currentVersion))
        titles.set(postingId, version?.facts.title ?? '')
      }
      return titles.get(postingId)!
    }
    const applications = (await postings.applications.listByProgram(program.id)).filter(
      (a) => !a.isDemo
    )
    const byId = new Map(applications.map((a) => [a.id, a]))
    const tomorrow = (await postings.interviews.listByProgram(program.id))
      .filter((i) => {
        const starts = Date.parse(i.startsAt)
        return (
          i.status === 'scheduled' &&
          byId.has(i.applicationId) &&
          starts >= tomorrowStart &&
          starts < tomorrowStart + 24 * HOUR_MS
        )
      })
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    for (const coordinator of coordinators) {
      const setting = await stores.digests.settingOf(program.id, coordinator.personId)
      if (setting?.enabled === false) continue
      const to = await stores.accounts.emailOf(coordinator.personId)
      if (!to) continue
      const claim = await stores.digests.claimDay(program.id, coordinator.personId, day, at)
      if (!claim) continue
      const since = claim.since ?? new Date(now - 24 * HOUR_MS).toISOString()
      const fresh = applications.filter((a) => a.createdAt > since && a.createdAt <= at)
      if (fresh.length === 0 && tomorrow.length === 0) continue
      const lang = setting?.lang ?? 'ja'
      mailer.send(
        digestMail(
          {
            to,
            programId: program.id,
            programName: program.name,
            newApplicants: await Promise.all(
              fresh.map(async (a) => ({ name: a.name, postingTitle: await titleOf(a.postingId) }))
            ),
            interviews: await Promise.all(
              tomorrow.map(async (i) => {
                const application = byId.get(i.applicationId)!
                return {
                  when: formatSlot(i.startsAt, i.endsAt, lang),
                  applicantName: application.name,
                  postingTitle: await titleOf(application.postingId),
                }
              })
            ),
            selectionUrl: `${origin}/programs/${program.id}/selection`,
            settingsUrl: `${origin}/programs/${program.id}/settings`,
          },
          lang
        )
      )
      sent++
    }
  }
  return sent
}
