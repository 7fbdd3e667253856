import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SECTION_META_MAP, STAGE_KEYS, STAGE_MAP } from '@specboard/shared'
import type { DocumentRules } from './DocumentRules.ts'
import { feedbackRules } from './feedbackRules.ts'
import { specRules } from './specRules.ts'
import { stageRules } from './stageRules.ts'
import { UpdateGuard, type Verdict } from './UpdateGuard.ts'

const guards: UpdateGuard[] = []
afterEach(() => {
  for (const guard of guards.splice(0)) guard.destroy()
})

/**
 * A live document with its guard, and a client copy whose edits become the updates to check. `guard.check`
 * does what a room does: apply through the guard, and after a refusal rebuild the live document from
 * what was accepted before (the room's log).
 */
function setup(rules: DocumentRules, maxBytes = 1 << 20) {
  let live = new Y.Doc()
  const inner = new UpdateGuard(live, rules, maxBytes)
  guards.push(inner)
  const guard = {
    check(update: Uint8Array): Verdict {
      const accepted = Y.encodeStateAsUpdate(live)
      let verdict: Verdict
      try {
        verdict = inner.apply(update, null)
      } catch (error) {
        verdict = { ok: false, kind: 'schema', reason: (error as Error).message }
      }
      if (!verdict.ok) {
        live = new Y.Doc()
        Y.applyUpdate(live, accepted)
        inner.replaceLive(live)
      }
      return verdict
    },
  }
  /** A client synced with the live document. */
  const client = () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live))
    return doc
  }
  /** The update `edit` makes on a freshly synced client. */
  const updateOf = (edit: (doc: Y.Doc) => void): Uint8Array => {
    const doc = client()
    const before = Y.encodeStateVector(doc)
    edit(doc)
    return Y.encodeStateAsUpdate(doc, before)
  }
  return { live: () => live, guard, client, updateOf }
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph')
  const t = new Y.XmlText()
  t.insert(0, text)
  p.insert(0, [t])
  return p
}

