/**
 * A strict little XML parser for tests: it throws on anything not well-formed (unbalanced or crossed
 * tags, a raw `<` or unknown entity in text or attributes, unquoted or duplicate attributes, characters
 * XML 1.0 forbids, more than one root) and returns a tree to assert on. No DTDs, no namespaces resolved.
 */

export interface XmlElement {
  readonly name: string
  readonly attrs: Readonly<Record<string, string>>
  readonly children: XmlElement[]
  /** The element's own text, entities decoded (CDATA included). */
  text: string
}

const NAME = /[A-Za-z_:][\w.:-]*/y
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/

function decode(raw: string, where: string): string {
  let out = ''
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]
    if (ch === '<') throw new Error(`raw < in ${where}`)
    if (ch !== '&') {
      out += ch
      continue
    }
    ENTITY.lastIndex = i
    const m = ENTITY.exec(raw)
    if (!m) throw new Error(`bad entity in ${where} at "${raw.slice(i, i + 12)}"`)
    const body = m[0].slice(1, -1)
    out += body.startsWith('#x')
      ? String.fromCodePoint(parseInt(body.slice(2), 16))
      : body.startsWith('#')
        ? String.fromCodePoint(Number(body.slice(1)))
        : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[body]
    i += m[0].length - 1
  }
  return out
}

export function parseXml(source: string): XmlElement {
  if (FORBIDDEN.test(source)) throw new Error('a character XML 1.0 forbids')
  let i = 0
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  const expect = (s: string) => {
    if (!source.startsWith(s, i)) throw new Error(`expected ${s} at ${i}`)
    i += s.length
  }
  const until = (s: string) => {
    const end = source.indexOf(s, i)
    if (end < 0) throw new Error(`unterminated, wanted ${s}`)
    const body = source.slice(i, end)
    i = end + s.length
    return body
  }
  const name = () => {
    NAME.lastIndex = i
    const m = NAME.exec(source)
    if (!m) throw new Error(`expected a name at ${i}`)
    i += m[0].length
    return m[0]
  }
  const spaces = () => {
    while (i < source.length && /\s/.test(source[i])) i++
  }
  if (source.startsWith('<?xml')) until('?>')
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      i += 4
      until('-->')
    } else if (source.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) throw new Error('CDATA outside the root')
      i += 9
      stack.at(-1)!.text += until(']]>')
    } else if (source.startsWith('<?', i)) {
      until('?>')
    } else if (source.startsWith('</', i)) {
      i += 2
      const closing = name()
      spaces()
      expect('>')
      const open = stack.pop()
      if (!open || open.name !== closing)
        throw new Error(`</${closing}> does not close <${open?.name}>`)
    } else if (source[i] === '<') {
      i++
      const element: XmlElement = { name: name(), attrs: {}, children: [], text: '' }
      for (;;) {
        const before = i
        spaces()
        if (source.startsWith('/>', i) || source[i] === '>') break
        if (i === before) throw new Error(`expected a space before an attribute at ${i}`)
        const attr = name()
        spaces()
        expect('=')
        spaces()
        const quote = source[i]
        if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attr}`)
        i++
        if (attr in element.attrs) throw new Error(`duplicate attribute ${attr}`)
        ;(element.attrs as Record<string, string>)[attr] = decode(until(quote), `attribute ${attr}`)
      }
      if (stack.length > 0) stack.at(-1)!.children.push(element)
      else if (root) throw new Error('more than one root element')
      else root = element
      if (source.startsWith('/>', i)) i += 2
      else {
        i++
        stack.push(element)
      }
    } else {
      const next = source.indexOf('<', i)
      const raw = source.slice(i, next < 0 ? source.length : next)
      i += raw.length
      if (stack.length === 0) {
        if (raw.trim() !== '') throw new Error('text outside the root element')
      } else {
        stack.at(-1)!.text += decode(raw, `<${stack.at(-1)!.name}>`)
      }
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`)
  if (!root) throw new Error('no root element')
  return root
}

/** Children of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name)
}
