/**
 * A section's rich text as checked ProseMirror JSON: what the server renders into postings and the client
 * turns into slides. Sheet text comes from any client speaking y-websocket, so only the schema's node and
 * mark types survive, with their few known attributes, and links only with http(s)/mailto targets.
 *
 * Not exported from index.ts on purpose: it pulls TipTap in. Import this file directly.
 */
import { getSchema, type JSONContent } from '@tiptap/core'
import * as Y from 'yjs'
import { sheetContentExtensions } from './editorExtensions.ts'

/** The ProseMirror schema of sheet sections. */
export const sheetSchema = getSchema(sheetContentExtensions())

/**
 * The fragment as a cleaned `doc` node. What is not an XML node (a document written before updates were
 * checked may hold numbers or maps there) is skipped, so the rest still shows.
 */
export function fragmentToSheetJson(fragment: Y.XmlFragment): JSONContent {
  const raw: JSONContent = { type: 'doc', content: xmlChildrenToJson(fragment) }
  return cleanSheetNode(raw) ?? { type: 'doc' }
}

function xmlChildrenToJson(parent: Y.XmlFragment | Y.XmlElement): JSONContent[] {
  return parent.toArray().flatMap((child): JSONContent[] => {
    if (child instanceof Y.XmlElement) {
      const attrs = child.getAttributes() as Record<string, unknown>
      return [{ type: child.nodeName, attrs, content: xmlChildrenToJson(child) }]
    }
    if (child instanceof Y.XmlText) {
      const ops = child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]
      return ops.flatMap((op) =>
        typeof op.insert === 'string'
          ? [
              {
                type: 'text',
                text: op.insert,
                marks: Object.entries(op.attributes ?? {}).map(([name, attrs]) => ({
                  // y-prosemirror names overlapping marks `<mark>--<hash>`.
                  type: name.split('--')[0] ?? name,
                  attrs:
                    typeof attrs === 'object' && attrs !== null
                      ? (attrs as Record<string, unknown>)
                      : {},
                })),
              },
            ]
          : []
      )
    }
    return []
  })
}

/** Keeps the schema's nodes and marks, drops the rest; links keep only a safe href. */
export function cleanSheetNode(node: JSONContent): JSONContent | null {
  if (!node.type || !sheetSchema.nodes[node.type]) return null
  if (node.type === 'text') {
    if (typeof node.text !== 'string' || node.text === '') return null
    const marks = (node.marks ?? []).flatMap((m) => {
      if (!sheetSchema.marks[m.type]) return []
      if (m.type !== 'link') return [{ type: m.type }]
      const href = safeHref(m.attrs?.href)
      return href ? [{ type: 'link', attrs: { href } }] : []
    })
    return { type: 'text', text: node.text, ...(marks.length > 0 ? { marks } : {}) }
  }
  const content = (node.content ?? [])
    .map(cleanSheetNode)
    .filter((n): n is JSONContent => n !== null)
  const attrs = pickAttrs(node)
  return {
    type: node.type,
    ...(attrs ? { attrs } : {}),
    ...(content.length > 0 ? { content } : {}),
  }
}

/** Whether cleaned JSON also satisfies the schema's content rules (a list holds list items, …). */
export function isValidSheetNode(node: JSONContent): boolean {
  try {
    sheetSchema.nodeFromJSON(node).check()
    return true
  } catch {
    return false
  }
}

/** An http(s) or mailto URL, else null. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null
  try {
    const url = new URL(value.trim())
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

/** The few attributes the sheet's nodes carry, as plain numbers or short words. */
function pickAttrs(node: JSONContent): Record<string, unknown> | undefined {
  const a = node.attrs ?? {}
  if (node.type === 'heading') return { level: Math.min(6, Math.max(1, Number(a.level) || 1)) }
  if (node.type === 'orderedList')
    return { start: Math.max(0, Math.min(100000, Number(a.start) || 1)) }
  if (node.type === 'codeBlock')
    return typeof a.language === 'string' && /^[\w-]{1,30}$/.test(a.language)
      ? { language: a.language }
      : {}
  return undefined
}
