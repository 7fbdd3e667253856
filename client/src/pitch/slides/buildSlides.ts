/**
 * A team's sheet as a deck: a title slide, then every written section of the template on one slide or,
 * when it is long, on several, and a closing slide that invites the audience to join. Pure: the same team, template and document give the same slides on every
 * screen and in every language, so the slide index the presenter writes means one slide for everyone.
 */
import type { JSONContent } from '@tiptap/core'
import type * as Y from 'yjs'
import type { LocalizedText, Role } from '@specboard/shared'
import { fragmentToSheetJson, isValidSheetNode } from '@specboard/shared/sheetContent'

/** Who presents: what the title slide shows. */
export interface DeckTeam {
  readonly name: string
  readonly organization: string | null
  readonly programName: string
  readonly region: string
  readonly members: readonly { readonly name: string; readonly role: Role }[]
}

/** A section of the template, as far as slides need it. */
export interface DeckSection {
  readonly key: string
  readonly title: LocalizedText
}

export interface TitleSlide {
  readonly kind: 'title'
  readonly team: DeckTeam
}

export interface SectionSlide {
  readonly kind: 'section'
  readonly sectionKey: string
  /** 1-based position of the section in the template. */
  readonly number: number
  readonly title: LocalizedText
  /** Top-level blocks of the section's rich text (checked against the sheet schema). */
  readonly blocks: readonly JSONContent[]
  /** 1-based part of a section split over several slides, and how many parts it has. */
  readonly part: number
  readonly parts: number
  /** Estimated lines of body text at slide size, for choosing a type size. */
  readonly lines: number
}

/** The last slide: thanks, and the invitation to join the team. */
export interface ClosingSlide {
  readonly kind: 'closing'
  readonly team: DeckTeam
}

export type Slide = TitleSlide | SectionSlide | ClosingSlide

/** Roles shown on the title slide, in this order. */
export const PRESENTING_ROLES = ['owner', 'caretaker', 'talent'] as const satisfies readonly Role[]

/**
 * How much fits on one slide: a line holds about 32 full-width characters at slide type size, and the
 * body has room for about 8½ lines; a gap between blocks counts about a third of a line, between list
 * items less.
 */
export const SLIDE_LIMITS = {
  charsPerLine: 32,
  linesPerSlide: 8.4,
  blockGap: 0.35,
  itemGap: 0.15,
} as const

// A paragraph is split to fill the rest of a slide only when at least this many lines are left.
const MIN_SPLIT_LINES = 2

/** Builds the deck from the live (or any) `spec:` document. */
export function buildSlides(team: DeckTeam, sections: readonly DeckSection[], doc: Y.Doc): Slide[] {
  const presenting = { ...team, members: presenters(team.members) }
  const slides: Slide[] = [{ kind: 'title', team: presenting }]
  sections.forEach((section, index) => {
    const blocks = fragmentToSheetJson(doc.getXmlFragment(section.key)).content ?? []
    const pages = paginate(blocks.flatMap(unitsOf))
    pages.forEach((page, i) =>
      slides.push({
        kind: 'section',
        sectionKey: section.key,
        number: index + 1,
        title: section.title,
        blocks: blocksOf(page),
        part: i + 1,
        parts: pages.length,
        lines: page.reduce((sum, u) => sum + u.lines, 0),
      })
    )
  })
  slides.push({ kind: 'closing', team: presenting })
  return slides
}

function presenters(members: DeckTeam['members']): DeckTeam['members'] {
  return PRESENTING_ROLES.flatMap((role) => members.filter((m) => m.role === role))
}

/** One piece that goes onto a slide whole: a block, or one item of a list. */
interface Unit {
  readonly block: JSONContent
  readonly lines: number
  /** For a list item: the list it came from, and its index there. */
  readonly list?: { readonly node: JSONContent; readonly index: number }
}

