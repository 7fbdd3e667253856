import { describe, expect, it } from 'vitest'
import { DOCUMENT_KINDS, documentName, parseDocumentName, teamDocuments } from './documents.ts'

describe('documents', () => {
  it('parses every name it builds back to its kind and team', () => {
    for (const kind of DOCUMENT_KINDS) {
      for (const teamId of ['a', 'AbC-12_x', 'x'.repeat(64)]) {
        expect(parseDocumentName(documentName(kind, teamId))).toEqual({ kind, teamId })
      }
    }
  })

  it.each([
    'nonsense',
    '',
    ':',
    'spec:',
    ':team',
    'spec',
    'SPEC:team',
    'notes:team',
    'spec:team:extra',
    'spec:te am',
    'spec:te/am',
    'spec:../x',
    'spec:%41',
    `spec:${'x'.repeat(65)}`,
    '__proto__:team',
    'constructor:team',
  ])('returns null for %j', (name) => {
    expect(parseDocumentName(name)).toBeNull()
  })

  it('names the three documents of a team', () => {
    expect(teamDocuments('t1')).toEqual({
      spec: 'spec:t1',
      feedback: 'feedback:t1',
      stage: 'stage:t1',
    })
    expect(Object.keys(teamDocuments('t1')).sort()).toEqual([...DOCUMENT_KINDS].sort())
  })
})
