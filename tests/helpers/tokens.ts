/**
 * Edits made of whole tokens like `[a17]`, inserted only at token boundaries, so that concurrent edits can
 * interleave tokens but never split one: what every client must end up with is then exactly the set of
 * tokens inserted and not deleted, whoever wrote them.
 */
import type * as Y from 'yjs'

const TOKEN = /\[[^\]]+\]/g

/** The tokens in `text`, in order. */
export function tokensOf(text: string): string[] {
  return text.match(TOKEN) ?? []
}

/** Offsets in `text` where a token may be inserted without splitting another. */
function boundaries(text: string): number[] {
  const at = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === ']') at.push(i + 1)
  return at
}

/** A seeded PRNG (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Inserts `token` at a random token boundary of `text`. */
export function insertToken(text: Y.Text | Y.XmlText, token: string, random: () => number): void {
  const at = boundaries(text.toString())
  text.insert(at[Math.floor(random() * at.length)], token)
}

/** Deletes `token` from `text` if it is there; returns whether it was. */
export function deleteToken(text: Y.Text | Y.XmlText, token: string): boolean {
  const index = text.toString().indexOf(token)
  if (index < 0) return false
  text.delete(index, token.length)
  return true
}

/** Sorted, for comparing token sets. */
export function sorted(tokens: Iterable<string>): string[] {
  return [...tokens].sort()
}
