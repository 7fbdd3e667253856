/**
 * Section status and assignee, live from the spec document's `sectionMeta` Y.Map. Each value is a
 * plain JSON object replaced as a whole, so concurrent edits resolve to one writer's choice.
 */
import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { SECTION_META_MAP, readSectionMeta, type SectionMeta } from '@specboard/shared'

/** Meta per section key, with a setter that merges a patch into one section's value. */
export function useSectionMeta(ydoc: Y.Doc): {
  meta: (key: string) => SectionMeta
  update: (key: string, patch: Partial<SectionMeta>) => void
} {
  const [snapshot, setSnapshot] = useState<ReadonlyMap<string, SectionMeta>>(() => read(ydoc))

  useEffect(() => {
    const map = ydoc.getMap(SECTION_META_MAP)
    const refresh = () => setSnapshot(read(ydoc))
    refresh()
    map.observe(refresh)
    return () => map.unobserve(refresh)
  }, [ydoc])

  const meta = useCallback(
    (key: string) => snapshot.get(key) ?? readSectionMeta(undefined),
    [snapshot]
  )

  const update = useCallback(
    (key: string, patch: Partial<SectionMeta>) => {
      const map = ydoc.getMap(SECTION_META_MAP)
      map.set(key, { ...readSectionMeta(map.get(key)), ...patch })
    },
    [ydoc]
  )

  return { meta, update }
}

function read(ydoc: Y.Doc): ReadonlyMap<string, SectionMeta> {
  const map = ydoc.getMap(SECTION_META_MAP)
  return new Map([...map.entries()].map(([key, value]) => [key, readSectionMeta(value)]))
}
