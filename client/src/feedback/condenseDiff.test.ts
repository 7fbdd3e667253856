import { describe, expect, it } from 'vitest'
import { condenseDiff } from './condenseDiff.ts'

const same = (text: string) => ({ kind: 'same' as const, text })

describe('condenseDiff', () => {
  it('keeps short unchanged text whole', () => {
    const parts = [same('ワインを'), { kind: 'insert' as const, text: '全国に' }, same('届けたい')]
    expect(condenseDiff(parts, 10)).toEqual(parts)
  })

  it('cuts long unchanged text to context around the change', () => {
    const long = 'あ'.repeat(50)
    const shown = condenseDiff(
      [same(long), { kind: 'delete', text: '古い' }, same('い'.repeat(50))],
      10
    )
    expect(shown).toEqual([
      { kind: 'gap' },
      same('あ'.repeat(10)),
      { kind: 'delete', text: '古い' },
      same('い'.repeat(10)),
      { kind: 'gap' },
    ])
  })

  it('keeps context on both sides of a long run between two changes', () => {
    const shown = condenseDiff(
      [{ kind: 'insert', text: 'a' }, same('x'.repeat(100)), { kind: 'insert', text: 'b' }],
      10
    )
    expect(shown).toEqual([
      { kind: 'insert', text: 'a' },
      same('x'.repeat(10)),
      { kind: 'gap' },
      same('x'.repeat(10)),
      { kind: 'insert', text: 'b' },
    ])
  })
})
