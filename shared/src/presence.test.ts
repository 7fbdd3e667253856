import { describe, expect, it } from 'vitest'
import { colorForPerson } from './presence.ts'

describe('colorForPerson', () => {
  it('gives a person the same #rrggbb colour every time', () => {
    for (const id of ['a', 'p1', 'x'.repeat(64), '日本']) {
      expect(colorForPerson(id)).toMatch(/^#[0-9a-f]{6}$/i)
      expect(colorForPerson(id)).toBe(colorForPerson(id))
    }
  })

  it('spreads people over the palette', () => {
    const colors = new Set(Array.from({ length: 100 }, (_, i) => colorForPerson(`person-${i}`)))
    expect(colors.size).toBeGreaterThan(6)
  })
})
