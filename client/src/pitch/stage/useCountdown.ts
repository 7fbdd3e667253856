import { useEffect, useState } from 'react'
import { remainingMs, type StageTimer } from '@specboard/shared'
import { useServerOffset } from './useServerClock.ts'

const TICK_MS = 200

/** Milliseconds left on `timer` by the server's clock (negative once over time), or null without a timer. */
export function useCountdown(timer: StageTimer | null): number | null {
  const offset = useServerOffset()
  const [now, setNow] = useState(() => Date.now())
  const isRunning = timer?.startedAt != null
  useEffect(() => {
    setNow(Date.now())
    if (!isRunning) return
    const interval = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(interval)
  }, [isRunning, timer])
  return timer ? remainingMs(timer, now + offset) : null
}
