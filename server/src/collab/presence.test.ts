import { describe, expect, it } from 'vitest'
import { colorFor, stampIdentity } from './presence.ts'

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
      expect((stamped.user as { color: string }).color).toBe(colorFor('p1'))
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

describe('colorFor', () => {
  it('gives a person the same #rrggbb colour every time', () => {
    for (const id of ['a', 'p1', 'x'.repeat(64), '日本']) {
      expect(colorFor(id)).toMatch(/^#[0-9a-f]{6}$/i)
      expect(colorFor(id)).toBe(colorFor(id))
    }
  })
})
