/**
 * The HTTP app wired as main.ts wires it, over a SQLite file in a temp dir, for route tests that call
 * `app.request()` without a network. `request()` adds the bearer and the JSON body.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { composeServer } from '../../server/src/compose.ts'
import { readConfig } from '../../server/src/config.ts'
import { silentLogger } from '../../server/src/logger.ts'
import { openSqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage.ts'

export const TEST_ADMIN_TOKEN = 'test-admin-token'

export interface TestRequest {
  /** Bearer token; defaults to the admin token, null sends none. */
  readonly token?: string | null
  readonly body?: unknown
  readonly headers?: Record<string, string>
}

export function createTestApp() {
  const dir = mkdtempSync(join(tmpdir(), 'specboard-unit-'))
  const storage = openSqliteStorage(join(dir, 'specboard.db'))
  const { app, collab } = composeServer(
    storage,
    readConfig({ ADMIN_TOKEN: TEST_ADMIN_TOKEN, DATA_DIR: dir }),
    silentLogger
  )

  async function request(
    method: string,
    path: string,
    { token = TEST_ADMIN_TOKEN, body, headers = {} }: TestRequest = {}
  ) {
    const all: Record<string, string> = { ...headers }
    if (token !== null) all.authorization = `Bearer ${token}`
    if (body !== undefined) all['content-type'] ??= 'application/json'
    const response = await app.request(`http://localhost${path}`, {
      method,
      headers: all,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await response.text()
    let json: unknown
    try {
      json = text === '' ? undefined : JSON.parse(text)
    } catch {
      json = text
    }
    // Bodies are read loosely here; tests check the shapes that matter with the shared zod schemas.
    // biome-ignore lint/suspicious/noExplicitAny: see above; callers narrow the body themselves
    return { status: response.status, body: json as any, headers: response.headers }
  }

  /** Joins `teamId` in `role` as a new person named `name`; returns their access token. */
  async function joinTeam(teamId: string, role: string, name: string): Promise<string> {
    const invite = await request('POST', `/api/teams/${teamId}/invites`, { body: { role } })
    if (invite.status !== 201)
      throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`)
    const accepted = await request('POST', `/api/invites/${invite.body.token}/accept`, {
      token: null,
      body: { name, email: `${Math.random().toString(36).slice(2, 10)}@test.example.jp` },
    })
    if (accepted.status !== 200)
      throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`)
    return accepted.body.accessToken as string
  }

  /** A program with one team, as the admin creates them. */
  async function programWithTeam(name = 'Team'): Promise<{ programId: string; teamId: string }> {
    const program = await request('POST', '/api/programs', {
      body: { name: `${name} program`, region: 'Testshire' },
    })
    const team = await request('POST', `/api/programs/${program.body.id}/teams`, { body: { name } })
    if (team.status !== 201)
      throw new Error(`team failed: ${team.status} ${JSON.stringify(team.body)}`)
    return { programId: program.body.id as string, teamId: team.body.id as string }
  }

  return {
    app,
    storage,
    collab,
    request,
    join: joinTeam,
    programWithTeam,
    close() {
      collab.close()
      storage.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type TestApp = ReturnType<typeof createTestApp>
