import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { sheetSchema } from '@specboard/shared/sheetContent'
import {
  SLIDE_LIMITS,
  buildSlides,
  linesOf,
  type DeckTeam,
  type SectionSlide,
} from './buildSlides.ts'

const team: DeckTeam = {
  name: 'ワイン販路チーム',
  organization: '塩尻ワイン組合',
  programName: 'MEGURU',
  region: '塩尻市',
  members: [
    { name: 'Alex', role: 'talent' },
    { name: '山田', role: 'owner' },
    { name: '審査', role: 'reviewer' },
    { name: '佐藤', role: 'caretaker' },
  ],
}
const sections = [
  { key: 'what', title: { ja: 'やりたいこと', en: 'What' } },
  { key: 'why', title: { ja: 'なぜ', en: 'Why' } },
  { key: 'role', title: { ja: '役割', en: 'Role' } },
]

const p = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const list = (type: 'bulletList' | 'orderedList', items: string[]): JSONContent => ({
  type,
  content: items.map((text) => ({ type: 'listItem', content: [p(text)] })),
})

function docWith(content: Record<string, JSONContent[]>): Y.Doc {
  const doc = new Y.Doc()
  for (const [key, blocks] of Object.entries(content)) {
    prosemirrorJSONToYXmlFragment(
      sheetSchema,
      { type: 'doc', content: blocks },
      doc.getXmlFragment(key)
    )
  }
  return doc
}

const sectionSlides = (doc: Y.Doc) =>
  buildSlides(team, sections, doc).filter((s): s is SectionSlide => s.kind === 'section')

describe('buildSlides', () => {
  it('opens with a title slide naming the presenters by role, reviewers left out, and closes with an invitation', () => {
    const slides = buildSlides(team, sections, new Y.Doc())
    const presenting = { ...team, members: [team.members[1], team.members[3], team.members[0]] }
    expect(slides).toEqual([
      { kind: 'title', team: presenting },
      { kind: 'closing', team: presenting },
    ])
  })

  it('gives each written section one slide and skips empty ones', () => {
    const slides = sectionSlides(
      docWith({
        what: [p('地域のワインを届けたい。')],
        why: [p('   '), { type: 'paragraph' }],
        role: [p('販路開拓')],
      })
    )
    expect(slides.map((s) => [s.sectionKey, s.number, s.part, s.parts])).toEqual([
      ['what', 1, 1, 1],
      ['role', 3, 1, 1],
    ])
    expect(slides[0].blocks).toEqual([p('地域のワインを届けたい。')])
  })

  it('splits a long list over slides and keeps the numbering of an ordered list', () => {
    const items = Array.from({ length: 14 }, (_, i) => `項目${i + 1}：ワイナリーと飲食店をつなぐ`)
    const slides = sectionSlides(docWith({ what: [list('orderedList', items)] }))
    expect(slides.length).toBeGreaterThan(1)
    expect(slides.every((s) => s.parts === slides.length)).toBe(true)
    const second = slides[1].blocks[0]
    expect(second.type).toBe('orderedList')
    expect(second.attrs?.start).toBe(1 + (slides[0].blocks[0].content?.length ?? 0))
    const all = slides.flatMap((s) => s.blocks.flatMap((b) => b.content ?? []))
    expect(all).toHaveLength(14)
  })

  it('splits a paragraph longer than a slide between sentences', () => {
    const sentence =
      'ぶどう農家とワイナリーが一緒に新しい販路を探し、地域の外にファンを増やしていきたいと考えています。'
    const slides = sectionSlides(docWith({ why: [p(sentence.repeat(8))] }))
    expect(slides.length).toBeGreaterThan(1)
    for (const slide of slides) {
      expect(slide.lines).toBeLessThanOrEqual(SLIDE_LIMITS.linesPerSlide)
      const text = slide.blocks.map((b) => b.content?.map((c) => c.text).join('')).join('')
      expect(text.endsWith('。')).toBe(true)
    }
    const joined = slides
      .map((s) => s.blocks.map((b) => b.content?.map((c) => c.text).join('')).join(''))
      .join('')
    expect(joined).toBe(sentence.repeat(8))
  })

  it('fills the rest of a slide with the first sentences of a paragraph that does not fit', () => {
    const sentence = '工房の若手が、受注から納品までを自分たちで回せるようにしたいと考えています。'
    const slides = sectionSlides(docWith({ what: [p('あ'.repeat(60)), p(sentence.repeat(7))] }))
    expect(slides).toHaveLength(2)
    expect(slides[0].blocks).toHaveLength(2)
    expect(slides[0].lines).toBeLessThanOrEqual(SLIDE_LIMITS.linesPerSlide)
    expect(slides[0].lines).toBeGreaterThan(SLIDE_LIMITS.linesPerSlide - 2)
    expect(slides[1].blocks[0].content?.[0].text?.startsWith('工房の若手')).toBe(true)
  })

  it('keeps a heading with the text after it', () => {
    const blocks = [
      p('あ'.repeat(32 * 6)),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '見出し' }] },
      p('本文'),
    ]
    const slides = sectionSlides(docWith({ what: blocks }))
    expect(slides.at(-1)!.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph'])
  })

  it('drops links to unsafe targets and types outside the schema', () => {
    const doc = new Y.Doc()
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    text.insert(0, 'click', { link: { href: 'javascript:alert(1)' } })
    paragraph.insert(0, [text])
    doc.getXmlFragment('what').insert(0, [paragraph, new Y.XmlElement('script')])
    const [slide] = sectionSlides(doc)
    expect(slide.blocks).toEqual([p('click')])
  })

  it('gives the same deck for the same document, whatever the order of reading', () => {
    const doc = docWith({ what: [p('a')], role: [list('bulletList', ['x', 'y'])] })
    expect(buildSlides(team, sections, doc)).toEqual(buildSlides(team, sections, doc))
  })
})

describe('linesOf', () => {
  it('counts Latin text as about half the width of Japanese', () => {
    expect(linesOf(p('あ'.repeat(64)))).toBe(2)
    expect(linesOf(p('a'.repeat(64)))).toBe(2)
    expect(linesOf(p('a'.repeat(40)))).toBe(1)
  })
})
