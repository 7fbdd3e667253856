/**
 * Specboard against the reference Yjs servers, side by side in one run: `npm run bench:compare`.
 * Not a test — it prints figures.
 *
 * Servers: Specboard as built JavaScript persisting every update to SQLite before broadcasting it;
 * @y/websocket-server 0.1.1 and @hocuspocus/server 4.7.0 in memory (scratch-installed on first use).
 * Each run starts a fresh server process; the servers take turns within each run (the order rotates),
 * and each figure is the median over the runs. All clients live in this process, over loopback.
 *
 * Per server: p50/p99 latency, throughput, the server's CPU seconds over the measured phase (from
 * /proc/<pid>/stat), its peak RSS (VmHWM), and the ratio Specboard / the better reference. The noise
 * figures say how busy the rest of the machine was: cores used by other processes during each run, the
 * load average, and a fixed spin loop's time before and after.
 *
 * Options (env):
 *   BENCH_SCENARIOS  comma list of room1,rooms50,rooms250,rooms500,fanout,history,c5000,unload
 *                    (default: all)
 *   BENCH_SERVERS    comma list of specboard,yws,hocuspocus (default: all)
 *   BENCH_RUNS       runs per scenario and server (default 3)
 *   BENCH_SECONDS    measured seconds of each latency run (default 10)
 *   BENCH_HISTORY    edits in the history scenario (default 50000)
 *   BENCH_SPECBOARD_NODE_ARGS  extra node flags for Specboard, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p"
 *   BENCH_HEAP_SNAPSHOT=1      send SIGUSR2 after each Specboard run (with --heapsnapshot-signal=SIGUSR2)
 */
import { cpus } from 'node:os'
import type { Dialect } from './compare/client.ts'
import { describeMachine, spinMs } from './compare/noise.ts'
import {
  fanOutScenario,
  historyScenario,
  makeHistory,
  roomsScenario,
  unloadScenario,
  type RunResult,
  type Scenario,
} from './compare/scenarios.ts'
import {
  buildSpecboard,
  ensureReferences,
  memoryMiB,
  residentParts,
  startServer,
} from './compare/servers.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const HISTORY = Number(process.env.BENCH_HISTORY ?? 50_000)
const SERVERS = (process.env.BENCH_SERVERS ?? 'specboard,yws,hocuspocus').split(',') as Dialect[]
const WANTED = process.env.BENCH_SCENARIOS?.split(',')
const NAMES: Record<Dialect, string> = {
  specboard: 'Specboard (SQLite)',
  yws: '@y/websocket-server',
  hocuspocus: '@hocuspocus/server',
}

function scenarios(): Scenario[] {
  const all: (() => Scenario)[] = [
    () => roomsScenario('room1', 1, 20, 5, 10, SECONDS),
    () => roomsScenario('rooms50', 50, 4, 2, 5, SECONDS),
    () => roomsScenario('rooms250', 250, 4, 2, 5, SECONDS),
    () => roomsScenario('rooms500', 500, 4, 2, 5, SECONDS),
    () => fanOutScenario(250, 10, SECONDS),
    () => historyScenario(makeHistory(HISTORY)),
    // The "one process holds 5,000 connections over 1,000 documents at 1 edit/s per writer".
    () => roomsScenario('c5000', 1000, 5, 2, 1, SECONDS),
    () => unloadScenario(1000),
  ]
  const ids = ['room1', 'rooms50', 'rooms250', 'rooms500', 'fanout', 'history', 'c5000', 'unload']
  return all.filter((_, i) => !WANTED || WANTED.includes(ids[i])).map((make) => make())
}

