/**
 * Two instances of one service when something fails: Redis goes away and comes back (each instance keeps
 * serving its own clients, then everyone converges with nothing lost), and an instance is killed with
 * SIGKILL (nothing any client on the other instance received is lost, and the other keeps serving).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { useCluster } from '../helpers/useCluster.ts'
import { notesText } from '../helpers/notes.ts'
import { createTeamFixture, type TeamFixture } from '../helpers/team.ts'
import { insertToken, seededRandom, sorted, tokensOf } from '../helpers/tokens.ts'
import { sleep, syncedProvider, waitFor, type ProviderClient } from '../helpers/wsClient.ts'

/** Types `count` tokens into the doc's notes, yielding now and then; returns them. */
async function typeTokens(
  client: ProviderClient,
  prefix: string,
  count: number,
  seed: number
): Promise<string[]> {
  const random = seededRandom(seed)
  const text = notesText(client.doc)
  const typed: string[] = []
  for (let i = 0; i < count; i++) {
    const token = `[${prefix}${i}]`
    insertToken(text, token, random)
    typed.push(token)
    await sleep(Math.floor(random() * 6))
  }
  return typed
}

const notesOf = (client: ProviderClient) => notesText(client.doc).toString()

// Several instances share a database server: these run in the `integration-pg` project.
describe.runIf(process.env.SPECBOARD_TEST_DATABASE === 'postgres')(
  'two instances when something fails',
  () => {
    const cluster = useCluster({ privateRedis: true })
    const a = () => cluster().instances[0]!
    const b = () => cluster().instances[1]!
    let team: TeamFixture

    beforeAll(async () => {
      team = await createTeamFixture(a(), 'Failures')
    })

    it('keeps serving each instance’s clients while Redis is away, and converges when it returns', async () => {
      const onA = await syncedProvider(a(), team.documents.spec, team.tokens.owner)
      const alsoOnA = await syncedProvider(a(), team.documents.spec, team.tokens.caretaker)
      const onB = await syncedProvider(b(), team.documents.spec, team.tokens.talent)
      const clients = [onA, alsoOnA, onB]
      try {
        notesText(onA.doc)
        await waitFor(() => onB.doc.getXmlFragment('why').length === 1, {
          what: 'the paragraph on B',
        })
        const before = await typeTokens(onA, 'before', 10, 1)
        await waitFor(() => tokensOf(notesOf(onB)).length === before.length, { what: 'B in sync' })

        await cluster().redis.kill()
        // Both instances keep taking edits; clients on the same instance still see each other live.
        const [duringA, duringB] = await Promise.all([
          typeTokens(onA, 'outageA', 40, 2),
          typeTokens(onB, 'outageB', 40, 3),
        ])
        await waitFor(() => duringA.every((t) => notesOf(alsoOnA).includes(t)), {
          what: 'A’s clients to see each other during the outage',
        })
        await sleep(300)
        await cluster().redis.start()
        const after = await typeTokens(onB, 'after', 10, 4)

        const everything = sorted([...before, ...duringA, ...duringB, ...after])
        const started = Date.now()
        await waitFor(
          () =>
            clients.every((c) => sorted(tokensOf(notesOf(c))).join() === everything.join()) &&
            notesOf(onA) === notesOf(onB),
          {
            timeoutMs: 15_000,
            intervalMs: 50,
            what: 'every client to converge after Redis returned',
          }
        )
        console.info(`converged ${Date.now() - started} ms after Redis returned`)
        // And what they converged on is stored: fresh clients on both instances load all of it.
        for (const server of [a(), b()]) {
          const fresh = await syncedProvider(server, team.documents.spec, team.tokens.caretaker)
          expect(sorted(tokensOf(notesOf(fresh)))).toEqual(everything)
          fresh.destroy()
        }
      } finally {
        for (const c of clients) c.destroy()
      }
    })

    it('loses nothing a client on B received when A is killed, and B keeps serving', async () => {
      const writer = await syncedProvider(a(), team.documents.spec, team.tokens.owner)
      const watcher = await syncedProvider(b(), team.documents.spec, team.tokens.talent)
      const clients = [writer, watcher]
      try {
        const typing = typeTokens(writer, 'killed', 400, 5)
        await waitFor(() => notesOf(watcher).includes('[killed60]'), {
          timeoutMs: 10_000,
          what: 'B to receive A’s edits',
        })
        await a().kill('SIGKILL')
        await typing
        const seenOnB = tokensOf(notesOf(watcher))
        expect(seenOnB.length).toBeGreaterThan(60)

        // B keeps serving: its clients edit and see each other.
        const colleague = await syncedProvider(b(), team.documents.spec, team.tokens.caretaker)
        clients.push(colleague)
        notesText(watcher.doc).insert(0, '[after-kill]')
        await waitFor(() => notesOf(colleague).includes('[after-kill]'), {
          what: 'B to keep serving',
        })
        for (const token of seenOnB) expect(notesOf(colleague)).toContain(token)

        // A new instance with an empty DATA_DIR sees everything B's client received.
        const fresh = await cluster().add()
        const reader = await syncedProvider(fresh, team.documents.spec, team.tokens.reviewer)
        clients.push(reader)
        const stored = new Set(tokensOf(notesOf(reader)))
        expect(seenOnB.filter((t) => !stored.has(t))).toEqual([])
        expect(stored.has('[after-kill]')).toBe(true)
      } finally {
        for (const c of clients) c.destroy()
      }
    })
  }
)
