/**
 * Renders a frozen sheet (a Yjs snapshot of `spec:<team>`) to the HTML of a public posting, with the
 * editor's own TipTap extensions and no DOM.
 *
 * Sheet text comes from anyone on the team, and from any client speaking y-websocket, so it is treated as
 * hostile at every step: (1) the ProseMirror JSON keeps only the schema's node and mark types, and links
 * only with http(s)/mailto targets; (2) TipTap renders it, escaping text and attributes; (3) the output is
 * checked against an allowlist of tags and attributes, and a section that fails the check is shown as
 * escaped plain text instead. On top of that the public pages send a CSP without scripts.
 */
import * as Y from 'yjs'
import { getSchema, type JSONContent } from '@tiptap/core'
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { fragmentToPlainText } from '../../../shared/src/index.ts'
import type { SheetTemplate } from '../../../shared/src/index.ts'
import { sheetContentExtensions } from '../../../shared/src/editorExtensions.ts'

export interface RenderedSheet {
  /** `<section>`s with an `<h2>` title each; only sections with text. */
  readonly html: string
  /** Plain text of the first written section, shortened for descriptions and feeds. */
  readonly excerpt: string
  /** How many sections had text. */
  readonly sectionCount: number
}

const EXCERPT_CHARS = 160
const extensions = sheetContentExtensions()
const schema = getSchema(extensions)

/** Renders every written section of the template from `snapshot`. */
export function renderSheetHtml(snapshot: Uint8Array, template: SheetTemplate): RenderedSheet {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, snapshot)
    const parts: string[] = []
    let excerpt = ''
    for (const section of template.sections) {
      const fragment = doc.getXmlFragment(section.key)
      const text = fragmentToPlainText(fragment)
      if (text.trim() === '') continue
      if (!excerpt) excerpt = shorten(text.replace(/\s+/g, ' ').trim(), EXCERPT_CHARS)
      const body = renderFragment(fragment) ?? plainTextHtml(text)
      parts.push(`<section class="sheet-section" id="s-${section.key}"><h2>${escapeHtml(section.title.ja)}</h2>${body}</section>`)
    }
    return { html: parts.join('\n'), excerpt, sectionCount: parts.length }
  } finally {
    doc.destroy()
  }
}

/** A section's rich text as checked HTML, or null when it cannot be rendered safely. */
export function renderFragment(fragment: Y.XmlFragment): string | null {
  try {
    const json = cleanNode(yXmlFragmentToProsemirrorJSON(fragment) as JSONContent)
    if (!json) return null
    const node = schema.nodeFromJSON(json)
    node.check()
    const html = renderToHTMLString({
      content: node,
      extensions,
      options: {
        nodeMapping: {
          // Section titles are <h2>; headings inside a section start at <h3>.
          heading: ({ node: n, children }) => {
            const level = Math.min(6, Math.max(1, Number(n.attrs.level) || 1) + 2)
            return `<h${level}>${join(children)}</h${level}>`
          },
        },
        markMapping: {
          link: ({ mark, children }) => {
            const href = safeHref(mark.attrs.href)
            return href ? `<a href="${escapeHtml(href)}" rel="noopener nofollow ugc">${join(children)}</a>` : join(children)
          },
        },
      },
    })
    return isAllowedHtml(html) ? html : null
  } catch {
    return null
  }
}

function join(children: string | string[] | undefined): string {
  return ([] as string[]).concat(children ?? []).join('')
}

/** Keeps the schema's nodes and marks, drops the rest; links keep only a safe href. */
function cleanNode(node: JSONContent): JSONContent | null {
  if (!node.type || !schema.nodes[node.type]) return null
  if (node.type === 'text') {
    if (typeof node.text !== 'string' || node.text === '') return null
    const marks = (node.marks ?? []).flatMap((m) => {
      if (!schema.marks[m.type]) return []
      if (m.type !== 'link') return [{ type: m.type }]
      const href = safeHref(m.attrs?.href)
      return href ? [{ type: 'link', attrs: { href } }] : []
    })
    return { type: 'text', text: node.text, ...(marks.length > 0 ? { marks } : {}) }
  }
  const content = (node.content ?? []).map(cleanNode).filter((n): n is JSONContent => n !== null)
  const attrs = pickAttrs(node)
  return { type: node.type, ...(attrs ? { attrs } : {}), ...(content.length > 0 ? { content } : {}) }
}

/** The few attributes the sheet's nodes carry, as plain numbers or short words. */
function pickAttrs(node: JSONContent): Record<string, unknown> | undefined {
  const a = node.attrs ?? {}
  if (node.type === 'heading') return { level: Math.min(6, Math.max(1, Number(a.level) || 1)) }
  if (node.type === 'orderedList') return { start: Math.max(0, Math.min(100000, Number(a.start) || 1)) }
  if (node.type === 'codeBlock') return typeof a.language === 'string' && /^[\w-]{1,30}$/.test(a.language) ? { language: a.language } : {}
  return undefined
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

const ALLOWED_ATTRS: Readonly<Record<string, readonly string[]>> = {
  p: [], strong: [], em: [], s: [], u: [], code: ['class'], pre: [], blockquote: [], br: [], hr: [],
  ul: [], ol: ['start', 'type'], li: [], h3: [], h4: [], h5: [], h6: [], a: ['href', 'rel'],
}
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*(\/?)>/g
const ATTR = /\s+([a-zA-Z-]+)="([^"<>]*)"/g

/**
 * Whether `html` consists only of allowlisted tags and attributes around escaped text. Our renderer
 * escapes every `<` in text, so any `<` left outside a recognised tag means something went wrong.
 */
export function isAllowedHtml(html: string): boolean {
  for (const match of html.matchAll(TAG)) {
    const allowed = ALLOWED_ATTRS[match[2].toLowerCase()]
    if (!allowed) return false
    for (const attr of match[3].matchAll(ATTR)) {
      const name = attr[1].toLowerCase()
      if (!allowed.includes(name)) return false
      if (name === 'href' && !/^(https?:|mailto:)/i.test(attr[2])) return false
      if (name === 'class' && !/^language-[\w-]+$/.test(attr[2])) return false
    }
  }
  const rest = html.replace(TAG, '')
  return !rest.includes('<') && !rest.includes('>')
}

function plainTextHtml(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('')
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

function shorten(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…'
}
