import type { ConnectionIdentity } from './Connection.ts'

const COLOR = /^#[0-9a-fA-F]{6}$/

/**
 * Overwrites who a presence state claims to be with who the socket authenticated as, so "who is here"
 * can be trusted; the colour and section stay the client's choice.
 */
export function stampIdentity(
  state: Record<string, unknown>,
  identity: ConnectionIdentity
): Record<string, unknown> {
  const user =
    typeof state.user === 'object' && state.user !== null
      ? (state.user as Record<string, unknown>)
      : {}
  const color =
    typeof user.color === 'string' && COLOR.test(user.color)
      ? user.color
      : colorFor(identity.personId)
  return {
    ...state,
    user: { ...user, name: identity.name, personId: identity.personId, role: identity.role, color },
  }
}

/** A stable, readable caret colour for a person. */
export function colorFor(personId: string): string {
  let hash = 0
  for (const ch of personId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  const palette = [
    '#d1495b',
    '#00798c',
    '#edae49',
    '#30638e',
    '#6a4c93',
    '#2a9d8f',
    '#e76f51',
    '#3d5a80',
  ]
  return palette[hash % palette.length]!
}
