/**
 * The server's clock, seen from this browser: an offset measured against GET /api/time, taking the
 * midpoint of the quickest of a few round trips. Every screen counts down from the server's timer with
 * it, so they agree within a fraction of a second whatever their own clocks say.
 */
import { useEffect, useState } from 'react'
import { ServerTime } from '@specboard/shared'
import { apiRequest } from '../../api.ts'

const SAMPLES = 3
// Clocks drift and laptops sleep; measuring again now and then keeps the offset honest.
const REMEASURE_MS = 10 * 60_000

let measured: Promise<number> | null = null
let measuredAt = 0

async function measureOffset(): Promise<number> {
  let best: { rtt: number; offset: number } | null = null
  for (let i = 0; i < SAMPLES; i++) {
    const wallStart = Date.now()
    const start = performance.now()
    const { now } = await apiRequest('/api/time', ServerTime)
    const rtt = performance.now() - start
    const offset = now - (wallStart + rtt / 2)
    if (!best || rtt < best.rtt) best = { rtt, offset }
  }
  return best!.offset
}

/** Server time minus local time, in ms; 0 until measured (or when the server cannot be reached). */
export function useServerOffset(): number {
  const [offset, setOffset] = useState(0)
  useEffect(() => {
    let isCurrent = true
    if (!measured || Date.now() - measuredAt > REMEASURE_MS) {
      measuredAt = Date.now()
      measured = measureOffset().catch(() => {
        measured = null
        return 0
      })
    }
    void measured.then((value) => {
      if (isCurrent) setOffset(value)
    })
    return () => {
      isCurrent = false
    }
  }, [])
  return offset
}