function quantile(values: Float64Array, q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

interface Summary {
  p50: number
  p99: number
  secondaryP99: number
  throughput: number
  cpu: number
  peakRss: number
  otherCores: number
  benchCores: number
  notes: string[]
  /** The unload scenario's three RSS readings, each the median over the runs. */
  rss: number[]
}

function summarize(runs: RunResult[]): Summary {
  return {
    p50: median(runs.map((r) => quantile(r.latencies, 0.5))),
    p99: median(runs.map((r) => quantile(r.latencies, 0.99))),
    secondaryP99: median(runs.map((r) => (r.secondary ? quantile(r.secondary, 0.99) : Number.NaN))),
    throughput: median(runs.map((r) => r.throughput)),
    cpu: median(runs.map((r) => r.cpuSeconds)),
    peakRss: median(runs.map((r) => r.peakRssMiB)),
    otherCores: Math.max(...runs.map((r) => r.otherCores)),
    benchCores: Math.max(...runs.map((r) => r.benchCores ?? Number.NaN)),
    notes: runs.map((r) => r.note).filter(Boolean),
    rss: [0, 1, 2].map((i) => median(runs.map((r) => r.latencies[i] ?? Number.NaN))),
  }
}

const n = (v: number, digits = 1, width = 8) =>
  (Number.isNaN(v) ? 'n/a' : v.toFixed(digits)).padStart(width)

function report(scenario: Scenario, results: Map<Dialect, Summary>): void {
  const history = scenario.id === 'history'
  console.log(`\n## ${scenario.title}  (median of ${RUNS})`)
  if (scenario.id === 'unload') {
    console.log(`${'server'.padEnd(22)}    idle    open   after  peak RSS MiB  other cores`)
    for (const [dialect, s] of results)
      console.log(
        `${NAMES[dialect].padEnd(22)}${n(s.rss[0]!, 0)}${n(s.rss[1]!, 0)}${n(s.rss[2]!, 0)}  ${n(s.peakRss, 0, 12)}  ${n(s.otherCores, 2, 11)}` +
          (s.notes.length ? `   (${s.notes.at(-1)})` : '')
      )
    return
  }
  const latency = history ? 'load p50' : '  p50 ms'
  const tail = history ? 'load max' : '  p99 ms'
  const extra = scenario.id === 'fanout' ? '  last p99' : ''
  console.log(
    `${'server'.padEnd(22)}${latency}${tail}${extra}  ${scenario.unit.padStart(13)}  CPU s  peak RSS MiB  other cores  bench cores`
  )
  for (const [dialect, s] of results) {
    console.log(
      `${NAMES[dialect].padEnd(22)}${n(s.p50)}${n(s.p99)}${extra ? n(s.secondaryP99, 1, 10) : ''}  ${n(s.throughput, 0, 13)}  ${n(s.cpu, 2, 5)}  ${n(s.peakRss, 0, 12)}  ${n(s.otherCores, 2, 11)}  ${n(s.benchCores, 2, 11)}` +
        (s.notes.length ? `   ! ${s.notes.join('; ')}` : '')
    )
  }
  const ours = results.get('specboard')
  const refs = [...results.entries()].filter(([d]) => d !== 'specboard').map(([, s]) => s)
  if (!ours || refs.length === 0) return
  const better = (pick: (s: Summary) => number, higherIsBetter = false) =>
    refs.map(pick).reduce((a, b) => (higherIsBetter ? Math.max(a, b) : Math.min(a, b)))
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
  const parts = [
    `${history ? 'load p50' : 'p50'} ${ratio(
      ours.p50,
      better((s) => s.p50)
    )}`,
    history
      ? ''
      : `p99 ${ratio(
          ours.p99,
          better((s) => s.p99)
        )}`,
    `${scenario.unit} ${ratio(
      ours.throughput,
      better((s) => s.throughput, true)
    )}`,
    `CPU per unit ${ratio(
      ours.cpu / ours.throughput,
      better((s) => s.cpu / s.throughput)
    )}`,
    `peak RSS ${ratio(
      ours.peakRss,
      better((s) => s.peakRss)
    )}`,
  ]
  const hocuspocus = results.get('hocuspocus')
  if (scenario.id === 'fanout' && hocuspocus)
    parts.push(`p99 vs Hocuspocus ${ratio(ours.p99, hocuspocus.p99)}`)
  if (hocuspocus) parts.push(`peak RSS vs Hocuspocus ${ratio(ours.peakRss, hocuspocus.peakRss)}`)
  console.log(`Specboard / better reference: ${parts.filter(Boolean).join(', ')}`)
}

async function main(): Promise<void> {
  ensureReferences()
  buildSpecboard()
  const spinBefore = spinMs()
  console.log(
    `# Specboard vs reference Yjs servers — node ${process.version}, ${cpus()[0]?.model ?? ''}`
  )
  console.log(
    `machine at start: ${describeMachine()}; spin ${spinBefore.toFixed(0)} ms; ${SECONDS} s per latency run`
  )
  for (const scenario of scenarios()) {
    const runs = new Map<Dialect, RunResult[]>(SERVERS.map((d) => [d, []]))
    for (let run = 0; run < RUNS; run++) {
      const order = SERVERS.map((_, i) => SERVERS[(i + run) % SERVERS.length])
      for (const dialect of order) {
        const server = await startServer(
          dialect,
          dialect === 'specboard' ? scenario.specboardEnv : undefined
        )
        try {
          runs.get(dialect)!.push(await scenario.run(server))
        } catch (error) {
          // One failed run (a busy machine can time a handshake out) is reported, not fatal.
          console.log(`  ${NAMES[dialect]} run ${run + 1} failed: ${(error as Error).message}`)
        }
        try {
          // With --heapsnapshot-signal=SIGUSR2 in BENCH_SPECBOARD_NODE_ARGS: a snapshot after the run.
          if (dialect === 'specboard' && process.env.BENCH_HEAP_SNAPSHOT) {
            process.kill(server.pid, 'SIGUSR2')
            await new Promise((r) => setTimeout(r, 15_000))
            // A snapshot collects all garbage first: what remains resident is held, not merely uncollected.
            const parts = residentParts(server.pid)
            console.log(
              `  Specboard after its heap snapshot: RSS ${memoryMiB(server.pid).rss.toFixed(0)} MiB (malloc ${parts.malloc.toFixed(0)}, other anonymous ${parts.anon.toFixed(0)}, files ${parts.files.toFixed(0)})`
            )
          }
        } finally {
          await server.stop()
        }
      }
    }
    const done = [...runs].filter(([, r]) => r.length > 0)
    report(scenario, new Map(done.map(([d, r]) => [d, summarize(r)])))
  }
  const spinAfter = spinMs()
  console.log(
    `\nmachine at end: ${describeMachine()}; spin ${spinAfter.toFixed(0)} ms (before: ${spinBefore.toFixed(0)} ms).` +
      ' "other cores" is the CPU other processes used during a run: above ~0.2 the figures are noisy;' +
      ' "bench cores" is what the bench\'s own clients used: near 1 (one process) they, not the server, set the latency.'
  )
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
