/**
 * Who is in a document right now, from awareness. Local state shape (the server overwrites name,
 * personId and role with the authenticated identity):
 * `{ user: { name, color, personId, role }, section: <focused section key or null> }`.
 */
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/** The `user` field every client announces. */
export interface PresenceUser {
  name: string
  color: string
  personId: string
  role: string
}

/** One person present, merged over their tabs. */
export interface PresentPerson extends PresenceUser {
  isSelf: boolean
  /** The section they are writing in, if any. */
  section: string | null
}

/** Sets the local awareness state (call again when the focused section changes). */
export function announcePresence(
  provider: WebsocketProvider,
  user: PresenceUser,
  section: string | null
) {
  provider.awareness.setLocalStateField('user', user)
  provider.awareness.setLocalStateField('section', section)
}

/** The people present in the provider's document, one entry per person, self first. */
export function usePresence(provider: WebsocketProvider | undefined): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([])
  useEffect(() => {
    if (!provider) return
    const awareness = provider.awareness
    const update = () => setPeople(collect(awareness.getStates(), awareness.clientID))
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [provider])
  return people
}

function collect(states: Map<number, Record<string, unknown>>, selfId: number): PresentPerson[] {
  const byPerson = new Map<string, PresentPerson>()
  const selfPersonId = (states.get(selfId)?.user as PresenceUser | undefined)?.personId
  for (const [clientId, state] of states) {
    const user = state.user as Partial<PresenceUser> | undefined
    if (!user || typeof user.name !== 'string' || typeof user.personId !== 'string') continue
    const section = typeof state.section === 'string' ? state.section : null
    const isSelf = clientId === selfId || user.personId === selfPersonId
    const known = byPerson.get(user.personId)
    if (known) {
      // A person with two tabs is one person; show the section of whichever tab is writing.
      known.section ??= section
      continue
    }
    byPerson.set(user.personId, {
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#5c6675',
      personId: user.personId,
      role: typeof user.role === 'string' ? user.role : '',
      isSelf,
      section,
    })
  }
  return [...byPerson.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf))
}
