import { describe, expect, it } from 'vitest'
import type { InterviewWindow } from '@specboard/shared'
import { freeSlotsFor, slotsByDay } from './freeSlots.ts'

const NOW = Date.parse('2026-11-25T12:00:00+09:00')
const booking = { interviewId: 'i', applicationId: 'a', applicantName: '山田', postingTitle: 'p' }

function window(
  id: string,
  postingId: string | null,
  starts: string[],
  bookedIndex = -1
): InterviewWindow {
  return {
    id,
    programId: 'prog',
    postingId,
    startsAt: starts[0],
    endsAt: starts.at(-1)!,
    slots: starts.map((s, i) => ({
      id: `${id}-${i}`,
      startsAt: s,
      endsAt: s,
      booking: i === bookedIndex ? booking : null,
    })),
  }
}

describe('freeSlots', () => {
  it('offers unbooked future slots of program-wide windows and of this posting, earliest first', () => {
    const windows = [
      window('w1', null, ['2026-11-26T10:15:00+09:00', '2026-11-26T10:00:00+09:00'], 1),
      window('w2', 'other', ['2026-11-26T11:00:00+09:00']),
      window('w3', 'mine', ['2026-11-25T11:00:00+09:00', '2026-11-25T13:00:00+09:00']),
    ]
    expect(freeSlotsFor(windows, 'mine', NOW).map((s) => s.id)).toEqual(['w3-1', 'w1-0'])
  })

  it('groups slots by their day in Japan, not in UTC', () => {
    const slots = [
      { startsAt: '2026-11-26T23:30:00Z' },
      { startsAt: '2026-11-27T00:30:00+09:00' },
      { startsAt: '2026-11-26T10:00:00+09:00' },
    ]
    expect(slotsByDay(slots).map(([day, s]) => [day, s.length])).toEqual([
      ['2026-11-27', 2],
      ['2026-11-26', 1],
    ])
  })
})
