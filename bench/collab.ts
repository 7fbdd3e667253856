/**
 * Collaboration bench: `npx tsx bench/collab.ts` (or `npm run bench`). Not a test — it prints figures.
 *
 * Everything is real: the server runs as its own process (tests/helpers/startServer.ts) on a temp SQLite
 * file; clients are y-websocket `WebsocketProvider`s over `ws`, and the 250 readers of (b) are light
 * clients that sync a Y.Doc over a bare socket with y-protocols (no provider timers). All clients live in
 * this one process, so the figures include client-side delay on a machine shared with the server.
 *
 * (a) 20 clients in one room, 5 of them typing 10–20 characters a second: local insert → arrival at
 *     each of the 19 others.
 * (b) 1 writer and 250 readers that announce presence: writer → each reader, and → the last reader.
 * (c) a fresh client's connect → synced for a document with a 50,000-update history that is not in
 *     memory: the raw log (COMPACT_AFTER huge, 50,000 rows) and the default compaction.
 *
 * Options (env): BENCH_SECONDS (default 20), BENCH_READERS (250), BENCH_HISTORY (50000), BENCH_PHASES
 * (default abc: which of the three to run).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { benchOptions, phasesToRun, processUsage, Samples } from './measure.ts'
import { startServer, type TestServer } from '../tests/helpers/startServer.ts'
import { createTeamFixture, type TeamFixture } from '../tests/helpers/team.ts'
import { notesText } from '../tests/helpers/notes.ts'
import {
  connectProvider,
  frames,
  LightClient,
  sleep,
  syncedProvider,
  waitFor,
  waitForSync,
  collabUrl,
  type ProviderClient,
} from '../tests/helpers/wsClient.ts'

// Every WebsocketProvider adds a process 'exit' listener in Node.
process.setMaxListeners(0)

const { SECONDS, READERS, HISTORY } = benchOptions({ SECONDS: 20, READERS: 250, HISTORY: 50_000 })
const PHASES = phasesToRun('abc')

// ---------------------------------------------------------------- measuring

/** Server CPU share (of one core) and the bench process's event-loop delay over a measured phase. */
async function measured<T>(server: TestServer, run: () => Promise<T>) {
  const loop = monitorEventLoopDelay({ resolution: 10 })
  const before = processUsage(server.pid)
  const started = performance.now()
  loop.enable()
  const result = await run()
  loop.disable()
  const after = processUsage(server.pid)
  const wallMs = performance.now() - started
  return {
    result,
    serverCpu: (after.cpuMs - before.cpuMs) / wallMs,
    serverRssMiB: after.rssMiB,
    clientLoopP99Ms: loop.percentile(99) / 1e6,
  }
}

/** Reports arrival of `[id]` tokens inserted into `text` to `onToken`. */
function watchTokens(text: Y.Text, onToken: (token: string) => void): void {
  text.observe((event) => {
    for (const op of event.changes.delta) {
      if (typeof op.insert !== 'string') continue
      for (const token of op.insert.match(/\[[^\]]+\]/g) ?? []) onToken(token)
    }
  })
}

/** Appends `token` to `text`: concurrent appends interleave whole tokens, never split one. */
function appendToken(text: Y.Text, token: string): void {
  text.insert(text.length, token)
}

// ---------------------------------------------------------------- (a)

