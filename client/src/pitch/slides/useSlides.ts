import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { buildSlides, type DeckSection, type DeckTeam, type Slide } from './buildSlides.ts'

// Typing sends many small updates; one rebuild per burst is plenty.
const REBUILD_DELAY_MS = 60

/**
 * The deck of a live `spec:` document, rebuilt whenever the document changes so last-minute edits show.
 * `team` and `sections` must keep their identity between renders (memoize them).
 */
export function useSlides(
  ydoc: Y.Doc | undefined,
  team: DeckTeam | undefined,
  sections: readonly DeckSection[]
): Slide[] {
  const [slides, setSlides] = useState<Slide[]>([])
  useEffect(() => {
    if (!ydoc || !team) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const rebuild = () => {
      timer = undefined
      setSlides((previous) => keepUnchanged(previous, buildSlides(team, sections, ydoc)))
    }
    const onUpdate = () => {
      timer ??= setTimeout(rebuild, REBUILD_DELAY_MS)
    }
    rebuild()
    ydoc.on('update', onUpdate)
    return () => {
      ydoc.off('update', onUpdate)
      clearTimeout(timer)
    }
  }, [ydoc, team, sections])
  return slides
}

/** Reuses the previous slide objects that did not change, so only edited slides re-render. */
function keepUnchanged(previous: Slide[], next: Slide[]): Slide[] {
  let isSame = previous.length === next.length
  const merged = next.map((slide, i) => {
    const old = previous[i]
    if (old && JSON.stringify(old) === JSON.stringify(slide)) return old
    isSame = false
    return slide
  })
  return isSame ? previous : merged
}
