/**
 * What the check step costs per update: a one-character edit applied through the UpdateGuard (applied to
 * the live document, rules run over the changed block) against applying the same update to a plain copy,
 * for a small sheet and for one whose section holds about 1 MB of text.
 *
 *   npx tsx bench/updateGuard.ts
 */
import * as Y from 'yjs'
import { DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_TEMPLATE } from '@specboard/shared'
import { UpdateGuard } from '../server/src/collab/checks/UpdateGuard.ts'
import { specRules } from '../server/src/collab/checks/specRules.ts'

const EDITS = 2000

function sheet(paragraphs: number, charsEach: number): Y.Doc {
  const doc = new Y.Doc()
  for (const section of DEFAULT_TEMPLATE.sections) {
    const fragment = doc.getXmlFragment(section.key)
    for (let i = 0; i < paragraphs; i++) {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText('地域の課題を言葉にする。'.repeat(charsEach / 12))])
      fragment.insert(fragment.length, [p])
    }
  }
  return doc
}

function measure(label: string, live: Y.Doc): void {
  const rules = specRules(() => DEFAULT_TEMPLATE.sections)
  const started = performance.now()
  const guard = new UpdateGuard(live, rules, DEFAULT_MAX_DOCUMENT_BYTES)
  const setupMs = performance.now() - started
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live))
  const text = (client.getXmlFragment('what').get(0) as Y.XmlElement).get(0) as Y.XmlText
  const updates: Uint8Array[] = []
  client.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < EDITS; i++) text.insert(i % 50, 'あ')
  const plain = new Y.Doc()
  Y.applyUpdate(plain, Y.encodeStateAsUpdate(live))
  let checkMs = 0
  let applyMs = 0
  for (const update of updates) {
    const t0 = performance.now()
    const verdict = guard.apply(update, null)
    const t1 = performance.now()
    if (!verdict.ok) throw new Error(verdict.reason)
    Y.applyUpdate(plain, update)
    applyMs += performance.now() - t1
    checkMs += t1 - t0
  }
  const bytes = Y.encodeStateAsUpdate(live).byteLength
  console.log(
    `${label.padEnd(34)} state ${(bytes / 1024).toFixed(0).padStart(6)} KiB | guard setup ${setupMs.toFixed(1).padStart(6)} ms | per edit: apply + check ${((checkMs / EDITS) * 1000).toFixed(0).padStart(5)} µs, plain apply ${((applyMs / EDITS) * 1000).toFixed(0).padStart(5)} µs`
  )
  guard.destroy()
}

measure('sheet: 9 sections × 5 × 240 chars', sheet(5, 240))
measure('sheet: 9 sections × 40 × 2,400 chars', sheet(40, 2400))
