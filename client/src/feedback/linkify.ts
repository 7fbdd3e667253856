/**
 * Splits a comment into text and web links, so it can be shown as React text nodes and anchors: nothing
 * a person writes is ever parsed as markup.
 */
import { isWebUrl } from '@specboard/shared'

/** A run of a comment: plain text, or an http(s) URL. */
export type CommentPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly href: string }

const URL_PATTERN = /https?:\/\/[^\s<>"'`「」『』（）、。，]+/g
// Punctuation that ends a sentence more often than a URL.
const TRAILING = /[.,;:!?)\]}'"]+$/

export function linkify(text: string): CommentPart[] {
  const parts: CommentPart[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index
    let url = match[0]
    const trailing = url.match(TRAILING)?.[0] ?? ''
    // Keep a closing parenthesis that belongs to the URL itself (…/Foo_(bar)).
    const keep = trailing.startsWith(')') && count(url, '(') >= count(url, ')') ? 1 : 0
    url = url.slice(0, url.length - trailing.length + keep)
    if (!isWebUrl(url)) continue
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) })
    parts.push({ kind: 'link', href: url })
    last = start + url.length
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) })
  return parts
}

function count(text: string, char: string): number {
  return text.split(char).length - 1
}