async function benchRoom(server: TestServer, team: TeamFixture) {
  const clients: ProviderClient[] = []
  const writers = [
    team.tokens.owner,
    team.tokens.talent,
    team.tokens.caretaker,
    team.tokens.owner,
    team.tokens.talent,
  ]
  for (let i = 0; i < 20; i++) {
    const token = i < 5 ? writers[i] : i % 2 ? team.tokens.reviewer : team.tokens.caretaker
    clients.push(await syncedProvider(server, team.documents.spec, token))
  }
  // One paragraph for every typist, made once: the sheet's schema holds text only inside paragraphs.
  notesText(clients[0].doc, 'success')
  await waitFor(() => clients.every((c) => c.doc.getXmlFragment('success').length === 1))
  const sentAt = new Map<string, { at: number; from: number }>()
  const latency = new Samples()
  let arrivals = 0
  clients.forEach((client, index) =>
    watchTokens(notesText(client.doc, 'success'), (token) => {
      const sent = sentAt.get(token)
      if (!sent || sent.from === index) return
      latency.add(performance.now() - sent.at)
      arrivals++
    })
  )
  const stopAt = performance.now() + SECONDS * 1000
  const typists = clients.slice(0, 5).map(async (client, index) => {
    let n = 0
    while (performance.now() < stopAt) {
      const token = `[a${index}:${n++}]`
      sentAt.set(token, { at: performance.now(), from: index })
      appendToken(notesText(client.doc, 'success'), token)
      await sleep(50 + Math.random() * 50)
    }
  })
  await Promise.all(typists)
  const expected = sentAt.size * 19
  await waitFor(() => arrivals >= expected, {
    timeoutMs: 10_000,
    what: 'every insert at every client',
  }).catch(() => {})
  for (const client of clients) client.destroy()
  return { latency, inserts: sentAt.size, arrivals, expected }
}

// ---------------------------------------------------------------- (b)

async function benchFanOut(server: TestServer, team: TeamFixture) {
  const readers: LightClient[] = []
  for (let i = 0; i < READERS; i += 25) {
    const batch = Array.from(
      { length: Math.min(25, READERS - i) },
      () => new LightClient(server, team.documents.spec, team.tokens.reviewer)
    )
    await Promise.all(batch.map((r) => r.ready()))
    batch.forEach((reader, k) =>
      reader.setPresence({ user: { name: `Reader ${i + k}`, color: '#30638e' }, section: 'what' })
    )
    readers.push(...batch)
  }
  const writer = await syncedProvider(server, team.documents.spec, team.tokens.owner)
  notesText(writer.doc, 'skills')
  await waitFor(() => readers.every((r) => r.doc.getXmlFragment('skills').length === 1))
  writer.provider.awareness.setLocalState({
    user: { name: 'Writer', color: '#d1495b' },
    section: 'what',
  })
  await sleep(500)

  const sentAt = new Map<string, number>()
  const arrivedCount = new Map<string, number>()
  const perReader = new Samples()
  const toLast = new Samples()
  for (const reader of readers) {
    watchTokens(notesText(reader.doc, 'skills'), (token) => {
      const at = sentAt.get(token)
      if (at === undefined) return
      const now = performance.now()
      perReader.add(now - at)
      const count = (arrivedCount.get(token) ?? 0) + 1
      arrivedCount.set(token, count)
      if (count === readers.length) toLast.add(now - at)
    })
  }
  const stopAt = performance.now() + SECONDS * 1000
  let n = 0
  while (performance.now() < stopAt) {
    const token = `[b${n++}]`
    sentAt.set(token, performance.now())
    appendToken(notesText(writer.doc, 'skills'), token)
    // Some readers move between sections, so presence changes flow alongside the renewals.
    readers[n % readers.length].setPresence({
      user: { name: `Reader ${n % readers.length}`, color: '#30638e' },
      section: n % 2 ? 'why' : 'what',
    })
    await sleep(100)
  }
  await waitFor(() => toLast.values.length >= sentAt.size, {
    timeoutMs: 10_000,
    what: 'every update at every reader',
  }).catch(() => {})
  const openReaders = readers.filter((r) => r.isOpen).length
  const writerCloses = writer.closes.map((c) => c.code)
  writer.destroy()
  for (const reader of readers) reader.close()
  return {
    perReader,
    toLast,
    updates: sentAt.size,
    complete: toLast.values.length,
    openReaders,
    writerCloses,
  }
}

// ---------------------------------------------------------------- (c)

function rowCount(server: TestServer, document: string): number {
  const db = new Database(server.dbFile, { readonly: true })
  try {
    return db
      .prepare('SELECT COUNT(*) FROM document_updates WHERE document = ?')
      .pluck()
      .get(document) as number
  } finally {
    db.close()
  }
}

function storedBytes(server: TestServer, document: string): number {
  const db = new Database(server.dbFile, { readonly: true })
  try {
    return db
      .prepare('SELECT IFNULL(SUM(LENGTH(data)), 0) FROM document_updates WHERE document = ?')
      .pluck()
      .get(document) as number
  } finally {
    db.close()
  }
}

