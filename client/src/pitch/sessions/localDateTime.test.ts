import { describe, expect, it } from 'vitest'
import { wallTimeToIso } from './localDateTime.ts'

describe('wallTimeToIso', () => {
  it('reads the wall-clock time in the given zone, whatever the machine’s zone', () => {
    expect(wallTimeToIso('2026-12-05T14:00', 'Asia/Tokyo')).toBe('2026-12-05T14:00:00+09:00')
    expect(wallTimeToIso('2026-07-01T09:30', 'Europe/London')).toBe('2026-07-01T09:30:00+01:00')
    expect(wallTimeToIso('2026-01-15T09:30', 'America/New_York')).toBe('2026-01-15T09:30:00-05:00')
  })

  it('refuses anything that is not a date and time', () => {
    expect(wallTimeToIso('', 'Asia/Tokyo')).toBeNull()
    expect(wallTimeToIso('2026-12-05', 'Asia/Tokyo')).toBeNull()
  })
})
