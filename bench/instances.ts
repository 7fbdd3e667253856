/**
 * Several-instances bench: `npx tsx bench/instances.ts`. Not a test — it prints figures.
 *
 * Real parts only: two server processes (tests/helpers/cluster.ts) on one PostgreSQL database (a fresh
 * one on a private cluster, or on DATABASE_URL's server) and a private redis-server (or REDIS_URL).
 *
 * (a) Propagation in one room, in one run: 2 typists on A and 2 on B (10–20 inserts/s each), 4 readers on
 *     each instance. Every arrival is classed same-instance (typist and reader on one instance) or
 *     cross-instance (through Redis). Goal: cross p99 ≤ same p99 + 5 ms.
 * (b) Connections: one instance holding SOCKETS sockets over DOCS documents, then two instances holding
 *     SOCKETS each over the same documents; one edit per document, and every socket must converge.
 *
 * Each run first prints the floors (bench/floors.ts): one Redis hop and one PostgreSQL commit, alone.
 *
 * Options (env): BENCH_SECONDS (20), BENCH_SOCKETS (1000 per instance), BENCH_DOCS (500),
 * BENCH_PHASES (ab).
 */
import { notesText } from '../tests/helpers/notes.ts'
import { cpus } from 'node:os'
import { commitFloor, relayHopFloor } from './floors.ts'
import { benchOptions, phasesToRun, processUsage, Samples } from './measure.ts'
import { createProgram, createTeam } from '../tests/helpers/api.ts'
import { startCluster, type Cluster } from '../tests/helpers/cluster.ts'
import { freshDatabaseUrl, sharedOrPrivatePostgres } from '../tests/helpers/startPostgres.ts'
import type { TestServer } from '../tests/helpers/startServer.ts'
import { createTeamFixture } from '../tests/helpers/team.ts'
import {
  LightClient,
  sleep,
  syncedProvider,
  waitFor,
  type ProviderClient,
} from '../tests/helpers/wsClient.ts'

process.setMaxListeners(0)

const { SECONDS, SOCKETS, DOCS } = benchOptions({ SECONDS: 20, SOCKETS: 1000, DOCS: 500 })
const PHASES = phasesToRun('ab')

const f = (ms: number) => (Number.isNaN(ms) ? '   n/a' : ms.toFixed(1).padStart(6))

// ---------------------------------------------------------------- (a)

async function benchPropagation(cluster: Cluster) {
  const [a, b] = cluster.instances as [TestServer, TestServer]
  const team = await createTeamFixture(a, 'Propagation')
  const document = team.documents.spec
  const typistTokens = [team.tokens.owner, team.tokens.talent]
  const clients: { client: ProviderClient; on: 'A' | 'B'; isTypist: boolean }[] = []
  for (const [server, on] of [
    [a, 'A'],
    [b, 'B'],
  ] as const) {
    for (const token of typistTokens)
      clients.push({ client: await syncedProvider(server, document, token), on, isTypist: true })
    for (let i = 0; i < 4; i++)
      clients.push({
        client: await syncedProvider(server, document, team.tokens.reviewer),
        on,
        isTypist: false,
      })
  }
  // One paragraph for every typist, made once: the sheet's schema holds text only inside paragraphs.
  notesText(clients[0]!.client.doc, 'success')
  await waitFor(() => clients.every((c) => c.client.doc.getXmlFragment('success').length === 1))
  const sentAt = new Map<string, { at: number; on: 'A' | 'B' }>()
  const same = new Samples()
  const cross = new Samples()
  for (const { client, on } of clients.filter((c) => !c.isTypist)) {
    notesText(client.doc, 'success').observe((event) => {
      const now = performance.now()
      for (const op of event.changes.delta) {
        if (typeof op.insert !== 'string') continue
        for (const token of op.insert.match(/\[[^\]]+\]/g) ?? []) {
          const sent = sentAt.get(token)
          if (sent) (sent.on === on ? same : cross).add(now - sent.at)
        }
      }
    })
  }
  const stopAt = performance.now() + SECONDS * 1000
  await Promise.all(
    clients
      .filter((c) => c.isTypist)
      .map(async ({ client, on }, index) => {
        let n = 0
        const text = notesText(client.doc, 'success')
        while (performance.now() < stopAt) {
          const token = `[${on}${index}:${n++}]`
          sentAt.set(token, { at: performance.now(), on })
          text.insert(text.length, token)
          await sleep(50 + Math.random() * 50)
        }
      })
  )
  const expected = sentAt.size * 8
  await waitFor(() => same.values.length + cross.values.length >= expected, {
    timeoutMs: 10_000,
    what: 'every insert at every reader',
  }).catch(() => {})
  const texts = clients.map((c) => notesText(c.client.doc, 'success').toString())
  const converged = texts.every((t) => t === texts[0])
  for (const { client } of clients) client.destroy()
  return { same, cross, inserts: sentAt.size, expected, converged }
}

// ---------------------------------------------------------------- (b)

/** DOCS documents (one team each), made through the API. */
async function makeDocuments(server: TestServer): Promise<string[]> {
  const programId = await createProgram(server, 'Connections program')
  const documents: string[] = []
  for (let i = 0; i < DOCS; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, DOCS - i) }, (_, k) =>
        createTeam(server, programId, `Team ${i + k}`)
      )
    )
    documents.push(...batch.map((t) => t.documents.spec))
  }
  return documents
}

