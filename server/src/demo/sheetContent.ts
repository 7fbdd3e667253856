/**
 * Writes rich text into a spec document on the server, in TipTap's schema as y-prosemirror stores it
 * (elements named after nodes, marks as text attributes). Initial content is written once, here — never by
 * clients, which would each insert their own copy.
 */
import * as Y from 'yjs'
import { SECTION_META_MAP, type SectionMeta } from '@specboard/shared'
import type { DemoBlock } from './demoProgram.ts'

function paragraph(text: string, bold: readonly string[] = []): Y.XmlElement {
  const p = new Y.XmlElement('paragraph')
  const t = new Y.XmlText()
  p.insert(0, [t])
  t.insert(0, text)
  for (const phrase of bold) {
    const at = text.indexOf(phrase)
    if (at >= 0) t.format(at, phrase.length, { bold: {} })
  }
  return p
}

function block(b: DemoBlock): Y.XmlElement {
  if (b.type === 'paragraph') return paragraph(b.text, b.bold)
  const list = new Y.XmlElement('bulletList')
  list.insert(
    0,
    b.items.map((item) => {
      const li = new Y.XmlElement('listItem')
      li.insert(0, [paragraph(item)])
      return li
    })
  )
  return list
}

/** Appends `blocks` to the section's fragment and sets its meta, in one transaction. */
export function writeSection(
  doc: Y.Doc,
  key: string,
  blocks: readonly DemoBlock[],
  meta: SectionMeta
): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(key)
    fragment.insert(fragment.length, blocks.map(block))
    doc.getMap(SECTION_META_MAP).set(key, meta)
  })
}
