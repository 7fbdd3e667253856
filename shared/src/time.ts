/**
 * Japan time: the one clock postings, interviews, pitch sessions, the public pages and calendar files
 * speak, whatever the computer is set to. Japan has no daylight saving time, so the offset is always
 * +09:00.
 */

/** The time zone the public pages and calendar texts speak in. */
export const DISPLAY_TIME_ZONE = 'Asia/Tokyo'
const OFFSET = '+09:00'

/** Japan's offset from UTC, fixed: Japan has kept standard time all year since 1951. */
const OFFSET_MS = 9 * 3600 * 1000

const two = (n: number) => String(n).padStart(2, '0')

/**
 * The date and time a clock in Japan shows, by arithmetic on the fixed offset rather than through an
 * Intl time-zone formatter: such a formatter makes a process page in several MiB of ICU time-zone data
 * (the server's daily digest asks for the date at start), and the offset never changes.
 */
function partsOf(instant: Date): { date: string; time: string } {
  const ms = instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError('Invalid time value')
  const shifted = new Date(ms + OFFSET_MS)
  return {
    date: `${String(shifted.getUTCFullYear()).padStart(4, '0')}-${two(shifted.getUTCMonth() + 1)}-${two(shifted.getUTCDate())}`,
    time: `${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}`,
  }
}

/** "2026-11-27" and "14:00" in Japan → "2026-11-27T14:00:00+09:00"; null when either is malformed. */
export function tokyoIso(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null
  const iso = `${date}T${time}:00${OFFSET}`
  return Number.isNaN(Date.parse(iso)) ? null : iso
}

/** `<input type="datetime-local">`'s "2026-12-05T14:00" read in Japan → ISO 8601; null when malformed. */
export function tokyoIsoOfWallTime(value: string): string | null {
  const [date = '', time = ''] = value.split('T')
  return tokyoIso(date, time)
}

/** An instant as the date and time a clock in Japan shows: { date: "2026-11-27", time: "14:00" }. */
export function tokyoParts(iso: string | number | Date): { date: string; time: string } {
  return partsOf(new Date(iso))
}

/** The calendar date in Japan `days` days from now. */
export function tokyoDateFromNow(days: number, now = Date.now()): string {
  return tokyoParts(now + days * 24 * 3600 * 1000).date
}

/** A calendar date (`2026-11-01`) means the start of that day in Japan; anything else is an instant. */
export function tokyoInstant(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T00:00:00${OFFSET}`)
    : new Date(value)
}

/** The Japanese calendar date of an instant (or of a calendar date), as `YYYY-MM-DD`. */
export function tokyoDateKey(value: string): string {
  return tokyoParts(tokyoInstant(value)).date
}
