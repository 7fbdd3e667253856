/**
 * The scenarios, each run against one fresh server process of any dialect. Each returns latency
 * samples (ms), a throughput, the server's CPU seconds over the measured phase and its peak RSS.
 */
import * as Y from 'yjs'
import { createProgram, createTeam } from '../../tests/helpers/api.ts'
import { BenchClient, typingTarget, type Endpoint } from './client.ts'
import { watchOtherLoad } from './noise.ts'
import { cpuSeconds, memoryMiB, residentParts, type RunningServer } from './servers.ts'

export interface RunResult {
  readonly latencies: Float64Array
  /** Latencies of a secondary measure (fan-out: arrival at the last reader). */
  readonly secondary?: Float64Array
  readonly throughput: number
  readonly cpuSeconds: number
  readonly peakRssMiB: number
  readonly endRssMiB: number
  /** Cores busy with other processes meanwhile. */
  readonly otherCores: number
  /** Cores the bench's own clients kept busy (near 1, they, not the server, set the latency). */
  readonly benchCores?: number
  /** What did not arrive, if anything. */
  readonly note: string
}

export interface Scenario {
  readonly id: string
  readonly title: string
  /** What throughput counts. */
  readonly unit: string
  /** Extra Specboard settings for this scenario. */
  readonly specboardEnv?: Record<string, string>
  run(server: RunningServer): Promise<RunResult>
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Names `count` documents the server accepts: Specboard's are team spec sheets made through its API. */
async function documentsFor(server: RunningServer, count: number): Promise<string[]> {
  if (server.dialect !== 'specboard')
    return Array.from({ length: count }, (_, i) => `bench-doc-${i}`)
  const target = { url: server.url, adminToken: server.adminToken }
  const programId = await createProgram(target, 'Bench program')
  const documents: string[] = []
  for (let i = 0; i < count; i += 20) {
    const teams = await Promise.all(
      Array.from({ length: Math.min(20, count - i) }, (_, k) =>
        createTeam(target, programId, `Bench team ${i + k}`)
      )
    )
    documents.push(...teams.map((t) => t.documents.spec))
  }
  return documents
}

function endpointOf(server: RunningServer): Endpoint {
  return { dialect: server.dialect, wsUrl: server.wsUrl, token: server.adminToken }
}

/** Opens `clients` in batches, so a thousand handshakes do not all land in one tick. */
async function connectAll(clients: BenchClient[]): Promise<void> {
  for (let i = 0; i < clients.length; i += 100)
    await Promise.all(clients.slice(i, i + 100).map((c) => c.ready()))
}

/** Latency samples, growable. */
class Samples {
  private values = new Float64Array(1 << 16)
  length = 0
  add(ms: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = ms
  }
  toArray(): Float64Array {
    return this.values.slice(0, this.length)
  }
}

/**
 * Starts measuring the server for a typing scenario; `finish` waits up to 10 s for what is still on its
 * way, then gives throughput (arrivals a second), the server's CPU and memory, and what never arrived.
 */
function measureServer(pid: number) {
  const load = watchOtherLoad(pid)
  const cpuBefore = cpuSeconds(pid)
  const benchBefore = cpuSeconds(process.pid)
  const started = performance.now()
  return {
    started,
    async finish(arrived: () => number, expected: number): Promise<Omit<RunResult, 'latencies'>> {
      const deadline = performance.now() + 10_000
      while (arrived() < expected && performance.now() < deadline) await sleep(20)
      const arrivals = arrived()
      const elapsed = (performance.now() - started) / 1000
      const cpu = cpuSeconds(pid) - cpuBefore
      const otherCores = load.stop()
      const memory = memoryMiB(pid)
      return {
        throughput: arrivals / elapsed,
        cpuSeconds: cpu,
        peakRssMiB: memory.peak,
        endRssMiB: memory.rss,
        otherCores,
        benchCores: (cpuSeconds(process.pid) - benchBefore) / elapsed,
        note: arrivals >= expected ? '' : `${expected - arrivals} of ${expected} never arrived`,
      }
    },
  }
}

/**
 * `rooms` rooms of `perRoom` clients; `typists` of each type `rate` tokens a second (jittered ±50 %).
 * Latency: a typist's insert → its arrival at each other client of the room.
 */
export function roomsScenario(
  id: string,
  rooms: number,
  perRoom: number,
  typists: number,
  rate: number,
  seconds: number
): Scenario {
  return {
    id,
    title: `${rooms} room${rooms > 1 ? 's' : ''} × ${perRoom} clients, ${typists} typing ${rate} ch/s`,
    unit: 'deliveries/s',
    async run(server) {
      const endpoint = endpointOf(server)
      const documents = await documentsFor(server, rooms)
      const sentAt: Float64Array[] = []
      const samples = new Samples()
      let arrivals = 0
      let expected = 0
      const writers: { client: BenchClient; index: number; room: number; next: number }[] = []
      const clients: BenchClient[] = []
      documents.forEach((document, room) => {
        for (let k = 0; k < perRoom; k++) {
          const writerIndex = k < typists ? writers.length : -1
          const client = new BenchClient(endpoint, document, {
            applyUpdates: writerIndex >= 0,
            onToken: (writer, seq) => {
              if (writer === writerIndex) return
              const at = sentAt[writer]?.[seq]
              if (!at) return
              samples.add(performance.now() - at)
              arrivals++
            },
          })
          clients.push(client)
          if (writerIndex >= 0) {
            writers.push({ client, index: writerIndex, room, next: 0 })
            sentAt.push(new Float64Array(Math.ceil(seconds * rate * 2 + 100)))
          }
        }
      })
      await connectAll(clients)
      for (const w of writers) typingTarget(w.client.doc)
      await sleep(500)

      const measure = measureServer(server.pid)
      const started = measure.started
      const stopAt = started + seconds * 1000
      const seqs = new Int32Array(writers.length)
      const interval = 1000 / rate
      for (const w of writers) w.next = started + Math.random() * interval
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          const now = performance.now()
          if (now >= stopAt) {
            clearInterval(timer)
            resolve()
            return
          }
          for (const w of writers) {
            if (now < w.next) continue
            w.next += interval * (0.5 + Math.random())
            if (w.next < now) w.next = now + interval * 0.5
            const seq = ++seqs[w.index]
            if (seq >= sentAt[w.index].length) continue
            const text = typingTarget(w.client.doc)
            sentAt[w.index][seq] = performance.now()
            text.insert(text.length, `[${w.index}:${seq}]`)
            expected += perRoom - 1
          }
        }, 2)
      })
      const figures = await measure.finish(() => arrivals, expected)
      for (const c of clients) c.close()
      return { latencies: samples.toArray(), ...figures }
    },
  }
}