function unitsOf(block: JSONContent): Unit[] {
  if (!hasText(block) || block.type === 'horizontalRule') return []
  if (!isValidSheetNode(block)) return unitsOf(plainParagraph(block))
  if (block.type === 'bulletList' || block.type === 'orderedList') {
    return (block.content ?? []).filter(hasText).map((item, index) => ({
      block: item,
      lines: linesOf(item),
      list: { node: block, index },
    }))
  }
  return [unitOf(block)]
}

function unitOf(block: JSONContent): Unit {
  return { block, lines: linesOf(block) }
}

function gapOf(unit: Unit): number {
  return unit.list ? SLIDE_LIMITS.itemGap : SLIDE_LIMITS.blockGap
}

/** Fills slides in order; a paragraph that does not fit is split between sentences to fill the slide. */
function paginate(units: readonly Unit[]): Unit[][] {
  const pages: Unit[][] = []
  let page: Unit[] = []
  let used = 0
  const place = (unit: Unit) => {
    page.push(unit)
    used += unit.lines + gapOf(unit)
  }
  const turn = () => {
    if (page.length > 0) pages.push(page)
    page = []
    used = 0
  }
  const queue = [...units]
  while (queue.length > 0) {
    const unit = queue.shift()!
    const room = SLIDE_LIMITS.linesPerSlide - used - gapOf(unit)
    if (unit.lines <= room) {
      place(unit)
      continue
    }
    const isParagraph = unit.block.type === 'paragraph'
    // Alone on a slide and still too long, a paragraph is cut even inside a sentence.
    const split =
      isParagraph && room >= MIN_SPLIT_LINES
        ? splitParagraph(unit.block, room, page.length === 0)
        : null
    if (split) {
      place(unitOf(split[0]))
      queue.unshift(unitOf(split[1]))
      turn()
    } else if (page.length > 0) {
      turn()
      queue.unshift(unit)
    } else {
      // An over-long list item or code block: the slide's type shrinks to fit it (see SlideView).
      place(unit)
    }
  }
  turn()
  // A heading belongs with what follows it, not alone at the foot of a slide.
  for (let i = 0; i < pages.length - 1; i++) {
    const page = pages[i]!
    const last = page.at(-1)!
    if (page.length > 1 && last.block.type === 'heading') pages[i + 1]!.unshift(page.pop()!)
  }
  return pages
}

/** Puts list items that came from one list back into one list, numbered where the page starts. */
function blocksOf(page: readonly Unit[]): JSONContent[] {
  const blocks: JSONContent[] = []
  let open = null as { source: JSONContent; node: JSONContent } | null
  for (const unit of page) {
    if (!unit.list) {
      blocks.push(unit.block)
      open = null
      continue
    }
    if (open?.source !== unit.list.node) {
      const { node, index } = unit.list
      const start = Number(node.attrs?.start ?? 1) + index
      open = {
        source: node,
        node: {
          type: node.type,
          ...(node.type === 'orderedList' ? { attrs: { start } } : {}),
          content: [],
        },
      }
      blocks.push(open.node)
    }
    open.node.content!.push(unit.block)
  }
  return blocks
}

const TEXT_BLOCKS = ['paragraph', 'heading', 'codeBlock']

/** Estimated lines a block takes at slide size; nested blocks are indented. */
export function linesOf(node: JSONContent, indent = 0): number {
  const width = SLIDE_LIMITS.charsPerLine - indent
  if (node.type && TEXT_BLOCKS.includes(node.type)) {
    const lines = inlineRows(node).reduce(
      (sum, row) => sum + Math.max(1, Math.ceil(textWidth(row) / width)),
      0
    )
    return node.type === 'heading' ? lines * 1.25 : lines
  }
  const childIndent = node.type === 'doc' ? indent : indent + 2
  return (node.content ?? []).reduce((sum, child) => sum + linesOf(child, childIndent), 0)
}

