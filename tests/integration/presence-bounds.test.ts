/**
 * Issue 12: presence is bounded per socket — one own state, small for read-only sockets — so a flood
 * neither reaches the members nor a newcomer's first sync, and the audience learns nobody's identity.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { CLOSE_CODE, ShareLink } from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import { createTeamFixture, useServer, type TeamFixture } from '../helpers/fixtures.ts'
import {
  RawSocket,
  connectProvider,
  frames,
  sleep,
  syncedProvider,
  waitFor,
} from '../helpers/wsClient.ts'

function entries(count: number, from: number) {
  return Array.from({ length: count }, (_, i) => ({
    clientId: from + i,
    clock: 1,
    json: JSON.stringify({ user: { name: `fake ${i}` }, section: 'what' }),
  }))
}

describe('presence bounds', () => {
  const server = useServer()
  let team: TeamFixture

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Presence')
  })

  it('closes a reviewer that floods 10,000 presence entries, and a newcomer sees only real members', async () => {
    const member = await syncedProvider(server(), team.documents.spec, team.tokens.owner)
    member.provider.awareness.setLocalStateField('section', 'what')
    const flooder = await RawSocket.open(server(), team.documents.spec, team.tokens.reviewer)
    try {
      await waitFor(() => flooder.received.length > 0)
      flooder.send(frames.rawAwareness(entries(10_000, 5000)))
      expect((await flooder.waitClosed(3000)).code).toBe(CLOSE_CODE.malformedMessage)

      // A member's socket that claims 10 ids at once keeps only the first.
      const claimer = await RawSocket.open(server(), team.documents.spec, team.tokens.talent)
      await waitFor(() => claimer.received.length > 0)
      claimer.send(frames.rawAwareness(entries(10, 90_000)))
      await sleep(200)
      expect(claimer.isOpen).toBe(true)

      const newcomer = await RawSocket.open(server(), team.documents.spec, team.tokens.caretaker)
      try {
        await waitFor(() => newcomer.received.some((f) => f[0] === 1))
        const firstPresence = newcomer.received.find((f) => f[0] === 1)!
        // The owner's state and the claimer's one: two people, a few hundred bytes.
        expect(firstPresence.byteLength).toBeLessThan(1000)
        expect(new TextDecoder().decode(firstPresence).match(/"personId"/g)).toHaveLength(2)
        expect(member.closes).toEqual([])
      } finally {
        newcomer.terminate()
        claimer.terminate()
      }
    } finally {
      flooder.terminate()
      member.destroy()
    }
  })

  it('closes a reviewer whose own state is larger than a name and a caret', async () => {
    const reviewer = await RawSocket.open(server(), team.documents.spec, team.tokens.reviewer)
    try {
      await waitFor(() => reviewer.received.length > 0)
      reviewer.send(
        frames.rawAwareness([
          { clientId: 7, clock: 1, json: JSON.stringify({ pad: 'x'.repeat(4000) }) },
        ])
      )
      expect((await reviewer.waitClosed(3000)).code).toBe(CLOSE_CODE.malformedMessage)
    } finally {
      reviewer.terminate()
    }
  })

  it('sends the anonymous audience no presence, so no reviewer identity', async () => {
    const reviewer = await syncedProvider(server(), team.documents.spec, team.tokens.reviewer)
    reviewer.provider.awareness.setLocalStateField('section', 'why')
    const link = ShareLink.parse(
      (
        await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/share-links`, {
          token: team.tokens.caretaker,
          body: {},
        })
      ).body
    )
    const audience = await RawSocket.open(server(), team.documents.spec, link.token!)
    const audienceProvider = connectProvider(server(), team.documents.spec, link.token!)
    try {
      await waitFor(() => audienceProvider.provider.synced)
      audience.send(frames.queryAwareness())
      reviewer.provider.awareness.setLocalStateField('section', 'what')
      await sleep(300)
      expect(audience.received.filter((f) => f[0] === 1)).toEqual([])
      // Only its own (local) state: nobody else's reached it.
      expect(audienceProvider.provider.awareness.getStates().size).toBe(1)
    } finally {
      audience.terminate()
      audienceProvider.destroy()
      reviewer.destroy()
    }
  })
})
