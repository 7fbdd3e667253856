/** A posting as the public may see it: only once published, with its current version. */
import type { PostingRecord, PostingStore, PostingVersionRecord } from '../storage/PostingStore.ts'

export async function publishedPosting(
  publishing: PostingStore['publishing'],
  slug: string | undefined
): Promise<{ posting: PostingRecord; version: PostingVersionRecord } | null> {
  const posting = await publishing.bySlug(slug ?? '')
  if (posting?.status !== 'published') return null
  return { posting, version: (await publishing.version(posting.id, posting.currentVersion))! }
}
