import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createTeamFixture,
  readUpdateRows,
  type TestServer,
  useServer,
  type TeamFixture,
} from '../helpers/fixtures.ts'
import { notesText } from '../helpers/notes.ts'
import { sorted, tokensOf } from '../helpers/tokens.ts'
import { sleep, syncedProvider, waitFor, waitForSync } from '../helpers/wsClient.ts'

const CYCLES = 4
/** How many of a cycle's updates B must have seen before the server is killed. */
const KILL_AFTER_SEEN = [1, 9, 3, 25]

async function diskTokens(server: TestServer, document: string): Promise<Set<string>> {
  const doc = new Y.Doc()
  for (const row of await readUpdateRows(server, document)) Y.applyUpdate(doc, row)
  const tokens = new Set(tokensOf(notesText(doc).toString()))
  doc.destroy()
  return tokens
}

describe('a crash (kill -9) while a writer is typing', () => {
  const server = useServer()
  let team: TeamFixture

  beforeAll(async () => {
    team = await createTeamFixture(server())
  })

  // Four restarts of a real server: generous, since each start takes seconds on a busy machine.
  it('loses nothing that another client had already received', { timeout: 120_000 }, async () => {
    const spec = team.documents.spec
    const writer = await syncedProvider(server(), spec, team.tokens.owner)
    const observer = await syncedProvider(server(), spec, team.tokens.talent)
    notesText(writer.doc)
    await waitFor(() => observer.doc.getXmlFragment('why').length === 1, {
      what: 'the paragraph at the observer',
    })
    const typed: string[] = []
    try {
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const prefix = `[c${cycle}-`
        let killing: Promise<void> | null = null
        let seenThisCycle = 0
        const onChange = (event: Y.YTextEvent) => {
          for (const op of event.changes.delta) {
            if (typeof op.insert === 'string')
              seenThisCycle += tokensOf(op.insert).filter((t) => t.startsWith(prefix)).length
          }
          // Kill the moment B has seen enough: updates are still in flight from A.
          if (!killing && seenThisCycle >= KILL_AFTER_SEEN[cycle])
            killing = server().kill('SIGKILL')
        }
        notesText(observer.doc).observe(onChange)

        // A types ~200 updates a second (under the server's per-socket rate limit) until well after the kill.
        let i = 0
        let typedAfterKill = 0
        const typing = (async () => {
          while (typedAfterKill < 40) {
            for (let k = 0; k < 2; k++) {
              const token = `${prefix}${i++}]`
              notesText(writer.doc).insert(notesText(writer.doc).length, token)
              typed.push(token)
              if (killing) typedAfterKill++
            }
            await sleep(10)
          }
        })()
        await waitFor(() => killing !== null, {
          what: `B to see ${KILL_AFTER_SEEN[cycle]} updates of cycle ${cycle}`,
        })
        await killing
        await typing
        notesText(observer.doc).unobserve(onChange)

        // Everything B holds now reached it from the dead server, so it must be on disk. Keep A and B
        // away until that is checked, or A's resync would hide a loss.
        writer.provider.disconnect()
        observer.provider.disconnect()
        const seenByB = tokensOf(notesText(observer.doc).toString())
        expect(seenByB.length).toBeGreaterThanOrEqual(KILL_AFTER_SEEN[cycle])

        await server().restart()
        const onDisk = await diskTokens(server(), spec)
        expect(seenByB.filter((t) => !onDisk.has(t))).toEqual([])
        const fresh = await syncedProvider(server(), spec, team.tokens.caretaker)
        const loaded = new Set(tokensOf(notesText(fresh.doc).toString()))
        fresh.destroy()
        expect(seenByB.filter((t) => !loaded.has(t))).toEqual([])

        // Then A and B come back; A's updates that were in flight or typed offline arrive too.
        writer.provider.connect()
        observer.provider.connect()
        await waitForSync(writer.provider)
        await waitFor(
          () => notesText(observer.doc).toString() === notesText(writer.doc).toString(),
          {
            timeoutMs: 10_000,
            what: 'B to catch up with A after the restart',
          }
        )
      }
      expect(sorted(tokensOf(notesText(observer.doc).toString()))).toEqual(sorted(typed))
    } finally {
      writer.destroy()
      observer.destroy()
    }

    // And a last restart from the final state on disk holds every token ever typed, in A's order.
    await server().restart()
    const fresh = await syncedProvider(server(), spec, team.tokens.caretaker)
    try {
      expect(tokensOf(notesText(fresh.doc).toString())).toEqual(typed)
    } finally {
      fresh.destroy()
    }
  })
})
