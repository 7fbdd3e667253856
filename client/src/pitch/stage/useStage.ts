/**
 * The presentation state of a team, live from its `stage:` document (layout in shared/src/pitch.ts):
 * the slide the presenter is on, the server's timer, reaction counts, viewers and the session.
 */
import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import {
  REACTION_KINDS,
  STAGE_KEYS,
  STAGE_MAP,
  StageSession,
  StageTimer,
  type ReactionKind,
} from '@specboard/shared'

export interface StageState {
  /** The presenter's slide (0-based; not yet clamped to the deck). */
  readonly slide: number
  readonly timer: StageTimer | null
  readonly reactions: Readonly<Record<ReactionKind, number>>
  readonly viewers: number
  readonly session: StageSession | null
}

const EMPTY: StageState = {
  slide: 0,
  timer: null,
  reactions: { clap: 0, heart: 0, fire: 0, idea: 0 },
  viewers: 0,
  session: null,
}

/** Reads the stage document; anything malformed reads as its empty value. */
export function readStage(ydoc: Y.Doc): StageState {
  const map = ydoc.getMap(STAGE_MAP)
  const slide = map.get(STAGE_KEYS.slide)
  const viewers = map.get(STAGE_KEYS.viewers)
  const counts = map.get(STAGE_KEYS.reactions) as Record<string, unknown> | undefined
  return {
    slide: Number.isInteger(slide) && (slide as number) >= 0 ? (slide as number) : 0,
    timer: StageTimer.safeParse(map.get(STAGE_KEYS.timer)).data ?? null,
    reactions: Object.fromEntries(
      REACTION_KINDS.map((kind) => [kind, typeof counts?.[kind] === 'number' ? counts[kind] : 0])
    ) as Record<ReactionKind, number>,
    viewers: typeof viewers === 'number' && viewers >= 0 ? viewers : 0,
    session: StageSession.safeParse(map.get(STAGE_KEYS.session)).data ?? null,
  }
}

/** The live stage state of `ydoc` (the empty state until it is open). */
export function useStage(ydoc: Y.Doc | undefined): StageState {
  const [state, setState] = useState<StageState>(EMPTY)
  useEffect(() => {
    if (!ydoc) {
      setState(EMPTY)
      return
    }
    const map = ydoc.getMap(STAGE_MAP)
    const refresh = () => setState(readStage(ydoc))
    refresh()
    map.observe(refresh)
    return () => map.unobserve(refresh)
  }, [ydoc])
  return state
}

/** For the presenter: moves the slide for everyone (members may write `stage:`; the audience may not). */
export function useSetSlide(ydoc: Y.Doc | undefined): (index: number) => void {
  return useCallback(
    (index: number) => {
      const map = ydoc?.getMap(STAGE_MAP)
      if (map && map.get(STAGE_KEYS.slide) !== index) map.set(STAGE_KEYS.slide, index)
    },
    [ydoc]
  )
}
