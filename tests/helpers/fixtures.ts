/**
 * Test fixtures: a server per test file with teardown, plus (re-exported) a team with one person per role
 * and direct reads of the SQLite file.
 */
import { afterAll, afterEach, beforeAll } from 'vitest'
import { startServer, type StartServerOptions, type TestServer } from './startServer.ts'

export * from './team.ts'
export * from './disk.ts'
export type { TestServer } from './startServer.ts'

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
