/**
 * A countdown as mm:ss: whole seconds left, rounded up, so it reads 00:00 exactly at the end; over time
 * it counts up again with a plus sign (+00:12).
 */
export function formatCountdown(ms: number): string {
  const seconds = ms >= 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000)
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0')
  const ss = String(seconds % 60).padStart(2, '0')
  return `${ms < 0 && seconds > 0 ? '+' : ''}${mm}:${ss}`
}
