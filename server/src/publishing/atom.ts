/**
 * The Atom feed of open postings (RFC 4287). Every piece of text is XML-escaped and stripped of the
 * characters XML 1.0 forbids (control characters can reach us from sheet text), so the feed always parses.
 */

export interface AtomEntry {
  /** The posting page; also the entry's permanent id. */
  readonly url: string
  readonly title: string
  readonly published: string
  readonly updated: string
  readonly summary: string
  /** Sanitized HTML, sent as escaped `type="html"` content. */
  readonly contentHtml: string
  readonly categories: readonly string[]
  readonly author: string
}

export interface AtomFeed {
  readonly selfUrl: string
  readonly pageUrl: string
  readonly title: string
  readonly subtitle: string
  /** Latest change among the entries; the feed's own `updated`. */
  readonly updated: string
  readonly entries: readonly AtomEntry[]
}

// Tab, newline and carriage return are the only control characters XML 1.0 allows; lone surrogates
// and U+FFFE/U+FFFF are not characters at all.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text for XML content or a double-quoted attribute. */
export function xmlEscape(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

export function buildAtomFeed(feed: AtomFeed): string {
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${xmlEscape(e.url)}</id>
    <title type="text">${xmlEscape(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>
    <published>${xmlEscape(e.published)}</published>
    <updated>${xmlEscape(e.updated)}</updated>
    <author><name>${xmlEscape(e.author)}</name></author>
${e.categories.map((c) => `    <category term="${xmlEscape(c)}"/>`).join('\n')}
    <summary type="text">${xmlEscape(e.summary)}</summary>
    <content type="html">${xmlEscape(e.contentHtml)}</content>
  </entry>`
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">
  <id>${xmlEscape(feed.selfUrl)}</id>
  <title type="text">${xmlEscape(feed.title)}</title>
  <subtitle type="text">${xmlEscape(feed.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(feed.pageUrl)}"/>
  <updated>${xmlEscape(feed.updated)}</updated>
  <generator>Specboard</generator>
${entries.join('\n')}
</feed>
`
}