/**
 * Types HISTORY one-character updates (mostly at the end, some at random places, some deletions) over one
 * bare socket, and waits until the server has handled every one of them.
 */
async function writeHistory(server: TestServer, document: string, token: string) {
  const ws = new WebSocket(collabUrl(server, document, token), { perMessageDeflate: false })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const doc = new Y.Doc()
  const text = notesText(doc, 'what')
  doc.on('update', (update: Uint8Array) => ws.send(frames.syncUpdate(update)))
  const alphabet = 'abcdefghijklmnopqrstuvwxyz     .'
  const started = performance.now()
  for (let i = 0; i < HISTORY; i++) {
    const dice = Math.random()
    if (dice < 0.05 && text.length > 10)
      text.delete(Math.floor(Math.random() * (text.length - 1)), 1)
    else if (dice < 0.15)
      text.insert(Math.floor(Math.random() * text.length), alphabet[i % alphabet.length])
    else text.insert(text.length, alphabet[i % alphabet.length])
    // Let the socket drain now and then, so the bench does not buffer everything at once.
    if (i % 1000 === 999) while (ws.bufferedAmount > 0) await sleep(1)
  }
  // A round trip after the last update: the server answers frames in order.
  const before = Y.encodeStateVector(doc)
  const done = new Promise<void>((resolve) =>
    ws.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && resolve())
  )
  ws.send(frames.syncStep1(before))
  await done
  const ms = performance.now() - started
  ws.close()
  const result = { writeMs: ms, length: text.length, docBytes: Y.encodeStateAsUpdate(doc).length }
  doc.destroy()
  return result
}

/** connect → synced of a fresh provider, in ms; checks the loaded text is complete. */
async function timeLoad(
  server: TestServer,
  document: string,
  token: string,
  expectedLength: number
): Promise<number> {
  const started = performance.now()
  const client = connectProvider(server, document, token)
  await waitForSync(client.provider, 300_000)
  const ms = performance.now() - started
  const length = notesText(client.doc, 'what').length
  client.destroy()
  if (length !== expectedLength)
    throw new Error(`loaded ${length} characters, expected ${expectedLength}`)
  return ms
}

async function benchHistory(compactAfter: string | undefined) {
  const env: Record<string, string> = {
    MESSAGES_PER_SECOND: '1000000',
    MESSAGE_BURST: '1000000',
    UNLOAD_DELAY_MS: '300',
  }
  // The raw case must never compact: not past a bound, and not on unload (which always compacts).
  if (compactAfter) Object.assign(env, { COMPACT_AFTER: compactAfter, UNLOAD_DELAY_MS: '600000' })
  const server = await startServer({ env })
  try {
    const team = await createTeamFixture(server, 'History')
    const document = team.documents.spec
    const {
      writeMs,
      length: expectedLength,
      docBytes,
    } = await writeHistory(server, document, team.tokens.owner)
    const rowsWritten = rowCount(server, document)
    const loads: number[] = []
    let rowsAtLoad = rowsWritten
    let bytesAtLoad = 0
    if (compactAfter) {
      // Unloading would compact the log, so take the document out of memory with a restart instead.
      for (let i = 0; i < 3; i++) {
        await server.restart()
        rowsAtLoad = rowCount(server, document)
        bytesAtLoad = storedBytes(server, document)
        loads.push(await timeLoad(server, document, team.tokens.caretaker, expectedLength))
        // A load this slow blocks the whole server; once is enough to show it.
        if (loads[0] > 10_000) break
      }
    } else {
      for (let i = 0; i < 3; i++) {
        // Everyone has left: wait for the room to unload (it compacts into one row as it goes).
        await waitFor(() => rowCount(server, document) === 1, {
          timeoutMs: 10_000,
          what: 'the room to unload',
        })
        await sleep(400)
        rowsAtLoad = rowCount(server, document)
        bytesAtLoad = storedBytes(server, document)
        loads.push(await timeLoad(server, document, team.tokens.caretaker, expectedLength))
        await sleep(100)
      }
    }
    loads.sort((a, b) => a - b)
    while (loads.length < 3) loads.push(loads[0])
    return { writeMs, rowsWritten, rowsAtLoad, bytesAtLoad, docBytes, expectedLength, loads }
  } finally {
    await server.stop()
  }
}

