import { describe, expect, it } from 'vitest'
import { timeLeftText } from './format.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

describe('timeLeftText (issue 14)', () => {
  it('says minutes when a deadline is less than an hour away', () => {
    expect(timeLeftText(3 * MINUTE)).toBe('あと3分')
    expect(timeLeftText(10_000)).toBe('あと1分')
    expect(timeLeftText(59 * MINUTE)).toBe('あと59分')
  })

  it('says whole hours on the last day and whole days before, never rounding up to a day', () => {
    expect(timeLeftText(HOUR)).toBe('あと1時間')
    expect(timeLeftText(23 * HOUR + 59 * MINUTE)).toBe('あと23時間')
    expect(timeLeftText(24 * HOUR)).toBe('あと1日')
    expect(timeLeftText(47 * HOUR)).toBe('あと1日')
    expect(timeLeftText(7 * 24 * HOUR + 5 * HOUR)).toBe('あと7日')
  })
})
