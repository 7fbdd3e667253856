import { describe, expect, it } from 'vitest'
import { EMPTY_SECTION_META, computeCompleteness, readSectionMeta } from './sheet.ts'

describe('computeCompleteness', () => {
  it('is zero for no sections and for empty ones', () => {
    expect(computeCompleteness([])).toEqual({ total: 0, written: 0, ready: 0, done: 0, percent: 0 })
    expect(computeCompleteness([{ characters: 0, status: 'draft' }])).toMatchObject({
      total: 1,
      written: 0,
      percent: 0,
    })
  })

  it('counts nothing for an empty section whatever its status says', () => {
    const result = computeCompleteness([
      { characters: 0, status: 'done' },
      { characters: 0, status: 'ready' },
    ])
    expect(result).toEqual({ total: 2, written: 0, ready: 0, done: 0, percent: 0 })
  })

  it('weighs a written draft half, ready three quarters and done in full', () => {
    expect(computeCompleteness([{ characters: 5, status: 'draft' }]).percent).toBe(50)
    expect(computeCompleteness([{ characters: 5, status: 'ready' }]).percent).toBe(75)
    expect(computeCompleteness([{ characters: 5, status: 'done' }]).percent).toBe(100)
  })

  it('counts written, ready and done sections and rounds the percentage', () => {
    const result = computeCompleteness([
      { characters: 10, status: 'draft' },
      { characters: 10, status: 'ready' },
      { characters: 10, status: 'done' },
      { characters: 0, status: 'draft' },
      { characters: 0, status: 'draft' },
      { characters: 0, status: 'draft' },
      { characters: 0, status: 'draft' },
      { characters: 0, status: 'draft' },
      { characters: 0, status: 'draft' },
    ])
    // (0.5 + 0.75 + 1) / 9 = 25 %
    expect(result).toEqual({ total: 9, written: 3, ready: 1, done: 1, percent: 25 })
  })
})

describe('readSectionMeta', () => {
  it('reads a valid meta value', () => {
    expect(readSectionMeta({ status: 'ready', assigneeId: 'm1' })).toEqual({
      status: 'ready',
      assigneeId: 'm1',
    })
  })

  it.each([
    undefined,
    null,
    'ready',
    42,
    [],
    {},
    { status: 'finished', assigneeId: null },
    { status: 'done', assigneeId: 7 },
  ])('falls back to an empty draft for %j', (value) => {
    expect(readSectionMeta(value)).toEqual(EMPTY_SECTION_META)
  })
})
