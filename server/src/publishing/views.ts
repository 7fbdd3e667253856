/** Records → the API shapes of shared/src/postings.ts. */
import type {
  Application,
  Interview,
  PoolEntry,
  PostingDetail,
  PostingListItem,
  PublicPostingLink,
} from '@specboard/shared'
import type {
  ApplicationRecord,
  InterviewRecord,
  PoolEntryRecord,
  PostingRecord,
  PostingStore,
} from '../storage/PostingStore.ts'
import type { RecordStore, TeamRecord } from '../storage/Storage.ts'
import { isOpen } from './publishPosting.ts'

export interface ViewDeps {
  readonly records: RecordStore
  readonly postings: PostingStore
}

export function postingUrl(origin: string, slug: string): string {
  return `${origin}/postings/${encodeURIComponent(slug)}`
}

export async function postingDetail(
  deps: ViewDeps,
  posting: PostingRecord,
  origin: string
): Promise<PostingDetail> {
  const versions = await deps.postings.publishing.versions(posting.id)
  const current = versions.find((v) => v.version === posting.currentVersion)!
  return {
    id: posting.id,
    teamId: posting.teamId,
    teamName: (await deps.records.getTeam(posting.teamId))?.name ?? '',
    programId: posting.programId,
    slug: posting.slug,
    url: postingUrl(origin, posting.slug),
    status: posting.status,
    isOpen: isOpen(posting, current),
    isDemo: posting.isDemo,
    version: posting.currentVersion,
    facts: current.facts,
    firstPublishedAt: posting.firstPublishedAt,
    updatedAt: posting.updatedAt,
    versions: versions.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt,
      publishedBy: v.publishedBy,
      title: v.facts.title,
      deadline: v.facts.deadline,
    })),
    counts: await deps.postings.applications.stageCounts(posting.id),
  }
}

export async function postingListItem(
  deps: ViewDeps,
  posting: PostingRecord,
  origin: string
): Promise<PostingListItem> {
  const current = (await deps.postings.publishing.version(posting.id, posting.currentVersion))!
  return {
    id: posting.id,
    teamId: posting.teamId,
    teamName: (await deps.records.getTeam(posting.teamId))?.name ?? '',
    slug: posting.slug,
    url: postingUrl(origin, posting.slug),
    status: posting.status,
    isOpen: isOpen(posting, current),
    isDemo: posting.isDemo,
    title: current.facts.title,
    deadline: current.facts.deadline,
    version: posting.currentVersion,
    counts: await deps.postings.applications.stageCounts(posting.id),
  }
}

/** What the public page of a posting shows anyway: for program members who do not run its selection. */
export async function publicPostingLink(
  deps: ViewDeps,
  posting: PostingRecord,
  origin: string
): Promise<PublicPostingLink> {
  const current = (await deps.postings.publishing.version(posting.id, posting.currentVersion))!
  return {
    id: posting.id,
    teamName: (await deps.records.getTeam(posting.teamId))?.name ?? '',
    title: current.facts.title,
    url: postingUrl(origin, posting.slug),
    isOpen: isOpen(posting, current),
    deadline: current.facts.deadline,
  }
}

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
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  }
}
