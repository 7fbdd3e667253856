import { describe, expect, it } from 'vitest'
import { tokyoDateFromNow, tokyoDateKey, tokyoIso, tokyoIsoOfWallTime, tokyoParts } from './time.ts'

describe('tokyoTime', () => {
  it('writes a date and time in Japan with the +09:00 offset', () => {
    expect(tokyoIso('2026-11-27', '14:00')).toBe('2026-11-27T14:00:00+09:00')
    expect(Date.parse(tokyoIso('2026-11-27', '09:00')!)).toBe(Date.parse('2026-11-27T00:00:00Z'))
  })

  it('refuses malformed dates and times', () => {
    expect(tokyoIso('2026-11-27', '')).toBeNull()
    expect(tokyoIso('27/11/2026', '14:00')).toBeNull()
    expect(tokyoIso('2026-13-45', '14:00')).toBeNull()
  })

  it('reads an instant as the clock in Japan shows it, across the UTC date line', () => {
    expect(tokyoParts('2026-11-26T15:30:00Z')).toEqual({ date: '2026-11-27', time: '00:30' })
    expect(tokyoParts('2026-11-29T23:59:00+09:00')).toEqual({ date: '2026-11-29', time: '23:59' })
  })

  it('counts days from now in Japan', () => {
    expect(tokyoDateFromNow(1, Date.parse('2026-11-26T16:00:00Z'))).toBe('2026-11-28')
  })

  it('reads a datetime-local value as Japan time', () => {
    expect(tokyoIsoOfWallTime('2026-12-05T14:00')).toBe('2026-12-05T14:00:00+09:00')
    expect(tokyoIsoOfWallTime('')).toBeNull()
    expect(tokyoIsoOfWallTime('2026-12-05')).toBeNull()
  })

  it('gives the calendar date in Japan of an instant or of a date', () => {
    expect(tokyoDateKey('2026-11-26T15:30:00Z')).toBe('2026-11-27')
    expect(tokyoDateKey('2026-11-01')).toBe('2026-11-01')
  })

  it('agrees with the Asia/Tokyo time zone of Intl from 1970 to 2100', () => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    const end = Date.parse('2100-01-01T00:00:00Z')
    // About every 9 days, at a minute that wanders through the day.
    for (let ms = 0; ms < end; ms += 9 * 86_400_000 + 61_000) {
      const p = Object.fromEntries(intl.formatToParts(ms).map((part) => [part.type, part.value]))
      expect(tokyoParts(ms)).toEqual({
        date: `${p.year}-${p.month}-${p.day}`,
        time: `${p.hour}:${p.minute}`,
      })
    }
  })

  it('refuses an invalid instant as Intl did', () => {
    expect(() => tokyoParts('not a date')).toThrow(RangeError)
  })
})
