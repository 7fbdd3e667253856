import { describe, expect, it } from 'vitest'
import { linkify } from './linkify.ts'

describe('linkify', () => {
  it('keeps text without links as one run', () => {
    expect(linkify('誰に届けたいのか、\n具体的に。')).toEqual([
      { kind: 'text', text: '誰に届けたいのか、\n具体的に。' },
    ])
  })

  it('finds http(s) links inside Japanese text and leaves the punctuation out', () => {
    expect(linkify('参考: https://example.com/a?b=1。ご確認ください')).toEqual([
      { kind: 'text', text: '参考: ' },
      { kind: 'link', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '。ご確認ください' },
    ])
    expect(linkify('(see https://example.com/x).')).toEqual([
      { kind: 'text', text: '(see ' },
      { kind: 'link', href: 'https://example.com/x' },
      { kind: 'text', text: ').' },
    ])
  })

  it('keeps a parenthesis that belongs to the URL', () => {
    expect(linkify('https://en.wikipedia.org/wiki/Foo_(bar)')).toEqual([
      { kind: 'link', href: 'https://en.wikipedia.org/wiki/Foo_(bar)' },
    ])
  })

  it('never turns other schemes or markup into links', () => {
    expect(linkify('javascript:alert(1) <a href="x">y</a>')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) <a href="x">y</a>' },
    ])
  })
})
