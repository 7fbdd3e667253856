import { colorForPerson } from '@specboard/shared'
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
      : colorForPerson(identity.personId)
  return {
    ...state,
    user: { ...user, name: identity.name, personId: identity.personId, role: identity.role, color },
  }
}
