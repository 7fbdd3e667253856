/**
 * `<input type="datetime-local">` speaks "2026-12-05T14:00" in the browser's time zone; the API wants
 * ISO 8601 with an offset. These convert between the two.
 */

/** "2026-12-05T14:00" (local) → "2026-12-05T14:00:00+09:00", or null when it is not a date and time. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return null
  const minutes = -date.getTimezoneOffset()
  const sign = minutes >= 0 ? '+' : '-'
  const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')
  const mm = String(Math.abs(minutes) % 60).padStart(2, '0')
  return `${value}:00${sign}${hh}:${mm}`
}
