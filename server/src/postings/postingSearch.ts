/**
 * Searching the public list of postings: by words (title, place, skills, excerpt, organization), region
 * and work style; open postings first. The regions offered are those of the postings shown.
 */
import type { WorkStyle } from '@specboard/shared'
import type { PostingWithVersion } from '../storage/PostingStore.ts'

export interface PostingFilters {
  readonly q: string
  readonly region: string
  readonly style: WorkStyle | ''
  /** Show closed postings too. */
  readonly closed: boolean
}

export interface ListedPosting {
  readonly item: PostingWithVersion
  readonly organization: string
  readonly isOpen: boolean
}

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase()
}

export function searchPostings(
  all: readonly ListedPosting[],
  filters: PostingFilters
): { items: ListedPosting[]; regions: string[] } {
  const shown = all.filter((i) => filters.closed || i.isOpen)
  const words = fold(filters.q).split(/\s+/).filter(Boolean)
  const items = shown
    .filter(({ item, organization }) => {
      const f = item.version.facts
      if (filters.region && f.region !== filters.region) return false
      if (filters.style && f.workStyle !== filters.style) return false
      const haystack = fold(
        [
          f.title,
          f.region,
          f.municipality ?? '',
          f.location ?? '',
          ...f.skills,
          item.version.excerpt,
          organization,
        ].join('\n')
      )
      return words.every((w) => haystack.includes(w))
    })
    .sort((a, b) => Number(b.isOpen) - Number(a.isOpen))
  const regions = [...new Set(shown.map((i) => i.item.version.facts.region))].sort((a, b) =>
    a.localeCompare(b, 'ja')
  )
  return { items, regions }
}
