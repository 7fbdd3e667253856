/**
 * `<input type="datetime-local">` speaks a wall-clock time ("2026-12-05T14:00"); the API wants ISO 8601
 * with an offset. Sessions are scheduled in the program's time zone (Japan), whatever the browser's is.
 */

/** "2026-12-05T14:00" read in `timeZone` → "2026-12-05T14:00:00+09:00"; null when it is not a date and time. */
export function wallTimeToIso(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!match) return null
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  const asUtc = Date.UTC(year, month - 1, day, hour, minute)
  if (Number.isNaN(asUtc)) return null
  const offset = offsetMinutes(new Date(asUtc), timeZone)
  const sign = offset >= 0 ? '+' : '-'
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
  const mm = String(Math.abs(offset) % 60).padStart(2, '0')
  return `${value}:00${sign}${hh}:${mm}`
}

/** Minutes `timeZone` is ahead of UTC at `date`. */
function offsetMinutes(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(date)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'))
  return Math.round((wall - date.getTime()) / 60_000)
}
