/**
 * Starts Specboard: one process, one port — the JSON API, the built client and the collaboration
 * sockets. Wiring only; everything it starts is testable on its own.
 */
import { serve } from '@hono/node-server'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { readConfig } from './config.ts'
import { openSqliteStorage } from './storage/sqlite/SqliteStorage.ts'
import { composeServer } from './compose.ts'
import { consoleLogger as log } from './logger.ts'
import { seedDemo } from './demo/seedDemo.ts'
import { openSetupIfNeeded } from './setup.ts'
import { openInstanceLink } from './instanceLink.ts'
import { RedisUnreachableError } from './redis/connectRedis.ts'

const config = readConfig()
const link = await openInstanceLink(config.redisUrl, log).catch((error: unknown) => {
  if (!(error instanceof RedisUnreachableError)) throw error
  process.stderr.write(`Specboard cannot start: ${error.message} (REDIS_URL)\n`)
  process.exit(1)
})
// The one place that knows the engine. With DATABASE_URL set, an unreachable database stops the start:
// falling back to a local SQLite file would split the service's data without anyone noticing.
// PostgreSQL's driver is loaded only when it is used: the embedded default never pays for it.
const { databaseUrl } = config
const storage = databaseUrl
  ? await import('./storage/postgres/PostgresStorage.ts')
      .then(({ openPostgresStorage }) => openPostgresStorage(databaseUrl))
      .catch((error: unknown) => {
        process.stderr.write(`Specboard cannot start: ${(error as Error).message}\n`)
        process.exit(1)
      })
  : openSqliteStorage(join(config.dataDir, 'specboard.db'))
const staticRoot = existsSync(join(config.staticRoot, 'index.html')) ? config.staticRoot : undefined
if (!staticRoot)
  log.warn('no built client found; run `npx vite build` to serve the UI', {
    staticRoot: config.staticRoot,
  })
const {
  app,
  collab,
  close,
  origin: appOrigin,
  startHousekeeping,
} = composeServer(storage, config, log, staticRoot, undefined, link)

const server = serve({ fetch: app.fetch, port: config.port }, async (info: AddressInfo) => {
  appOrigin.listeningOn(info.port)
  startHousekeeping()
  const origin = appOrigin.url
  const lines = [
    `Specboard listening on ${origin}`,
    config.databaseUrl
      ? `data: PostgreSQL (DATABASE_URL); local files in ${config.dataDir}`
      : `data: ${config.dataDir}`,
    config.smtpUrl
      ? 'mail: SMTP (SMTP_URL)'
      : `mail: no SMTP_URL; each mail is written to ${join(config.dataDir, 'outbox')} and shown here`,
    `instances: ${link.description}`,
  ]
  const setupUrl = await openSetupIfNeeded(storage.records, origin)
  if (setupUrl) lines.push('', 'Create the coordinator account (first run):', `  ${setupUrl}`)
  if (config.seedDemo) {
    try {
      lines.push(...(await seedDemo(storage, origin, { failBeforeCommit: config.seedDemoFail })))
    } catch (error) {
      // Nothing of the demo was committed (one unit of work): the next start seeds it again.
      process.stderr.write(`Specboard cannot seed the demo: ${(error as Error).message}\n`)
      process.exit(1)
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`)
})
server.on('upgrade', (request, socket, head) => {
  if (!collab.handleUpgrade(request, socket, head)) socket.destroy()
})

let stopping = false
function stop(): void {
  if (stopping) return
  stopping = true
  close()
  server.close(() => {
    void Promise.allSettled([storage.close(), link.close()]).finally(() => process.exit(0))
  })
  setTimeout(() => process.exit(0), 3000).unref()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
