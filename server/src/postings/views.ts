/** Posting records → the API shapes of shared/src/postings.ts. */
import type { PostingDetail, PostingListItem, PublicPostingLink } from '@specboard/shared'
import type { PostingRecord, PostingStore } from '../storage/PostingStore.ts'
import type { RecordStore } from '../storage/Storage.ts'
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
