import { describe, expect, it } from 'vitest'
import type { Thread } from '@specboard/shared'
import { countUnread, latestEntryAt } from './unread.ts'

const author = (personId: string) => ({ personId, name: personId, role: 'reviewer' as const })

function thread(
  id: string,
  by: string,
  createdAt: string,
  replies: [string, string][] = []
): Thread {
  return {
    id,
    sectionKey: 'what',
    anchor: null,
    quote: '',
    roundId: 'r1',
    roundNumber: 1,
    author: author(by),
    body: 'x',
    createdAt,
    status: 'open',
    statusChangedAt: null,
    statusChangedBy: null,
    replies: replies.map(([who, at], i) => ({
      id: `${id}-${i}`,
      author: author(who),
      body: 'y',
      createdAt: at,
    })),
  }
}

describe('countUnread', () => {
  const threads = [
    thread('a', 'rev', '2026-11-25T05:00:00.000Z', [
      ['me', '2026-11-25T05:10:00.000Z'],
      ['rev', '2026-11-25T05:20:00.000Z'],
    ]),
    thread('b', 'me', '2026-11-25T06:00:00.000Z'),
  ]

  it('counts every entry by others when the panel was never opened', () => {
    expect(countUnread(threads, 'me', null)).toBe(2)
  })

  it('counts only entries after last seen, leaving out my own', () => {
    expect(countUnread(threads, 'me', '2026-11-25T05:15:00.000Z')).toBe(1)
    expect(countUnread(threads, 'me', '2026-11-25T05:20:00.000Z')).toBe(0)
  })

  it('finds the newest entry, replies included', () => {
    expect(latestEntryAt(threads)).toBe('2026-11-25T06:00:00.000Z')
    expect(latestEntryAt([])).toBeNull()
  })
})
