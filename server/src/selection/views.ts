/** Application, interview and pool records → the API shapes of shared/src/postings.ts. */
import type { Application, Interview, PoolEntry } from '@specboard/shared'
import type {
  ApplicationRecord,
  InterviewRecord,
  PoolEntryRecord,
  PostingStore,
} from '../storage/PostingStore.ts'
import type { RecordStore, TeamRecord } from '../storage/Storage.ts'
import { lapsesAt } from './poolRenewal.ts'

export function interviewView(i: InterviewRecord): Interview {
  return {
    id: i.id,
    applicationId: i.applicationId,
    slotId: i.slotId ?? '',
    startsAt: i.startsAt,
    endsAt: i.endsAt,
    status: i.status,
    cancelledBy: i.cancelledBy,
    cancelReason: i.cancelReason,
    movedFrom: i.movedFrom,
    sequence: i.sequence,
  }
}

export async function applicationView(
  postings: PostingStore,
  a: ApplicationRecord
): Promise<Application> {
  const interview = await postings.interviews.latestOf(a.id)
  return {
    id: a.id,
    postingId: a.postingId,
    postingVersion: a.postingVersion,
    stage: a.stage,
    name: a.name,
    contact: a.contact,
    motivation: a.motivation,
    skills: [...a.skills],
    links: [...a.links],
    consentPool: a.consentPool,
    note: a.note,
    rating: a.rating,
    isDemo: a.isDemo,
    isErased: a.erasedAt !== null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    stageChangedAt: a.stageChangedAt,
    interview: interview ? interviewView(interview) : null,
  }
}

export async function poolEntryView(records: RecordStore, e: PoolEntryRecord): Promise<PoolEntry> {
  const programNames = new Map<string, string>()
  const teams = new Map<string, TeamRecord>()
  const teamIds = [...e.sources.map((s) => s.teamId), ...e.invitations.map((i) => i.teamId)]
  for (const id of new Set(teamIds)) {
    const team = id ? await records.getTeam(id) : undefined
    if (team) teams.set(team.id, team)
  }
  const programIds = [
    ...e.sources.map((s) => s.programId),
    ...[...teams.values()].map((t) => t.programId),
  ]
  for (const id of new Set(programIds)) {
    const program = id ? await records.getProgram(id) : undefined
    if (program) programNames.set(program.id, program.name)
  }
  const programName = (id: string | null) => (id ? (programNames.get(id) ?? null) : null)
  const teamName = (id: string | null) => (id ? (teams.get(id)?.name ?? null) : null)
  const programs = new Map<string, string>()
  for (const s of e.sources)
    if (s.programId) programs.set(s.programId, programName(s.programId) ?? '')
  return {
    id: e.id,
    name: e.name,
    contact: e.contact,
    tags: [...e.tags],
    note: e.note,
    isDemo: e.isDemo,
    sources: e.sources.map((s) => ({
      source: s.source,
      programId: s.programId,
      programName: programName(s.programId),
      teamId: s.teamId,
      teamName: teamName(s.teamId),
      applicationId: s.applicationId,
      at: s.createdAt,
    })),
    programs: [...programs].map(([id, name]) => ({ id, name })),
    invitations: e.invitations.map((i) => {
      const team = teams.get(i.teamId)
      return {
        inviteId: i.inviteId,
        teamId: i.teamId,
        teamName: team?.name ?? '',
        programId: team?.programId ?? '',
        programName: (team && programName(team.programId)) ?? '',
        role: i.role,
        createdAt: i.createdAt,
      }
    }),
    lapsesAt: e.renewalAskedAt && lapsesAt(e.renewalAskedAt),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  }
}
