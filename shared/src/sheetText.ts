/**
 * Reads a section's rich text (a Y.XmlFragment in TipTap's schema) as Markdown or plain text, without a
 * DOM or an editor, so the server can export sheets and measure completeness of documents nobody has open.
 */
import * as Y from 'yjs'

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook

interface DeltaOp {
  insert?: string | object
  attributes?: Record<string, unknown>
}

const MARKDOWN_ESCAPE = /([\\`*_[\]#<>|])/g

function inlineMarkdown(text: Y.XmlText): string {
  return (text.toDelta() as DeltaOp[])
    .map((op) => {
      if (typeof op.insert !== 'string') return ''
      const a = op.attributes ?? {}
      if ('code' in a) return `\`${op.insert.replaceAll('`', "'")}\``
      let s = op.insert.replace(MARKDOWN_ESCAPE, '\\$1')
      if ('bold' in a) s = `**${s}**`
      if ('italic' in a) s = `*${s}*`
      if ('strike' in a) s = `~~${s}~~`
      const link = a.link as { href?: unknown } | undefined
      if (link && typeof link.href === 'string') s = `[${s}](${link.href})`
      return s
    })
    .join('')
}

// Only XML nodes: a document written before updates were checked may hold other values here.
function childrenOf(el: Y.XmlElement | Y.XmlFragment): Node[] {
  return el.toArray().filter((c): c is Node => c instanceof Y.XmlElement || c instanceof Y.XmlText)
}

function inlineOf(el: Y.XmlElement): string {
  return childrenOf(el)
    .map((c) => {
      if (c instanceof Y.XmlText) return inlineMarkdown(c)
      if (c instanceof Y.XmlElement && c.nodeName === 'hardBreak') return '  \n'
      return ''
    })
    .join('')
}

function blockMarkdown(node: Node, indent: string): string[] {
  if (!(node instanceof Y.XmlElement))
    return node instanceof Y.XmlText ? [indent + inlineMarkdown(node)] : []
  switch (node.nodeName) {
    case 'paragraph':
      return [indent + inlineOf(node)]
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 1))
      // Section titles are level 2 in an export, so headings inside a section start at 3.
      return [`${indent + '#'.repeat(Math.min(6, level + 2))} ${inlineOf(node)}`]
    }
    case 'bulletList':
    case 'orderedList':
      return childrenOf(node).flatMap((item, i) => {
        const marker = node.nodeName === 'bulletList' ? '- ' : `${i + 1}. `
        const lines =
          item instanceof Y.XmlElement ? childrenOf(item).flatMap((c) => blockMarkdown(c, '')) : []
        return lines.map((l, j) => indent + (j === 0 ? marker : ' '.repeat(marker.length)) + l)
      })
    case 'blockquote':
      return childrenOf(node)
        .flatMap((c) => blockMarkdown(c, ''))
        .map((l) => `${indent}> ${l}`)
    case 'codeBlock':
      return [
        `${indent}\`\`\``,
        ...plainOf(node)
          .split('\n')
          .map((l) => indent + l),
        `${indent}\`\`\``,
      ]
    case 'horizontalRule':
      return [`${indent}---`]
    default:
      return childrenOf(node).flatMap((c) => blockMarkdown(c, indent))
  }
}

const TEXT_BLOCKS = ['paragraph', 'heading', 'codeBlock']

function plainOf(node: Node | Y.XmlFragment): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as DeltaOp[])
      .map((o) => (typeof o.insert === 'string' ? o.insert : ''))
      .join('')
  }
  if (node instanceof Y.XmlElement && node.nodeName === 'hardBreak') return '\n'
  if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) {
    const parts = childrenOf(node).map(plainOf)
    const isTextBlock = node instanceof Y.XmlElement && TEXT_BLOCKS.includes(node.nodeName)
    return parts.join(isTextBlock ? '' : '\n')
  }
  return ''
}

/** The fragment as Markdown, blocks separated by blank lines. */
export function fragmentToMarkdown(fragment: Y.XmlFragment): string {
  return childrenOf(fragment)
    .map((b) => blockMarkdown(b, '').join('\n'))
    .filter((b) => b.trim() !== '')
    .join('\n\n')
}

/** The fragment as plain text, one line per block. */
export function fragmentToPlainText(fragment: Y.XmlFragment): string {
  return childrenOf(fragment)
    .map(plainOf)
    .filter((b) => b.trim() !== '')
    .join('\n')
}

/** Counts the visible characters of a fragment (whitespace excluded). */
export function countCharacters(fragment: Y.XmlFragment): number {
  return fragmentToPlainText(fragment).replace(/\s/g, '').length
}
