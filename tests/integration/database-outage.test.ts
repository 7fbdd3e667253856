/**
 * PostgreSQL going away while people type: an edit that cannot be stored is refused visibly (its sender
 * is closed with 4507 notSaved and nobody else receives it), the client keeps it, and once the database
 * is back the client's reconnect stores and delivers it. Runs in integration-pg, on a private cluster it
 * can stop (the run's shared one serves the other files).
 */
import { CLOSE_CODE } from '@specboard/shared'
import { describe, expect, it } from 'vitest'
import { notesText } from '../helpers/notes.ts'
import { freshDatabaseUrl, startPostgres } from '../helpers/startPostgres.ts'
import { startServer } from '../helpers/startServer.ts'
import { createTeamFixture } from '../helpers/team.ts'
import { sleep, syncedProvider, waitFor } from '../helpers/wsClient.ts'

const isPostgres = process.env.SPECBOARD_TEST_DATABASE === 'postgres'

const seen = (doc: import('yjs').Doc, text: string) =>
  doc.getXmlFragment('why').toString().includes(text)

describe.skipIf(!isPostgres)('a PostgreSQL outage', () => {
  it('refuses edits it cannot store instead of acknowledging them, and stores them once it is back', {
    timeout: 90_000,
  }, async () => {
    const postgres = await startPostgres()
    const server = await startServer({
      env: { DATABASE_URL: await freshDatabaseUrl(postgres.adminUrl) },
    })
    try {
      const team = await createTeamFixture(server, 'Outage')
      const writer = await syncedProvider(server, team.documents.spec, team.tokens.owner)
      const observer = await syncedProvider(server, team.documents.spec, team.tokens.talent)
      try {
        notesText(writer.doc).insert(0, '[before]')
        await waitFor(() => seen(observer.doc, '[before]'), { what: 'the first edit at B' })

        await postgres.kill()
        notesText(writer.doc).insert(0, '[during]')
        await waitFor(() => writer.closes.some((c) => c.code === CLOSE_CODE.notSaved), {
          timeoutMs: 15_000,
          what: 'the writer to be told its edit was not saved',
        })
        await sleep(300)
        expect(seen(observer.doc, '[during]')).toBe(false)
        // The writer still has it: nothing is thrown away on the client.
        expect(seen(writer.doc, '[during]')).toBe(true)

        await postgres.start()
        // Delivered only after its row was committed: B receiving it means it is stored.
        await waitFor(() => seen(observer.doc, '[during]'), {
          timeoutMs: 30_000,
          what: 'the edit to be stored and delivered after the database came back',
        })
      } finally {
        writer.destroy()
        observer.destroy()
      }
    } finally {
      await server.stop()
      await postgres.stop()
    }
  })
})
