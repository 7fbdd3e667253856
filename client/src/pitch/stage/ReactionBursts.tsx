import { useEffect, useRef, useState } from 'react'
import { REACTION_KINDS, type ReactionKind } from '@specboard/shared'
import { ReactionIcon } from './ReactionIcon.tsx'
import './stage.css'

interface Burst {
  id: number
  kind: ReactionKind
  /** Left edge in % of the lane (leaving room for the icon), so bursts do not stack on one line. */
  x: number
}

const BURST_MS = 1800
const MAX_BURSTS = 14

/** Emoji that rise and fade as reaction counts go up: the room's applause, visible on every screen. */
export function ReactionBursts({
  reactions,
}: {
  reactions: Readonly<Record<ReactionKind, number>>
}) {
  const [bursts, setBursts] = useState<Burst[]>([])
  const previous = useRef<Readonly<Record<ReactionKind, number>> | null>(null)
  const nextId = useRef(0)
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>())

  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach(clearTimeout)
  }, [])

  useEffect(() => {
    const before = previous.current
    previous.current = reactions
    // The first counts are history, not applause happening now.
    if (!before) return
    const fresh: Burst[] = []
    for (const kind of REACTION_KINDS) {
      const added = Math.min(4, reactions[kind] - before[kind])
      for (let i = 0; i < added; i++)
        fresh.push({ id: nextId.current++, kind, x: 5 + Math.random() * 55 })
    }
    if (fresh.length === 0) return
    setBursts((current) => [...current, ...fresh].slice(-MAX_BURSTS))
    const ids = new Set(fresh.map((b) => b.id))
    const timer = setTimeout(() => {
      timers.current.delete(timer)
      setBursts((current) => current.filter((b) => !ids.has(b.id)))
    }, BURST_MS)
    timers.current.add(timer)
  }, [reactions])

  return (
    <div className="reaction-bursts" aria-hidden="true">
      {bursts.map((burst) => (
        <span key={burst.id} className="reaction-bursts__item" style={{ left: `${burst.x}%` }}>
          <ReactionIcon kind={burst.kind} size={34} />
        </span>
      ))}
    </div>
  )
}