describe('specRules through UpdateGuard', () => {
  const rules = specRules(() => [{ key: 'what' }, { key: 'why' }])

  it('accepts paragraphs, marks, lists and valid section meta', () => {
    const { guard, updateOf } = setup(rules)
    const update = updateOf((doc) => {
      const what = doc.getXmlFragment('what')
      what.insert(0, [paragraph('こんにちは')])
      const list = new Y.XmlElement('bulletList')
      const item = new Y.XmlElement('listItem')
      item.insert(0, [paragraph('one')])
      list.insert(0, [item])
      what.insert(1, [list])
      const heading = new Y.XmlElement('heading')
      heading.setAttribute('level', 2 as unknown as string)
      const text = new Y.XmlText()
      text.insert(0, 'bold', { bold: true })
      heading.insert(0, [text])
      what.insert(2, [heading])
      doc.getMap(SECTION_META_MAP).set('what', { status: 'ready', assigneeId: null })
    })
    expect(guard.check(update)).toEqual({ ok: true })
  })

  it.each([
    ['a number', (doc: Y.Doc) => doc.getXmlFragment('what').insert(0, [42 as never])],
    ['a map', (doc: Y.Doc) => doc.getXmlFragment('what').insert(0, [new Y.Map() as never])],
    ['bare text', (doc: Y.Doc) => doc.getXmlFragment('what').insert(0, [new Y.XmlText('x')])],
    [
      'an unknown node',
      (doc: Y.Doc) => doc.getXmlFragment('what').insert(0, [new Y.XmlElement('script')]),
    ],
    [
      'an unknown mark',
      (doc: Y.Doc) => {
        const p = new Y.XmlElement('paragraph')
        const t = new Y.XmlText()
        t.insert(0, 'x', { blink: true })
        p.insert(0, [t])
        doc.getXmlFragment('what').insert(0, [p])
      },
    ],
    ['a root outside the template', (doc: Y.Doc) => doc.getMap('extra').set('a', 1)],

    ['text under a section name', (doc: Y.Doc) => doc.getText('why').insert(0, 'plain')],
    [
      'malformed section meta',
      (doc: Y.Doc) => doc.getMap(SECTION_META_MAP).set('what', { status: 'weird' }),
    ],
    [
      'meta for a key outside the template',
      (doc: Y.Doc) =>
        doc.getMap(SECTION_META_MAP).set('zzz', { status: 'draft', assigneeId: null }),
    ],
  ])('refuses %s', (_label, edit) => {
    const { guard, updateOf } = setup(rules)
    const verdict = guard.check(updateOf(edit))
    expect(verdict.ok).toBe(false)
  })

  it('refuses an invalid block nested into an existing one, then accepts valid edits again', () => {
    const { guard, updateOf, live } = setup(rules)
    const first = updateOf((doc) => doc.getXmlFragment('what').insert(0, [paragraph('a')]))
    expect(guard.check(first)).toEqual({ ok: true })
    const firstBlock = (doc: Y.Doc) => doc.getXmlFragment('what').get(0) as Y.XmlElement
    const bad = updateOf((doc) => firstBlock(doc).insert(1, [new Y.XmlElement('bulletList')]))
    expect(guard.check(bad).ok).toBe(false)
    expect(live().getXmlFragment('what').toString()).toBe('<paragraph>a</paragraph>')
    const good = updateOf((doc) => (firstBlock(doc).get(0) as Y.XmlText).insert(1, 'b'))
    expect(guard.check(good)).toEqual({ ok: true })
    expect(live().getXmlFragment('what').toString()).toBe('<paragraph>ab</paragraph>')
  })

  it('judges what an update adds inside existing nodes: embeds, keyed text, attributes', () => {
    const { live, guard, updateOf } = setup(rules)
    live()
      .getXmlFragment('why')
      .insert(0, [paragraph('abc')])
    const block = (doc: Y.Doc) => doc.getXmlFragment('why').get(0) as Y.XmlElement
    const text = (doc: Y.Doc) => block(doc).get(0) as Y.XmlText
    for (const [label, edit] of [
      ['an embed in text', (doc: Y.Doc) => text(doc).insertEmbed(1, { image: 'x' })],
      ['a keyed value in text', (doc: Y.Doc) => text(doc).setAttribute('k', 'v')],
      ['a map as an attribute', (doc: Y.Doc) => block(doc).setAttribute('a', new Y.Map() as never)],
      [
        'a block inside a paragraph',
        (doc: Y.Doc) => block(doc).insert(1, [new Y.XmlElement('paragraph')]),
      ],
    ] as const)
      expect(guard.check(updateOf(edit)).ok, label).toBe(false)
    expect(guard.check(updateOf((doc) => text(doc).insert(3, 'd')))).toEqual({ ok: true })
    expect(guard.check(updateOf((doc) => block(doc).setAttribute('textAlign', 'left')))).toEqual({
      ok: true,
    })
    expect(live().getXmlFragment('why').toString()).toBe(
      '<paragraph textAlign="left">abcd</paragraph>'
    )
  })

  it('refuses an unknown mark formatted onto text that was there before', () => {
    const { live, guard, updateOf } = setup(rules)
    live()
      .getXmlFragment('why')
      .insert(0, [paragraph('abc')])
    const text = (doc: Y.Doc) =>
      (doc.getXmlFragment('why').get(0) as Y.XmlElement).get(0) as Y.XmlText
    expect(guard.check(updateOf((doc) => text(doc).format(0, 2, { blink: true }))).ok).toBe(false)
    expect(guard.check(updateOf((doc) => text(doc).format(0, 2, { bold: true })))).toEqual({
      ok: true,
    })
  })

  it('refuses any change to a retired section and accepts edits elsewhere', () => {
    const { live, guard, updateOf } = setup(
      specRules(() => [{ key: 'what' }, { key: 'old', retired: true }])
    )
    // Text written while the section was current stays as it is.
    live()
      .getXmlFragment('old')
      .insert(0, [paragraph('kept')])
    const oldText = (doc: Y.Doc) =>
      (doc.getXmlFragment('old').get(0) as Y.XmlElement).get(0) as Y.XmlText
    for (const [label, edit] of [
      ['typing', (doc: Y.Doc) => oldText(doc).insert(0, 'x')],
      ['formatting', (doc: Y.Doc) => oldText(doc).format(0, 2, { bold: true })],
      ['deleting', (doc: Y.Doc) => doc.getXmlFragment('old').delete(0, 1)],
      ['adding', (doc: Y.Doc) => doc.getXmlFragment('old').insert(1, [paragraph('new')])],
    ] as const)
      expect(guard.check(updateOf(edit)), label).toMatchObject({ ok: false, kind: 'schema' })
    expect(
      guard.check(updateOf((doc) => doc.getXmlFragment('what').insert(0, [paragraph('y')])))
    ).toEqual({ ok: true })
  })

  it('refuses an update that would pass the quota', () => {
    const { guard, updateOf } = setup(rules, 64 * 1024)
    const big = updateOf((doc) =>
      doc.getXmlFragment('what').insert(0, [paragraph('x'.repeat(70_000))])
    )
    expect(guard.check(big)).toMatchObject({ ok: false, kind: 'quota' })
    const small = updateOf((doc) => doc.getXmlFragment('why').insert(0, [paragraph('y')]))
    expect(guard.check(small)).toEqual({ ok: true })
  })
})

