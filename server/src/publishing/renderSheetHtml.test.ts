import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_TEMPLATE } from '@specboard/shared'
import { isAllowedHtml, renderFragment, renderSheetHtml, safeHref } from './renderSheetHtml.ts'

function paragraph(text: string, format?: (t: Y.XmlText) => void): Y.XmlElement {
  const p = new Y.XmlElement('paragraph')
  const t = new Y.XmlText()
  p.insert(0, [t])
  t.insert(0, text)
  format?.(t)
  return p
}

function snapshotOf(write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  write(doc)
  return Y.encodeStateAsUpdate(doc)
}

describe('renderSheetHtml', () => {
  it('renders written sections with their Japanese titles and the editor marks', () => {
    const snapshot = snapshotOf((doc) => {
      doc
        .getXmlFragment('what')
        .insert(0, [paragraph('ワインのおいしさを可視化する', (t) => t.format(0, 3, { bold: {} }))])
      const list = new Y.XmlElement('bulletList')
      const item = new Y.XmlElement('listItem')
      item.insert(0, [paragraph('コミュニティの運営')])
      list.insert(0, [item])
      doc.getXmlFragment('skills').insert(0, [list])
    })
    const sheet = renderSheetHtml(snapshot, DEFAULT_TEMPLATE)
    expect(sheet.sectionCount).toBe(2)
    expect(sheet.html).toContain('<h2>やりたいこと</h2>')
    expect(sheet.html).toContain('<strong>ワイン</strong>')
    expect(sheet.html).toContain('<ul><li><p>コミュニティの運営</p></li></ul>')
    expect(sheet.html).not.toContain('なぜやりたいのか')
    expect(sheet.excerpt).toBe('ワインのおいしさを可視化する')
  })

  it('renders script-like text inert, as escaped text', () => {
    const snapshot = snapshotOf((doc) => {
      doc
        .getXmlFragment('what')
        .insert(0, [paragraph('<script>alert(1)</script><img src=x onerror=alert(2)> "q" & \'s\'')])
    })
    const { html } = renderSheetHtml(snapshot, DEFAULT_TEMPLATE)
    expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=/i)
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;'
    )
  })

  it('drops nodes and attributes outside the schema that a hostile client wrote', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('what')
    const script = new Y.XmlElement('script')
    script.insert(0, [new Y.XmlText('alert(1)')])
    const p = paragraph('hello')
    p.setAttribute('onclick', 'alert(1)')
    fragment.insert(0, [script, p])
    const html = renderFragment(fragment)
    expect(html).toBe('<p>hello</p>')
  })

  it('keeps http(s) and mailto links with rel="noopener nofollow ugc", and unlinks everything else', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('what')
    fragment.insert(0, [
      paragraph('site', (t) => t.format(0, 4, { link: { href: 'https://example.com/a?b="c"' } })),
      paragraph('bad', (t) => t.format(0, 3, { link: { href: 'javascript:alert(1)' } })),
      paragraph('data', (t) =>
        t.format(0, 4, { link: { href: 'data:text/html,<script>alert(1)</script>' } })
      ),
    ])
    const html = renderFragment(fragment)!
    expect(html).toContain(
      '<a href="https://example.com/a?b=%22c%22" rel="noopener nofollow ugc">site</a>'
    )
    expect(html).toContain('<p>bad</p>')
    expect(html).toContain('<p>data</p>')
    expect(html).not.toMatch(/javascript:|data:/)
  })

  it('shifts headings below the section title', () => {
    const doc = new Y.Doc()
    const heading = new Y.XmlElement('heading')
    heading.setAttribute('level', '1' as unknown as string)
    heading.insert(0, [new Y.XmlText('見出し')])
    doc.getXmlFragment('what').insert(0, [heading])
    expect(renderFragment(doc.getXmlFragment('what'))).toBe('<h3>見出し</h3>')
  })
})

describe('isAllowedHtml', () => {
  it('accepts the tags the schema renders and refuses anything else', () => {
    expect(
      isAllowedHtml('<p><strong>a</strong> &lt;b&gt;<br/></p><ol start="2"><li><p>x</p></li></ol>')
    ).toBe(true)
    expect(isAllowedHtml('<p onclick="x">a</p>')).toBe(false)
    expect(isAllowedHtml('<script>alert(1)</script>')).toBe(false)
    expect(isAllowedHtml('<a href="javascript:alert(1)">x</a>')).toBe(false)
    expect(isAllowedHtml('<p>a < b</p>')).toBe(false)
  })
})

describe('safeHref', () => {
  it('allows only http, https and mailto', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com/')
    expect(safeHref('mailto:a@example.com')).toBe('mailto:a@example.com')
    expect(safeHref(' JavaScript:alert(1)')).toBeNull()
    expect(safeHref('/relative')).toBeNull()
    expect(safeHref(42)).toBeNull()
  })
})