/**
 * One writer typing `rate` tokens a second to `readers` readers who announce presence, one of whom
 * changes it on every keystroke. Latency: insert → each reader (secondary: → the last reader).
 */
export function fanOutScenario(readers: number, rate: number, seconds: number): Scenario {
  return {
    id: 'fanout',
    title: `1 writer → ${readers} readers with presence, ${rate} ch/s`,
    unit: 'deliveries/s',
    async run(server) {
      const endpoint = endpointOf(server)
      const [document] = await documentsFor(server, 1)
      const sentAt = new Float64Array(Math.ceil(seconds * rate * 2 + 100))
      const counts = new Int32Array(sentAt.length)
      const perReader = new Samples()
      const toLast = new Samples()
      let arrivals = 0
      const readerClients = Array.from(
        { length: readers },
        () =>
          new BenchClient(endpoint, document, {
            onToken: (_writer, seq) => {
              const at = sentAt[seq]
              if (!at) return
              const ms = performance.now() - at
              perReader.add(ms)
              arrivals++
              if (++counts[seq] === readers) toLast.add(ms)
            },
          })
      )
      await connectAll(readerClients)
      readerClients.forEach((r, i) =>
        r.setPresence({ user: { name: `Reader ${i}`, color: '#30638e' }, section: 'what' })
      )
      const writer = new BenchClient(endpoint, document, { applyUpdates: true })
      await writer.ready()
      writer.setPresence({ user: { name: 'Writer', color: '#d1495b' }, section: 'what' })
      typingTarget(writer.doc)
      await sleep(1000)

      const measure = measureServer(server.pid)
      const started = measure.started
      let seq = 0
      while (performance.now() < started + seconds * 1000 && seq < sentAt.length - 1) {
        const text = typingTarget(writer.doc)
        sentAt[++seq] = performance.now()
        text.insert(text.length, `[0:${seq}]`)
        const mover = readerClients[seq % readers]
        mover.setPresence({
          user: { name: `Reader ${seq % readers}`, color: '#30638e' },
          section: seq % 2 ? 'why' : 'what',
        })
        await sleep((1000 / rate) * (0.5 + Math.random()))
      }
      const expected = seq * readers
      const figures = await measure.finish(() => arrivals, expected)
      writer.close()
      for (const r of readerClients) r.close()
      return { latencies: perReader.toArray(), secondary: toLast.toArray(), ...figures }
    },
  }
}

/** A typing history of `count` one-character edits (mostly appends, some inserts and deletions). */
export function makeHistory(count: number): { updates: Uint8Array[]; length: number } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const text = typingTarget(doc)
  let seed = 42
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
  const alphabet = 'abcdefghijklmnopqrstuvwxyz     .'
  while (updates.length < count) {
    const dice = random()
    const i = updates.length
    if (dice < 0.05 && text.length > 10) text.delete(Math.floor(random() * (text.length - 1)), 1)
    else if (dice < 0.15)
      text.insert(Math.floor(random() * text.length), alphabet[i % alphabet.length])
    else text.insert(text.length, alphabet[i % alphabet.length])
  }
  const length = text.length
  doc.destroy()
  return { updates, length }
}