/** The text rows of a text block: hard breaks and code newlines start a new row. */
function inlineRows(node: JSONContent): string[] {
  const rows = ['']
  for (const child of node.content ?? []) {
    if (child.type === 'hardBreak') rows.push('')
    else if (typeof child.text === 'string') {
      const [first = '', ...rest] = child.text.split('\n')
      rows[rows.length - 1] += first
      rows.push(...rest)
    }
  }
  return rows
}

/** Width in full-width characters: Latin letters and digits take about half. */
function textWidth(text: string): number {
  let width = 0
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.55
  return width
}

function hasText(node: JSONContent): boolean {
  if (typeof node.text === 'string') return node.text.trim() !== ''
  return (node.content ?? []).some(hasText)
}

function plainText(node: JSONContent): string {
  if (typeof node.text === 'string') return node.text
  if (node.type === 'hardBreak') return '\n'
  const parts = (node.content ?? []).map(plainText)
  return node.type && TEXT_BLOCKS.includes(node.type) ? parts.join('') : parts.join('\n')
}

function plainParagraph(node: JSONContent): JSONContent {
  return {
    type: 'paragraph',
    content: [{ type: 'text', text: plainText(node).replace(/\n+/g, ' ') }],
  }
}

// After a Japanese full stop or !/?, or after a Latin sentence end followed by a space.
const SENTENCE_END = /(?<=[。！？]|[.!?]\s)/u

/**
 * Splits a paragraph into a head of at most `maxLines` and the rest, between sentences; with `canCut`,
 * inside the first sentence when even that one is too long. Null when no such split exists.
 */
function splitParagraph(
  paragraph: JSONContent,
  maxLines: number,
  canCut: boolean
): [JSONContent, JSONContent] | null {
  const sentences = sentencesOf(paragraph)
  let head: JSONContent[] = []
  let taken = 0
  while (
    taken < sentences.length &&
    linesOf({ type: 'paragraph', content: [...head, ...sentences[taken]!] }) <= maxLines
  ) {
    head = [...head, ...sentences[taken]!]
    taken++
  }
  let rest = sentences.slice(taken).flat()
  if (head.length === 0) {
    if (!canCut) return null
    const [first = [], ...after] = cutToWidth(
      sentences[0] ?? [],
      Math.floor(maxLines) * SLIDE_LIMITS.charsPerLine
    )
    head = first
    rest = [...after.flat(), ...sentences.slice(1).flat()]
  }
  if (rest.length === 0) return null
  return [
    { ...paragraph, content: head },
    { ...paragraph, content: trimStart(rest) },
  ]
}

function sentencesOf(paragraph: JSONContent): JSONContent[][] {
  const sentences: JSONContent[][] = [[]]
  for (const node of paragraph.content ?? []) {
    if (typeof node.text !== 'string') {
      sentences.at(-1)!.push(node)
      continue
    }
    node.text.split(SENTENCE_END).forEach((piece, i) => {
      if (i > 0) sentences.push([])
      if (piece) sentences.at(-1)!.push({ ...node, text: piece })
    })
  }
  return sentences.filter((s) => s.length > 0)
}

/** Cuts inline nodes into runs no wider than `maxWidth` (for a sentence longer than a slide). */
function cutToWidth(nodes: readonly JSONContent[], maxWidth: number): JSONContent[][] {
  const runs: JSONContent[][] = [[]]
  let width = 0
  for (const node of nodes) {
    if (typeof node.text !== 'string') {
      runs.at(-1)!.push(node)
      continue
    }
    let text = ''
    for (const ch of node.text) {
      const w = textWidth(ch)
      if (width + w > maxWidth) {
        if (text) runs.at(-1)!.push({ ...node, text })
        runs.push([])
        text = ''
        width = 0
      }
      text += ch
      width += w
    }
    if (text) runs.at(-1)!.push({ ...node, text })
  }
  return runs.filter((r) => r.length > 0)
}

function trimStart(content: JSONContent[]): JSONContent[] {
  const [first, ...rest] = content
  if (typeof first?.text !== 'string') return content
  const text = first.text.trimStart()
  return text ? [{ ...first, text }, ...rest] : rest
}
