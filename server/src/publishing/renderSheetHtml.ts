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
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { fragmentToPlainText } from '@specboard/shared'
import type { SheetTemplate } from '@specboard/shared'
import { sheetContentExtensions } from '@specboard/shared/editorExtensions'
import { fragmentToSheetJson, safeHref, sheetSchema } from '@specboard/shared/sheetContent'

export { safeHref }

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
      parts.push(
        `<section class="sheet-section" id="s-${section.key}"><h2>${escapeHtml(section.title.ja)}</h2>${body}</section>`
      )
    }
    return { html: parts.join('\n'), excerpt, sectionCount: parts.length }
  } finally {
    doc.destroy()
  }
}

/** A section's rich text as checked HTML, or null when it cannot be rendered safely. */
export function renderFragment(fragment: Y.XmlFragment): string | null {
  try {
    const node = sheetSchema.nodeFromJSON(fragmentToSheetJson(fragment))
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
            return href
              ? `<a href="${escapeHtml(href)}" rel="noopener nofollow ugc">${join(children)}</a>`
              : join(children)
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

const ALLOWED_ATTRS: Readonly<Record<string, readonly string[]>> = {
  p: [],
  strong: [],
  em: [],
  s: [],
  u: [],
  code: ['class'],
  pre: [],
  blockquote: [],
  br: [],
  hr: [],
  ul: [],
  ol: ['start', 'type'],
  li: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  a: ['href', 'rel'],
}
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*(\/?)>/g
const ATTR = /\s+([a-zA-Z-]+)="([^"<>]*)"/g

/**
 * Whether `html` consists only of allowlisted tags and attributes around escaped text. Our renderer
 * escapes every `<` in text, so any `<` left outside a recognised tag means something went wrong.
 */
export function isAllowedHtml(html: string): boolean {
  for (const match of html.matchAll(TAG)) {
    // Every group of TAG and ATTR always takes part in a match.
    const allowed = ALLOWED_ATTRS[match[2]!.toLowerCase()]
    if (!allowed) return false
    for (const attr of match[3]!.matchAll(ATTR)) {
      const name = attr[1]!.toLowerCase()
      const value = attr[2]!
      if (!allowed.includes(name)) return false
      if (name === 'href' && !/^(https?:|mailto:)/i.test(value)) return false
      if (name === 'class' && !/^language-[\w-]+$/.test(value)) return false
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
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function shorten(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
