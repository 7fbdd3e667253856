import { describe, expect, it } from 'vitest'
import { tokyoDateFromNow, tokyoIso, tokyoParts } from './tokyoTime.ts'

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
})
