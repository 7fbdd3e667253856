import { describe, expect, it } from 'vitest'
import { childrenNamed, parseXml } from '../../../tests/helpers/xml.ts'
import { buildAtomFeed, xmlEscape } from './atom.ts'

const entry = {
  url: 'https://x.example/postings/a?x=1&y=2',
  title: '<script>alert("t")</script> & 募集',
  published: '2026-11-20T00:00:00.000Z',
  updated: '2026-11-21T00:00:00.000Z',
  summary: 'control\u0001chars\u0008 gone',
  contentHtml: '<p>本文 &amp; 詳細</p>',
  categories: ['SNS', 'A&B "quoted"'],
  author: '塩尻市',
}

describe('buildAtomFeed', () => {
  it('produces a well-formed feed whose text reads back unchanged', () => {
    const xml = buildAtomFeed({
      selfUrl: 'https://x.example/postings.atom',
      pageUrl: 'https://x.example/postings',
      title: '募集',
      subtitle: 's',
      updated: '2026-11-21T00:00:00.000Z',
      entries: [entry, { ...entry, url: 'https://x.example/postings/b' }],
    })
    const feed = parseXml(xml)
    expect(feed.name).toBe('feed')
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom')
    const entries = childrenNamed(feed, 'entry')
    expect(entries).toHaveLength(2)
    expect(childrenNamed(entries[0], 'title')[0].text).toBe(entry.title)
    expect(childrenNamed(entries[0], 'link')[0].attrs.href).toBe(entry.url)
    expect(childrenNamed(entries[0], 'content')[0].text).toBe(entry.contentHtml)
    expect(childrenNamed(entries[0], 'summary')[0].text).toBe('controlchars gone')
    expect(childrenNamed(entries[0], 'category').map((c) => c.attrs.term)).toEqual([
      'SNS',
      'A&B "quoted"',
    ])
  })
})

describe('xmlEscape', () => {
  it('drops lone surrogates and keeps real pairs', () => {
    expect(xmlEscape('a\uD800b😀')).toBe('ab😀')
  })
})

describe('parseXml', () => {
  it('refuses what is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow()
    expect(() => parseXml('<a>x < y</a>')).toThrow()
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow()
    expect(() => parseXml('<a x=1/>')).toThrow()
    expect(() => parseXml('<a/><b/>')).toThrow()
  })
})