/** Specboard unloads a document this long after its last socket left (and the bench waits past it). */
const UNLOAD_DELAY_MS = 300

/**
 * Ingest: the whole history sent on one socket as fast as the server takes it, until a round trip
 * after the last edit. Then fresh loads (connect → synced) of the document, three times: Specboard's
 * from disk after it unloaded the document, the references' from memory (the writer stays connected).
 * Latency samples are the loads; throughput is ingested edits/s.
 */
export function historyScenario(history: { updates: Uint8Array[]; length: number }): Scenario {
  const count = history.updates.length
  return {
    id: 'history',
    title: `ingest of ${count.toLocaleString('en')} edits on one socket, then 3 fresh loads`,
    unit: 'edits/s',
    specboardEnv: {
      MESSAGES_PER_SECOND: '1000000',
      MESSAGE_BURST: '1000000',
      UNLOAD_DELAY_MS: String(UNLOAD_DELAY_MS),
    },
    async run(server) {
      const endpoint = endpointOf(server)
      const [document] = await documentsFor(server, 1)
      const writer = new BenchClient(endpoint, document)
      await writer.ready()
      const load = watchOtherLoad(server.pid)
      const cpuBefore = cpuSeconds(server.pid)
      const started = performance.now()
      for (let i = 0; i < count; i++) {
        writer.sendUpdate(history.updates[i])
        if (i % 500 === 499) while (writer.bufferedAmount > 1 << 20) await sleep(1)
      }
      await writer.roundTrip()
      const ingestSeconds = (performance.now() - started) / 1000
      const cpu = cpuSeconds(server.pid) - cpuBefore
      const otherCores = load.stop()

      const loads: number[] = []
      let note = ''
      const fromDisk = server.dialect === 'specboard'
      if (fromDisk) writer.close()
      for (let i = 0; i < 3; i++) {
        if (fromDisk) await sleep(UNLOAD_DELAY_MS + 1500)
        const loader = new BenchClient(endpoint, document, { applyUpdates: true })
        const t0 = performance.now()
        await loader.ready(120_000)
        loads.push(performance.now() - t0)
        const length = typingTarget(loader.doc).length
        if (length !== history.length) note = `loaded ${length} characters of ${history.length}`
        loader.close()
      }
      if (!fromDisk) writer.close()
      const memory = memoryMiB(server.pid)
      return {
        latencies: Float64Array.from(loads),
        throughput: count / ingestSeconds,
        cpuSeconds: cpu,
        peakRssMiB: memory.peak,
        endRssMiB: memory.rss,
        otherCores,
        note,
      }
    },
  }
}

/**
 * Idle costs nothing: `documents` documents are each opened by one client that types one edit, then all
 * leave. Resident memory before, while open, and once every document could have been unloaded (Specboard
 * unloads after UNLOAD_DELAY_MS; the references keep or drop documents their own way). Latency samples are
 * the three RSS readings (idle, open, after) in MiB; throughput is documents opened per second.
 */
export function unloadScenario(documents: number): Scenario {
  const unloadDelayMs = 1000
  return {
    id: 'unload',
    title: `${documents.toLocaleString('en')} documents opened, edited once and left (RSS MiB: idle → open → 30 s after)`,
    unit: 'docs opened/s',
    specboardEnv: { UNLOAD_DELAY_MS: String(unloadDelayMs) },
    async run(server) {
      const endpoint = endpointOf(server)
      const names = await documentsFor(server, documents)
      await sleep(500)
      const idle = memoryMiB(server.pid).rss
      const load = watchOtherLoad(server.pid)
      const cpuBefore = cpuSeconds(server.pid)
      const started = performance.now()
      const clients = names.map((name) => new BenchClient(endpoint, name, { applyUpdates: true }))
      await connectAll(clients)
      const openSeconds = (performance.now() - started) / 1000
      for (const [i, c] of clients.entries()) {
        const text = typingTarget(c.doc)
        text.insert(text.length, `document ${i} was here`)
      }
      await Promise.all(clients.map((c) => c.roundTrip()))
      const open = memoryMiB(server.pid).rss
      for (const c of clients) c.close()
      // V8 gives freed heap back to the system only after a while without work (its memory reducer).
      await sleep(unloadDelayMs + 30_000)
      const after = memoryMiB(server.pid)
      const parts = residentParts(server.pid)
      const cpu = cpuSeconds(server.pid) - cpuBefore
      return {
        latencies: Float64Array.from([idle, open, after.rss]),
        throughput: documents / openSeconds,
        cpuSeconds: cpu,
        peakRssMiB: after.peak,
        endRssMiB: after.rss,
        otherCores: load.stop(),
        note: `after: malloc ${parts.malloc.toFixed(0)}, other anonymous ${parts.anon.toFixed(0)}, files ${parts.files.toFixed(0)} MiB`,
      }
    },
  }
}