/** SOCKETS light clients on `server`, spread evenly over `documents`. */
async function openSockets(server: TestServer, documents: readonly string[]) {
  const clients: { client: LightClient; document: string }[] = []
  for (let i = 0; i < SOCKETS; i += 50) {
    const batch = Array.from({ length: Math.min(50, SOCKETS - i) }, (_, k) => {
      const document = documents[(i + k) % documents.length]!
      return { client: new LightClient(server, document, server.adminToken), document }
    })
    await Promise.all(batch.map((c) => c.client.ready()))
    clients.push(...batch)
  }
  return clients
}

async function benchConnections(
  run: string,
  servers: readonly TestServer[],
  documents: readonly string[]
) {
  const opened = performance.now()
  const perServer = []
  for (const server of servers) perServer.push(await openSockets(server, documents))
  const openMs = performance.now() - opened
  const all = perServer.flat()
  const before = servers.map((s) => processUsage(s.pid))
  // One edit per document, from its first socket on the first instance.
  const started = performance.now()
  const writers = new Map<string, LightClient>()
  for (const { client, document } of perServer[0]!)
    if (!writers.has(document)) writers.set(document, client)
  for (const [document, client] of writers)
    notesText(client.doc, 'what').insert(0, `[${run}:${document}]`)
  const has = ({ client, document }: { client: LightClient; document: string }) =>
    client.doc.getXmlFragment('what').toString().includes(`[${run}:${document}]`)
  await waitFor(() => all.every(has), { timeoutMs: 60_000, intervalMs: 20 }).catch(() => {})
  const convergeMs = performance.now() - started
  const converged = all.filter(has).length
  const open = all.filter(({ client }) => client.isOpen).length
  const after = servers.map((s) => processUsage(s.pid))
  for (const { client } of all) client.close()
  return {
    sockets: all.length,
    open,
    converged,
    openMs,
    convergeMs,
    rssMiB: after.map((u) => u.rssMiB),
    cpuMs: after.map((u, i) => u.cpuMs - before[i]!.cpuMs),
  }
}

// ---------------------------------------------------------------- report

async function main() {
  console.log(
    `Specboard several-instances bench — node ${process.version}, ${cpus().length} cores, ` +
      'PostgreSQL, Redis\n'
  )
  const postgres = await sharedOrPrivatePostgres()
  const databaseUrl = await freshDatabaseUrl(postgres.adminUrl)
  const cluster = await startCluster({
    databaseEnv: () => ({ DATABASE_URL: databaseUrl }),
    env: { UNLOAD_DELAY_MS: '5000' },
  })
  try {
    // The engines' own share of the figures below, on this machine now.
    console.log(`floor: ${await relayHopFloor(cluster.redis.url)}`)
    console.log(`floor: ${await commitFloor(databaseUrl)}\n`)
    if (PHASES.includes('a')) {
      const r = await benchPropagation(cluster)
      console.log(
        `(a) one room, 2 typists + 4 readers on each of A and B, ${SECONDS} s (insert → reader)`
      )
      console.log('                    samples  p50 ms  p90 ms  p99 ms')
      for (const [label, s] of [
        ['same instance ', r.same],
        ['cross instance', r.cross],
      ] as const)
        console.log(
          `    ${label}  ${String(s.values.length).padStart(9)}  ${f(s.quantile(0.5))}  ${f(s.quantile(0.9))}  ${f(s.quantile(0.99))}`
        )
      const gap = r.cross.quantile(0.99) - r.same.quantile(0.99)
      console.log(
        `    ${r.inserts} inserts, ${r.same.values.length + r.cross.values.length}/${r.expected} arrivals, ` +
          `${r.converged ? 'converged' : 'NOT converged'}; cross p99 − same p99 = ${gap.toFixed(1)} ms ` +
          `(goal ≤ 5 ms: ${gap <= 5 ? 'met' : 'not met'})\n`
      )
    }
    if (PHASES.includes('b')) {
      const [a, b] = cluster.instances as [TestServer, TestServer]
      const documents = await makeDocuments(a)
      console.log(
        `(b) ${SOCKETS} sockets per instance over ${DOCS} documents; one edit per document`
      )
      console.log(
        '    instances  sockets  open  converged  open s  converge ms  RSS MiB (each)   CPU ms (each, converge)'
      )
      for (const servers of [[a], [a, b]]) {
        const r = await benchConnections(`run${servers.length}`, servers, documents)
        console.log(
          `    ${String(servers.length).padStart(9)}  ${String(r.sockets).padStart(7)}  ${String(r.open).padStart(4)}  ${String(r.converged).padStart(9)}  ${(r.openMs / 1000).toFixed(1).padStart(6)}  ${r.convergeMs.toFixed(0).padStart(11)}  ${r.rssMiB
            .map((m) => m.toFixed(0))
            .join(' / ')
            .padStart(14)}   ${r.cpuMs.map((m) => m.toFixed(0)).join(' / ')}`
        )
        await sleep(1000)
      }
      console.log()
    }
  } finally {
    await cluster.stop()
    await postgres.stop()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
