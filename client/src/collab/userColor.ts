/** Caret colours: distinct, readable on white, and calm next to each other. */
const PALETTE = [
  '#2f6fdb',
  '#d9480f',
  '#2b8a3e',
  '#9c36b5',
  '#c2255c',
  '#0b7285',
  '#e67700',
  '#5f3dc4',
  '#a61e4d',
  '#087f5b',
  '#1864ab',
  '#862e9c',
] as const

/** A stable #rrggbb colour for a person, so they look the same on every screen. */
export function colorForPerson(personId: string): string {
  let hash = 2166136261
  for (let i = 0; i < personId.length; i++) {
    hash ^= personId.charCodeAt(i)
    hash = Math.imul(hash, 16777619)
  }
  return PALETTE[(hash >>> 0) % PALETTE.length]
}
