import { describe, expect, it } from 'vitest'
import { cutSlots } from './slots.ts'

describe('cutSlots', () => {
  it('cuts a window into 15-minute slots in UTC', () => {
    expect(cutSlots('2026-12-01T10:00:00+09:00', '2026-12-01T11:00:00+09:00')).toEqual([
      { startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T01:15:00.000Z' },
      { startsAt: '2026-12-01T01:15:00.000Z', endsAt: '2026-12-01T01:30:00.000Z' },
      { startsAt: '2026-12-01T01:30:00.000Z', endsAt: '2026-12-01T01:45:00.000Z' },
      { startsAt: '2026-12-01T01:45:00.000Z', endsAt: '2026-12-01T02:00:00.000Z' },
    ])
  })

  it('leaves a remainder shorter than a slot unused', () => {
    expect(cutSlots('2026-12-01T10:00:00+09:00', '2026-12-01T10:40:00+09:00')).toHaveLength(2)
    expect(cutSlots('2026-12-01T10:00:00+09:00', '2026-12-01T10:14:00+09:00')).toEqual([])
  })

  it('starts on a whole minute', () => {
    expect(cutSlots('2026-12-01T10:00:30+09:00', '2026-12-01T10:30:00+09:00')).toEqual([
      { startsAt: '2026-12-01T01:01:00.000Z', endsAt: '2026-12-01T01:16:00.000Z' },
    ])
  })

  it('returns nothing for unreadable times', () => {
    expect(cutSlots('soon', '2026-12-01T10:30:00+09:00')).toEqual([])
  })
})
