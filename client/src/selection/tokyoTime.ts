/**
 * Postings and interviews speak Japan time (the public pages and calendar files do too), whatever the
 * coordinator's computer is set to. Japan has no daylight saving time, so the offset is always +09:00.
 */
import { DISPLAY_TIME_ZONE } from '@specboard/shared'

export const TOKYO = DISPLAY_TIME_ZONE
const OFFSET = '+09:00'

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TOKYO,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** "2026-11-27" and "14:00" in Japan → "2026-11-27T14:00:00+09:00"; null when either is malformed. */
export function tokyoIso(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null
  const iso = `${date}T${time}:00${OFFSET}`
  return Number.isNaN(Date.parse(iso)) ? null : iso
}

/** An instant as the date and time a clock in Japan shows: { date: "2026-11-27", time: "14:00" }. */
export function tokyoParts(iso: string | number | Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    partsFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value])
  )
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  }
}

/** The calendar date in Japan `days` days from now. */
export function tokyoDateFromNow(days: number, now = Date.now()): string {
  return tokyoParts(now + days * 24 * 3600 * 1000).date
}
