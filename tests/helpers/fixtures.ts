/**
 * Test fixtures: a server per test file with teardown, a team with one person per role, and direct reads
 * of the SQLite file (what survived is checked on disk, not in a client's memory).
 */
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { TeamRole } from '../../shared/src/index.ts'
import { createProgram, createTeam, joinTeam } from './api.ts'
import { startServer, type StartServerOptions, type TestServer } from './startServer.ts'

/**
 * Starts one server for the file (beforeAll) and stops it (afterAll); prints the server's log when a
 * test fails. The returned getter throws if used before the server started.
 */
export function useServer(options: StartServerOptions = {}): () => TestServer {
  let server: TestServer | undefined
  beforeAll(async () => {
    server = await startServer(options)
  })
  afterEach((context) => {
    if (context.task.result?.state === 'fail' && server) {
      console.error(`--- server log (${context.task.name}) ---\n${server.logs().slice(-20_000)}`)
    }
  })
  afterAll(async () => {
    await server?.stop()
  })
  return () => {
    if (!server) throw new Error('the server has not started')
    return server
  }
}

/** A team and one access token per role, plus someone from another team of the same program. */
export interface TeamFixture {
  readonly programId: string
  readonly teamId: string
  readonly documents: { readonly spec: string; readonly feedback: string; readonly stage: string }
  readonly tokens: Readonly<Record<TeamRole, string>>
  /** A talent of a different team: signed in, but with no role in this one. */
  readonly outsiderToken: string
}

export async function createTeamFixture(server: TestServer, name = 'Team'): Promise<TeamFixture> {
  const programId = await createProgram(server, `${name} program`)
  const team = await createTeam(server, programId, name)
  const other = await createTeam(server, programId, `${name} (other)`)
  const roles: TeamRole[] = ['owner', 'caretaker', 'talent', 'reviewer']
  const tokens = {} as Record<TeamRole, string>
  for (const role of roles) tokens[role] = await joinTeam(server, team.id, role, `${role} of ${name}`)
  const outsiderToken = await joinTeam(server, other.id, 'talent', `outsider of ${name}`)
  return { programId, teamId: team.id, documents: team.documents, tokens, outsiderToken }
}

/** The rows of a document's update log, read straight from the SQLite file. */
export function readUpdateRows(dbFile: string, document: string): Uint8Array[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    const rows = db.prepare('SELECT data FROM document_updates WHERE document = ? ORDER BY seq').pluck().all(document) as Buffer[]
    return rows.map((b) => new Uint8Array(b))
  } finally {
    db.close()
  }
}

/** The document as the SQLite file holds it: every row of its log applied to a fresh Y.Doc. */
export function loadDocFromDisk(dbFile: string, document: string): Y.Doc {
  const doc = new Y.Doc()
  for (const row of readUpdateRows(dbFile, document)) Y.applyUpdate(doc, row)
  return doc
}

/** Whether any stored row of any document contains `marker` (as UTF-8 bytes, the way Yjs stores strings). */
export function diskContains(dbFile: string, marker: string): boolean {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    const rows = db.prepare('SELECT data FROM document_updates').pluck().all() as Buffer[]
    return rows.some((b) => b.includes(marker))
  } finally {
    db.close()
  }
}

/** Appends an update to a document's log behind the server's back (to prove a later load reads the disk). */
export function appendRowOnDisk(dbFile: string, document: string, update: Uint8Array): void {
  const db = new Database(dbFile, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare('INSERT INTO document_updates (document, data) VALUES (?, ?)').run(document, update)
  } finally {
    db.close()
  }
}
