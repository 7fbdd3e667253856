import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countCharacters, fragmentToMarkdown, fragmentToPlainText } from './sheetText.ts'

type Inline = string | [string, Record<string, unknown>] | 'hardBreak'

function text(parts: Inline[]): (Y.XmlText | Y.XmlElement)[] {
  return parts.map((part) => {
    if (part === 'hardBreak') return new Y.XmlElement('hardBreak')
    const t = new Y.XmlText()
    if (typeof part === 'string') t.insert(0, part)
    else t.insert(0, part[0], part[1])
    return t
  })
}

function element(
  name: string,
  children: (Y.XmlText | Y.XmlElement)[],
  attrs: Record<string, string> = {}
): Y.XmlElement {
  const el = new Y.XmlElement(name)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v)
  el.insert(0, children)
  return el
}

const paragraph = (...parts: Inline[]) => element('paragraph', text(parts))
const list = (name: string, ...items: Y.XmlElement[][]) =>
  element(
    name,
    items.map((blocks) => element('listItem', blocks))
  )

/** A fragment in a doc (Yjs types must be in a doc before they are read). */
function fragmentOf(blocks: Y.XmlElement[]): Y.XmlFragment {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('section')
  fragment.insert(0, blocks)
  return fragment
}

describe('fragmentToMarkdown', () => {
  it('is empty for an empty section and skips empty blocks', () => {
    expect(fragmentToMarkdown(fragmentOf([]))).toBe('')
    expect(fragmentToMarkdown(fragmentOf([paragraph(''), paragraph('one'), paragraph('')]))).toBe(
      'one'
    )
  })

  it('separates blocks with blank lines', () => {
    expect(fragmentToMarkdown(fragmentOf([paragraph('one'), paragraph('two')]))).toBe('one\n\ntwo')
  })

  it('writes marks as Markdown, and links with their target', () => {
    const md = fragmentToMarkdown(
      fragmentOf([
        paragraph(
          'plain ',
          ['bold', { bold: {} }],
          ' ',
          ['it', { italic: {} }],
          ' ',
          ['gone', { strike: {} }],
          ' ',
          ['x = 1', { code: {} }],
          ' ',
          ['site', { link: { href: 'https://example.org' } }]
        ),
      ])
    )
    expect(md).toBe('plain **bold** *it* ~~gone~~ `x = 1` [site](https://example.org)')
  })

  it('escapes characters Markdown would read as syntax', () => {
    expect(fragmentToMarkdown(fragmentOf([paragraph('a*b_c [d] #e <f> |g| \\h `i`')]))).toBe(
      'a\\*b\\_c \\[d\\] \\#e \\<f\\> \\|g\\| \\\\h \\`i\\`'
    )
  })

  it('turns headings into levels below the section title', () => {
    const md = fragmentToMarkdown(
      fragmentOf([
        element('heading', text(['Big']), { level: '1' }),
        element('heading', text(['Small']), { level: '5' }),
      ])
    )
    expect(md).toBe('### Big\n\n###### Small')
  })

  it('writes bullet and ordered lists, blockquotes, code blocks, rules and hard breaks', () => {
    const md = fragmentToMarkdown(
      fragmentOf([
        list('bulletList', [paragraph('apples')], [paragraph('pears'), paragraph('ripe')]),
        list('orderedList', [paragraph('first')], [paragraph('second')]),
        element('blockquote', [paragraph('quoted')]),
        element('codeBlock', text(['let a = 1\nlet b = 2'])),
        element('horizontalRule', []),
        paragraph('line one', 'hardBreak', 'line two'),
      ])
    )
    expect(md).toBe(
      [
        '- apples\n- pears\n  ripe',
        '1. first\n2. second',
        '> quoted',
        '```\nlet a = 1\nlet b = 2\n```',
        '---',
        'line one  \nline two',
      ].join('\n\n')
    )
  })

  it('writes Japanese text unchanged', () => {
    expect(fragmentToMarkdown(fragmentOf([paragraph('地域の外の人が一読してわかる言葉で')]))).toBe(
      '地域の外の人が一読してわかる言葉で'
    )
  })
})

describe('fragmentToPlainText', () => {
  it('drops marks and puts one block per line', () => {
    const fragment = fragmentOf([
      paragraph('a ', ['bold', { bold: {} }]),
      list('bulletList', [paragraph('item')]),
      paragraph('x', 'hardBreak', 'y'),
    ])
    expect(fragmentToPlainText(fragment)).toBe('a bold\nitem\nx\ny')
  })
})

describe('countCharacters', () => {
  it('counts visible characters, not whitespace', () => {
    expect(countCharacters(fragmentOf([]))).toBe(0)
    expect(countCharacters(fragmentOf([paragraph('  '), paragraph(' a b ')]))).toBe(2)
    expect(countCharacters(fragmentOf([paragraph('やりたい こと')]))).toBe(6)
  })
})
