/**
 * First-start demo seeding is all or nothing: a first start that fails after writing everything but before
 * its unit of work commits leaves nothing behind, and the next start seeds the whole demo (records, sheets,
 * postings with their pipelines) exactly once. Runs on SQLite and, in `integration-pg`, on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Program, ProgramFigures, ProgramList } from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import { type TestServer, startServer, testDatabaseEnv } from '../helpers/startServer.ts'

/** Seeding the demo on a busy two-core machine takes well over the usual start. */
const SEEDING_MS = 90_000

describe('an interrupted first-start demo seeding', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'specboard-seed-'))
  let server: TestServer | undefined

  afterAll(async () => {
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('leaves nothing, and the next start seeds the complete demo once', async () => {
    // Both starts use the same data: the same DATA_DIR, and on PostgreSQL the same database.
    const database = await testDatabaseEnv()
    const env = { ...database, SEED_DEMO: '1' }

    await expect(
      startServer({ dataDir, env: { ...env, SEED_DEMO_FAIL: '1' }, startTimeoutMs: SEEDING_MS })
    ).rejects.toThrow(/cannot seed the demo/)

    server = await startServer({ dataDir, env, startTimeoutMs: SEEDING_MS })
    const programs = ProgramList.parse((await apiRequest(server, 'GET', '/api/programs')).body)
    expect(programs.programs).toHaveLength(1)
    const programId = programs.programs[0]!.id
    const program = Program.parse(
      (await apiRequest(server, 'GET', `/api/programs/${programId}`)).body
    )
    expect(program.teams).toHaveLength(5)
    // Every sheet holds the demo's partly written sections (the log rows committed with the records).
    for (const team of program.teams) expect(team.completeness.written).toBeGreaterThan(0)
    const figures = ProgramFigures.parse(
      (await apiRequest(server, 'GET', `/api/programs/${programId}/figures`)).body
    )
    expect(figures.actuals).toMatchObject({ teams: 5, postings: 5, applicants: 72, placements: 10 })
    expect(figures.stageCounts.pool).toBe(22)

    // A third start finds the demo and seeds nothing more.
    await server.restart()
    const again = ProgramList.parse((await apiRequest(server, 'GET', '/api/programs')).body)
    expect(again.programs).toHaveLength(1)
  }, 240_000)
})
