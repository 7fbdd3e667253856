/**
 * DATABASE_URL at start: an unreachable database stops the server, naming the setting (never a silent
 * SQLite of its own); on PostgreSQL a new instance with an empty DATA_DIR sees everything stored.
 */
import { describe, expect, it } from 'vitest'
import { apiRequest } from '../helpers/api.ts'
import { createTeamFixture } from '../helpers/team.ts'
import { startServer } from '../helpers/startServer.ts'
import { notesText } from '../helpers/notes.ts'
import { syncedProvider, waitFor } from '../helpers/wsClient.ts'

const isPostgres = process.env.SPECBOARD_TEST_DATABASE === 'postgres'
const TEXT = 'written on the first instance'

describe('DATABASE_URL', () => {
  it('stops the start with a non-zero exit, naming DATABASE_URL, when the database is unreachable', async () => {
    await expect(
      startServer({ env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/specboard' } })
    ).rejects.toThrow(/exited before listening \(code 1[\s\S]*cannot start: DATABASE_URL/)
  })

  it.skipIf(!isPostgres)(
    'lets a new instance with an empty DATA_DIR see the records and sheets stored by another',
    { timeout: 60_000 },
    async () => {
      const first = await startServer()
      let second: Awaited<ReturnType<typeof startServer>> | undefined
      try {
        const team = await createTeamFixture(first, 'Shared')
        const writer = await syncedProvider(first, team.documents.spec, team.tokens.owner)
        const observer = await syncedProvider(first, team.documents.spec, team.tokens.talent)
        notesText(writer.doc).insert(0, TEXT)
        // Another client has it, so it is stored.
        await waitFor(() => observer.doc.getXmlFragment('why').toString().includes(TEXT), {
          what: 'the edit at the other client',
        })
        writer.destroy()
        observer.destroy()
        await first.stop()

        second = await startServer({ env: { DATABASE_URL: first.env.DATABASE_URL! } })
        expect(second.dataDir).not.toBe(first.dataDir)
        const program = await apiRequest(second, 'GET', `/api/programs/${team.programId}`, {
          token: team.tokens.owner,
        })
        expect(program.status).toBe(200)
        const reader = await syncedProvider(second, team.documents.spec, team.tokens.caretaker)
        try {
          expect(reader.doc.getXmlFragment('why').toString()).toContain(TEXT)
        } finally {
          reader.destroy()
        }
      } finally {
        await second?.stop()
        await first.stop()
      }
    }
  )
})
