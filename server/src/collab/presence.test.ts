import { describe, expect, it } from 'vitest'
import { colorForPerson } from '@specboard/shared'
import { stampIdentity } from './presence.ts'

const identity = { personId: 'p1', name: 'Aiko', role: 'talent' as const }

describe('stampIdentity', () => {
  it('overwrites who the state claims to be with the authenticated identity', () => {
    const stamped = stampIdentity(
      { user: { name: 'Mallory', personId: 'p2', role: 'coordinator', color: '#30638e' } },
      identity
    )
    expect(stamped.user).toEqual({ name: 'Aiko', personId: 'p1', role: 'talent', color: '#30638e' })
  })

  it('keeps the rest of the state and of the user', () => {
    const stamped = stampIdentity(
      { section: 'why', cursor: { anchor: 1 }, user: { name: 'x', avatar: 'a' } },
      identity
    )
    expect(stamped).toMatchObject({
      section: 'why',
      cursor: { anchor: 1 },
      user: { avatar: 'a', name: 'Aiko' },
    })
  })

  it.each([undefined, 'red', '#fff', '#30638e; background: url(x)', 42])(
    'replaces the colour %j with the person’s own',
    (color) => {
      const stamped = stampIdentity({ user: { color } }, identity)
      expect((stamped.user as { color: string }).color).toBe(colorForPerson('p1'))
    }
  )

  it('adds a user to a state without one, or with one that is not an object', () => {
    expect(stampIdentity({}, identity).user).toMatchObject({ name: 'Aiko', personId: 'p1' })
    expect(stampIdentity({ user: 'Mallory' }, identity).user).toMatchObject({
      name: 'Aiko',
      personId: 'p1',
    })
  })
})
