/**
 * Issue 12: `npm run backup -- <file>` copies the database consistently while the server runs and a
 * writer types; restoring the copy (as the README says) brings back everything acknowledged before it.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTeamFixture, useServer } from '../helpers/fixtures.ts'
import { notesText } from '../helpers/notes.ts'
import { REPO_ROOT, startServer } from '../helpers/startServer.ts'
import { sleep, syncedProvider, waitFor } from '../helpers/wsClient.ts'
import { tokensOf } from '../helpers/tokens.ts'

function runBackup(env: Record<string, string>, file: string) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env }
  delete childEnv.NODE_OPTIONS
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/src/backup.ts', file], {
    cwd: REPO_ROOT,
    env: childEnv,
    encoding: 'utf8',
  })
}

// The copy is SQLite's online backup; a server on PostgreSQL (the integration-pg project) has no SQLite
// file to copy, and its backups are pg_dump's (the second test).
const isPostgres = process.env.SPECBOARD_TEST_DATABASE === 'postgres'

describe('npm run backup', () => {
  const server = useServer()

  it.skipIf(isPostgres)(
    'writes a consistent copy while a writer types, and the restored copy holds what was seen',
    async () => {
      const team = await createTeamFixture(server(), 'Backed up')
      const writer = await syncedProvider(server(), team.documents.spec, team.tokens.owner)
      const reader = await syncedProvider(server(), team.documents.spec, team.tokens.talent)
      notesText(writer.doc)
      await waitFor(() => reader.doc.getXmlFragment('why').length === 1)
      const dir = mkdtempSync(join(tmpdir(), 'specboard-backup-'))
      const restoredDir = mkdtempSync(join(tmpdir(), 'specboard-restored-'))
      let typing = true
      const typed = (async () => {
        for (let i = 0; typing; i++) {
          notesText(writer.doc).insert(notesText(writer.doc).length, `[b${i}]`)
          await sleep(5)
        }
      })()
      try {
        await sleep(300)
        // Everything the reader has seen was stored before the backup began.
        const seenBefore = tokensOf(notesText(reader.doc).toString())
        expect(seenBefore.length).toBeGreaterThan(10)
        const file = join(dir, 'copy.db')
        const result = runBackup({ DATA_DIR: server().dataDir }, file)
        expect(result.status, result.stderr).toBe(0)
        expect(result.stdout).toContain('backed up')
        typing = false
        await typed

        // Restore as the README says: the copy becomes DATA_DIR/specboard.db of a stopped server.
        copyFileSync(file, join(restoredDir, 'specboard.db'))
        const restored = await startServer({
          dataDir: restoredDir,
          env: { ADMIN_TOKEN: server().adminToken },
        })
        try {
          const fresh = await syncedProvider(restored, team.documents.spec, team.tokens.caretaker)
          const loaded = new Set(tokensOf(notesText(fresh.doc).toString()))
          for (const token of seenBefore) expect(loaded.has(token), token).toBe(true)
          fresh.destroy()
        } finally {
          await restored.stop()
        }
      } finally {
        typing = false
        writer.destroy()
        reader.destroy()
        rmSync(dir, { recursive: true, force: true })
        rmSync(restoredDir, { recursive: true, force: true })
      }
    }
  )

  it('points to pg_dump when the data lives in PostgreSQL', () => {
    const result = runBackup({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' }, '/tmp/x.db')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('pg_dump')
  })
})
