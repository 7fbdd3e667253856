/**
 * Caret and avatar colours: one per person, the same on every screen — the client picks it for its own
 * caret and avatars, and the server stamps it on a presence state that came without a valid one.
 */

/** Distinct, readable on white, and calm next to each other. */
const PALETTE = [
  '#2f6fdb',
  '#d9480f',
  '#2b8a3e',
  '#7048e8',
  '#c2255c',
  '#0c8599',
  '#e67700',
  '#3b5bdb',
  '#5c940d',
  '#ae3ec9',
  '#495057',
  '#9c6644',
] as const

/** A stable #rrggbb colour for a person, so they look the same on every screen. */
export function colorForPerson(personId: string): string {
  let hash = 2166136261
  for (let i = 0; i < personId.length; i++) {
    hash ^= personId.charCodeAt(i)
    hash = Math.imul(hash, 16777619)
  }
  return PALETTE[(hash >>> 0) % PALETTE.length]!
}
