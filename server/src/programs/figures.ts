/**
 * A program's figures against its targets — what a region reports — computed from the records as they
 * are now. Nothing here is estimated: a figure this server does not record is null.
 */
import { emptyStageCounts, tokyoDateKey, type ProgramFigures } from '@specboard/shared'
import type { LiveDocuments } from '../ports/LiveDocuments.ts'
import type { PitchStore } from '../storage/PitchStore.ts'
import type { PostingStore } from '../storage/PostingStore.ts'
import type { ProgramRecord, RecordStore } from '../storage/Storage.ts'
import { completenessOfTeams } from '../sheets/readSheet.ts'
import { wasInterviewed } from '../selection/interviewed.ts'
import { isOpen } from '../postings/publishPosting.ts'

export interface FigureDeps {
  readonly records: RecordStore
  readonly live: LiveDocuments
  readonly postings: PostingStore
  readonly pitch: PitchStore
}

const DAY_MS = 24 * 3600 * 1000
const MAX_DAYS = 120

export async function programFigures(
  deps: FigureDeps,
  program: ProgramRecord,
  now = Date.now()
): Promise<ProgramFigures> {
  const { records, postings } = deps
  const teams = await records.listTeams(program.id)
  const completeness = await completenessOfTeams(
    deps.live,
    teams.map((t) => t.id),
    program.template
  )
  const teamMembers = await records.programMembers(program.id)
  const perTeam = await Promise.all(
    teams.map(async (t, i) => ({
      teamId: t.id,
      name: t.name,
      completeness: completeness[i]!.percent,
      rounds: (await records.listRounds(t.id)).length,
      members: teamMembers.filter((m) => m.teamId === t.id).length,
    }))
  )
  const applications = await postings.applications.listByProgram(program.id)
  const stageCounts = emptyStageCounts()
  for (const a of applications) stageCounts[a.stage]++
  const interviews = (await postings.interviews.listByProgram(program.id)).filter(
    (i) => i.status === 'scheduled'
  )
  const interviewsOf = new Map(await interviews.map((i) => [i.applicationId, i]))
  const interviewed = (
    await applications.filter((a) => wasInterviewed(a.stage, interviewsOf.get(a.id), now))
  ).length
  const upcoming = (await interviews.filter((i) => Date.parse(i.endsAt) > now)).length
  const poolEntries = (await postings.pool.list()).filter((e) =>
    e.sources.some((s) => s.programId === program.id)
  )
  const programPostings = await postings.publishing.listByProgram(program.id)
  const members = new Set((await records.programMembers(program.id)).map((m) => m.personId)).size
  const actuals = {
    members,
    teams: teams.length,
    sheetsComplete: perTeam.filter((t) => t.completeness === 100).length,
    roundsHeld: perTeam.reduce((n, t) => n + t.rounds, 0),
    pitchAudience: await deps.pitch.audienceTotal(program.id),
    joinRequests: await deps.pitch.countLeads(program.id),
    postings: programPostings.length,
    applicants: applications.length,
    interviews: interviewed,
    placements: stageCounts.placed,
    talentPool: poolEntries.length,
  }
  const targets = program.targets
  return {
    programId: program.id,
    programName: program.name,
    generatedAt: new Date(now).toISOString(),
    targets,
    actuals,
    progress: [
      { key: 'participants', target: targets.participants ?? null, actual: members },
      { key: 'applicants', target: targets.applicants ?? null, actual: applications.length },
      { key: 'interviews', target: targets.interviews ?? null, actual: interviewed },
      { key: 'placements', target: targets.placements ?? null, actual: stageCounts.placed },
      { key: 'talentPool', target: targets.talentPool ?? null, actual: poolEntries.length },
    ],
    funnel: [
      { key: 'applicants', count: applications.length },
      { key: 'interviewed', count: interviewed },
      { key: 'placed', count: stageCounts.placed },
      { key: 'pool', count: stageCounts.pool },
    ],
    stageCounts,
    interviewsScheduled: upcoming,
    applicationsByDay: byDay(await applications.map((a) => a.createdAt), now),
    perPosting: await Promise.all(
      programPostings.map(async (p) => {
        const version = (await postings.publishing.version(p.id, p.currentVersion))!
        return {
          postingId: p.id,
          teamId: p.teamId,
          teamName: teams.find((t) => t.id === p.teamId)?.name ?? '',
          title: version.facts.title,
          isOpen: isOpen(p, version, now),
          counts: await postings.applications.stageCounts(p.id),
        }
      })
    ),
    perTeam,
    talentPoolBySource: await postings.pool.countBySource(program.id),
  }
}

/** Counts per Japanese calendar day from the first application to today, gaps filled with zero. */
function byDay(instants: readonly string[], now: number): { date: string; count: number }[] {
  if (instants.length === 0) return []
  const counts = new Map<string, number>()
  for (const at of instants) counts.set(tokyoDateKey(at), (counts.get(tokyoDateKey(at)) ?? 0) + 1)
  const first = Math.min(...instants.map((at) => Date.parse(at)))
  const start = Math.max(first, now - MAX_DAYS * DAY_MS)
  const days: { date: string; count: number }[] = []
  for (
    let at = start;
    tokyoDateKey(new Date(at).toISOString()) <= tokyoDateKey(new Date(now).toISOString());
    at += DAY_MS
  ) {
    const date = tokyoDateKey(new Date(at).toISOString())
    days.push({ date, count: counts.get(date) ?? 0 })
  }
  return days
}
