import { describe, expect, it } from 'vitest'
import { buildIcs, foldLine, icsText } from './ical.ts'

const event = {
  uid: 'i1@specboard',
  sequence: 2,
  status: 'CONFIRMED' as const,
  startsAt: '2026-12-01T10:00:00+09:00',
  endsAt: '2026-12-01T10:15:00+09:00',
  summary: '面談: WaiNari, 塩尻; 15分',
  description: `1行目\n2行目 ${'とても長い説明文です。'.repeat(10)}`,
  location: 'オンライン',
  url: 'https://x.example/applications/t',
  stamp: '2026-11-25T00:00:00.000Z',
}

describe('buildIcs', () => {
  it('writes one event in UTC with CRLF lines of at most 75 octets', () => {
    const ics = buildIcs(event)
    expect(ics).toContain('DTSTART:20261201T010000Z\r\n')
    expect(ics).toContain('DTEND:20261201T011500Z\r\n')
    expect(ics).toContain('SEQUENCE:2\r\n')
    expect(ics).toContain('SUMMARY:面談: WaiNari\\, 塩尻\\; 15分\r\n')
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(
      ics
        .split('\r\n')
        .filter((l) => !l.startsWith(' '))
        .join('|')
    ).toContain('|DESCRIPTION:1行目\\n2行目')
  })

  it('unfolds back to the original line', () => {
    const line = `DESCRIPTION:${'あいうえお'.repeat(30)}`
    expect(foldLine(line).replace(/\r\n /g, '')).toBe(line)
  })

  it('escapes text values', () => {
    expect(icsText('a\\b;c,d\r\ne')).toBe('a\\\\b\\;c\\,d\\ne')
  })
})