describe('stageRules', () => {
  it('lets presenters move the slide and nothing else', () => {
    const { guard, updateOf } = setup(stageRules)
    expect(guard.check(updateOf((d) => d.getMap(STAGE_MAP).set(STAGE_KEYS.slide, 3)))).toEqual({
      ok: true,
    })
    for (const [key, value] of [
      [STAGE_KEYS.reactions, { clap: 999999 }],
      [STAGE_KEYS.viewers, 4242],
      [STAGE_KEYS.session, { sessionId: 'fake', currentTeamId: null }],
      [STAGE_KEYS.timer, { durationMs: 1, startedAt: null, remainingMs: 1 }],
      [STAGE_KEYS.slide, -1],
    ] as const) {
      const verdict = guard.check(updateOf((d) => d.getMap(STAGE_MAP).set(key, value)))
      expect(verdict.ok, key).toBe(false)
    }
  })
})

describe('UpdateGuard', () => {
  it('refuses an update that depends on changes the server does not have', () => {
    const { guard, client } = setup(stageRules)
    const doc = client()
    doc.getMap(STAGE_MAP).set(STAGE_KEYS.slide, 1)
    const before = Y.encodeStateVector(doc)
    doc.getMap(STAGE_MAP).set(STAGE_KEYS.slide, 2)
    expect(guard.check(Y.encodeStateAsUpdate(doc, before)).ok).toBe(false)
  })
})

describe('feedbackRules', () => {
  it('refuses every client change', () => {
    const { guard, updateOf } = setup(feedbackRules)
    expect(guard.check(updateOf((d) => d.getMap('threads').set('t', {}))).ok).toBe(false)
  })
})

describe('UpdateGuard quota', () => {
  it('counts the server’s own changes of the live document towards the quota', () => {
    const { guard, updateOf, live } = setup(
      specRules(() => [{ key: 'what' }, { key: 'why' }]),
      64 * 1024
    )
    live()
      .getXmlFragment('what')
      .insert(0, [paragraph('x'.repeat(60_000))])
    const more = updateOf((doc) =>
      doc.getXmlFragment('why').insert(0, [paragraph('y'.repeat(8000))])
    )
    expect(guard.check(more)).toMatchObject({ ok: false, kind: 'quota' })
    expect(live().getXmlFragment('why').length).toBe(0)
  })
})
