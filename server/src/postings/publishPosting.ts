import { randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import type { PostingFacts } from '@specboard/shared'
import type { LiveDocuments } from '../ports/LiveDocuments.ts'
import type {
  PostingStore,
  PostingWithVersion,
  PostingRecord,
  PostingVersionRecord,
} from '../storage/PostingStore.ts'
import type { ProgramRecord, TeamRecord } from '../storage/Storage.ts'
import { withSpecDoc } from '../sheets/readSheet.ts'
import { renderSheetHtml } from '../publishing/renderSheetHtml.ts'

export interface PublishDeps {
  /** Only reading the sheet: the demo seeding reads it from the log of its own unit of work. */
  readonly live: Pick<LiveDocuments, 'read'>
  readonly postings: PostingStore
}

export interface PublishRequest {
  readonly team: TeamRecord
  readonly program: ProgramRecord
  readonly facts: PostingFacts
  readonly slug?: string
  readonly publishedBy: string | null
  readonly publishedAt?: string
  readonly isDemo?: boolean
}

export type PublishOutcome =
  | { readonly ok: true; readonly published: PostingWithVersion }
  | { readonly ok: false; readonly code: 'sheet_empty' | 'slug_taken' | 'slug_fixed' }

/**
 * Publishes the team's sheet as it is at this moment: freezes it (the encoded Yjs state), renders the
 * HTML once from that snapshot, and stores both as the posting's next version. Pages never re-render
 * from the live document, so what was published stays what applicants read.
 */
export async function publishPosting(
  deps: PublishDeps,
  request: PublishRequest
): Promise<PublishOutcome> {
  const { team, program } = request
  const existing = await deps.postings.publishing.byTeam(team.id)
  if (existing && request.slug && request.slug !== existing.slug)
    return { ok: false, code: 'slug_fixed' }
  if (!existing && request.slug && (await deps.postings.publishing.isSlugTaken(request.slug)))
    return { ok: false, code: 'slug_taken' }
  const snapshot = await withSpecDoc(deps.live, team.id, (doc) => Y.encodeStateAsUpdate(doc))
  const rendered = renderSheetHtml(snapshot, program.template)
  if (rendered.sectionCount === 0) return { ok: false, code: 'sheet_empty' }
  const published = await deps.postings.publishing.publish({
    teamId: team.id,
    programId: program.id,
    slug: existing?.slug ?? request.slug ?? (await freeSlug(deps.postings)),
    facts: request.facts,
    snapshot,
    html: rendered.html,
    excerpt: rendered.excerpt,
    publishedBy: request.publishedBy,
    publishedAt: request.publishedAt,
    isDemo: request.isDemo,
  })
  return { ok: true, published }
}

/** A short random slug: sheet titles are Japanese, and a readable ASCII slug would need a transliterator. */
async function freeSlug(postings: PostingStore): Promise<string> {
  for (;;) {
    const slug = `job-${randomBytes(5).toString('hex')}`
    if (!(await postings.publishing.isSlugTaken(slug))) return slug
  }
}

/** Whether a posting takes applications at `now`: published, and its deadline not passed. */
export function isOpen(
  posting: PostingRecord,
  version: PostingVersionRecord,
  now = Date.now()
): boolean {
  return posting.status === 'published' && Date.parse(version.facts.deadline) > now
}
