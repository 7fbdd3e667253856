/**
 * Japan time: the one clock postings, interviews, pitch sessions, the public pages and calendar files
 * speak, whatever the computer is set to. Japan has no daylight saving time, so the offset is always
 * +09:00.
 */

/** The time zone the public pages and calendar texts speak in. */
export const DISPLAY_TIME_ZONE = 'Asia/Tokyo'
const OFFSET = '+09:00'

let partsFormat: Intl.DateTimeFormat | undefined
/** Made at first use: a formatter loads the time zone's ICU data, which a process may never need. */
function partsOf(instant: Date): Record<string, string> {
  partsFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  return Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]))
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
  const parts = partsOf(new Date(iso))
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  }
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
