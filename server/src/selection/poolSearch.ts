/** Searching the talent pool: every word of the query somewhere in name, contact, note, tags or programs. */
import type { PoolEntry } from '@specboard/shared'
import type { PostingStore } from '../storage/PostingStore.ts'
import type { RecordStore } from '../storage/Storage.ts'
import { poolEntryView } from './views.ts'

export interface PoolSearch {
  readonly q?: string | undefined
  readonly tag?: string | undefined
  readonly programId?: string | undefined
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase()

export async function searchPool(
  deps: { readonly records: RecordStore; readonly postings: PostingStore },
  { q, tag, programId }: PoolSearch
): Promise<PoolEntry[]> {
  const words = fold(q ?? '')
    .split(/\s+/)
    .filter(Boolean)
  const entries = await deps.postings.pool.list()
  const views = await Promise.all(entries.map((e) => poolEntryView(deps.records, e)))
  return views.filter((e) => {
    if (tag && !e.tags.includes(tag)) return false
    if (programId && !e.programs.some((p) => p.id === programId)) return false
    const haystack = fold(
      [e.name, e.contact, e.note, ...e.tags, ...e.programs.map((p) => p.name)].join('\n')
    )
    return words.every((w) => haystack.includes(w))
  })
}
