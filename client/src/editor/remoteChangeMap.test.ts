import { describe, expect, it } from 'vitest'
import { getSchema } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { sheetContentExtensions } from '@specboard/shared/editorExtensions'
import { remoteChangeMap } from './remoteChangeMap.ts'

const schema = getSchema(sheetContentExtensions())

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

/** A section held by two people, `a` (who composes) and `b` (the peer), kept in sync. */
function section(...texts: string[]) {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update))
  b.on('update', (update: Uint8Array) => Y.applyUpdate(a, update))
  const fragment = a.getXmlFragment('what')
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: texts.map(paragraph) }, fragment)
  const render = () => yXmlFragmentToProseMirrorRootNode(fragment, schema)
  const shown = render()
  const then = Y.snapshot(a)
  const peerText = (block: number) =>
    (b.getXmlFragment('what').get(block) as Y.XmlElement).get(0) as Y.XmlText
  const map = () => {
    const now = render()
    // A top-level element's size now, as the binding's mapping gives it.
    const sizeNow = (type: Y.XmlElement) => {
      const index = fragment.toArray().indexOf(type)
      return index < 0 ? undefined : now.child(index).nodeSize
    }
    return { now, map: remoteChangeMap(fragment, then, shown, sizeNow) }
  }
  return { a, b, fragment, shown, peerText, map }
}

/** Where `text` begins in `doc`, as a ProseMirror position. */
function positionOf(doc: PMNode, text: string): number {
  let found = -1
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text?.includes(text))
      found = pos + (node.text?.indexOf(text) ?? 0)
  })
  if (found < 0) throw new Error(`${text} not in ${doc.textContent}`)
  return found
}

describe('remoteChangeMap', () => {
  it('maps past a peer’s text typed at the end of a paragraph, and a boundary by its side', () => {
    const s = section('A1:', 'second')
    s.peerText(0).insert(3, 'B1x')
    const { map, now } = s.map()
    expect(now.textContent).toBe('A1:B1xsecond')
    const end = 1 + 3
    expect(map.map(end, -1)).toBe(end)
    expect(map.map(end, 1)).toBe(end + 3)
    expect(map.map(positionOf(s.shown, 'second'))).toBe(positionOf(now, 'second'))
  })

  it('counts only the characters a person typed after the snapshot, when Yjs merged them into one item', () => {
    const s = section('A1:')
    const mine = s.fragment.get(0) as Y.XmlElement
    const text = mine.get(0) as Y.XmlText
    text.insert(3, 'x')
    const { map, now } = s.map()
    expect(now.textContent).toBe('A1:x')
    expect(map.map(1 + 3, 1)).toBe(1 + 4)
    expect(map.map(1, 1)).toBe(1)
  })

  it('maps over a paragraph a peer inserted before and one they deleted', () => {
    const s = section('one', 'two', 'three')
    const peer = s.b.getXmlFragment('what')
    s.b.transact(() => {
      peer.delete(1, 1)
      const inserted = new Y.XmlElement('paragraph')
      inserted.insert(0, [new Y.XmlText('zero')])
      peer.insert(0, [inserted])
    })
    const { map, now } = s.map()
    expect(now.textContent).toBe('zeroonethree')
    expect(map.map(positionOf(s.shown, 'one'))).toBe(positionOf(now, 'one'))
    expect(map.map(positionOf(s.shown, 'three'))).toBe(positionOf(now, 'three'))
    // Inside the deleted paragraph: gone.
    expect(map.mapResult(positionOf(s.shown, 'two') + 1).deleted).toBe(true)
  })

  it('maps over text a peer deleted inside a paragraph', () => {
    const s = section('abcdef', 'next')
    s.peerText(0).delete(1, 2)
    const { map, now } = s.map()
    expect(now.textContent).toBe('adefnext')
    expect(map.map(positionOf(s.shown, 'def'))).toBe(positionOf(now, 'def'))
    expect(map.map(positionOf(s.shown, 'next'))).toBe(positionOf(now, 'next'))
  })
})
