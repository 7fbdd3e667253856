import { describe, expect, it } from 'vitest'
import { formatCountdown } from './formatCountdown.ts'

describe('formatCountdown', () => {
  it('shows the full time at the start and rounds part seconds up', () => {
    expect(formatCountdown(7 * 60_000)).toBe('07:00')
    expect(formatCountdown(7 * 60_000 - 1)).toBe('07:00')
    expect(formatCountdown(61_001)).toBe('01:02')
  })

  it('reads 00:00 at the end and counts overtime with a plus sign', () => {
    expect(formatCountdown(0)).toBe('00:00')
    expect(formatCountdown(-999)).toBe('00:00')
    expect(formatCountdown(-12_400)).toBe('+00:12')
    expect(formatCountdown(-125_000)).toBe('+02:05')
  })
})