// ---------------------------------------------------------------- main

const f = (ms: number) => (Number.isNaN(ms) ? '   n/a' : ms.toFixed(1).padStart(6))

async function main() {
  console.log(
    `Specboard collab bench — node ${process.version}, ${(await import('node:os')).cpus().length} cores, ${SECONDS} s phases\n`
  )
  const server = await startServer({ env: { UNLOAD_DELAY_MS: '2000' } })
  try {
    const team = await createTeamFixture(server, 'Bench')

    if (PHASES.includes('a')) await reportRoom(server, team)
    if (PHASES.includes('b')) await reportFanOut(server, team)
  } finally {
    await server.stop()
  }
  if (PHASES.includes('c')) await reportHistory()
}

async function reportRoom(server: TestServer, team: TeamFixture) {
  const a = await measured(server, () => benchRoom(server, team))
  const ra = a.result
  console.log(
    '(a) 20 clients in one room, 5 typing 10–20 inserts/s (insert → each of the other 19)'
  )
  console.log(
    '    samples  p50 ms  p90 ms  p99 ms  max ms   server CPU  server RSS  bench loop p99'
  )
  console.log(
    `    ${String(ra.latency.values.length).padStart(7)}  ${f(ra.latency.quantile(0.5))}  ${f(ra.latency.quantile(0.9))}  ${f(ra.latency.quantile(0.99))}  ${f(ra.latency.max)}` +
      `   ${(a.serverCpu * 100).toFixed(0).padStart(8)} %  ${a.serverRssMiB.toFixed(0).padStart(6)} MiB  ${f(a.clientLoopP99Ms)} ms`
  )
  console.log(`    ${ra.inserts} inserts, ${ra.arrivals}/${ra.expected} arrivals\n`)
}

async function reportFanOut(server: TestServer, team: TeamFixture) {
  const b = await measured(server, () => benchFanOut(server, team))
  const rb = b.result
  console.log(`(b) 1 writer → ${READERS} readers with presence, 10 inserts/s`)
  console.log('                       samples  p50 ms  p90 ms  p99 ms  max ms')
  console.log(
    `    to each reader   ${String(rb.perReader.values.length).padStart(9)}  ${f(rb.perReader.quantile(0.5))}  ${f(rb.perReader.quantile(0.9))}  ${f(rb.perReader.quantile(0.99))}  ${f(rb.perReader.max)}`
  )
  console.log(
    `    to the last one  ${String(rb.toLast.values.length).padStart(9)}  ${f(rb.toLast.quantile(0.5))}  ${f(rb.toLast.quantile(0.9))}  ${f(rb.toLast.quantile(0.99))}  ${f(rb.toLast.max)}`
  )
  console.log(
    `    ${rb.updates} updates, ${rb.complete} reached every reader; ${rb.openReaders}/${READERS} readers still open` +
      (rb.writerCloses.length ? `, writer closed with ${rb.writerCloses.join(', ')}` : '') +
      `; server CPU ${(b.serverCpu * 100).toFixed(0)} %, RSS ${b.serverRssMiB.toFixed(0)} MiB; bench loop p99 ${b.clientLoopP99Ms.toFixed(1)} ms\n`
  )
}

async function reportHistory() {
  console.log(
    `(c) a fresh client loads a ${HISTORY.toLocaleString('en')}-update history from disk (document not in memory); connect → synced, 3 runs`
  )
  console.log(
    '    case                               write s   rows at load  stored KiB  doc KiB   min ms  median ms  max ms'
  )
  for (const [label, compactAfter] of [
    ['raw log (COMPACT_AFTER=1e9)', '1000000000'],
    ['default compaction (500) + unload', undefined],
  ] as const) {
    const r = await benchHistory(compactAfter)
    console.log(
      `    ${label.padEnd(34)} ${(r.writeMs / 1000).toFixed(1).padStart(7)}   ${String(r.rowsAtLoad).padStart(12)}  ${(r.bytesAtLoad / 1024).toFixed(0).padStart(10)}  ${(r.docBytes / 1024).toFixed(0).padStart(7)}  ${f(r.loads[0])}  ${f(r.loads[1]).padStart(9)}  ${f(r.loads[2])}`
    )
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
