/**
 * Specboard on PostgreSQL next to Specboard on SQLite, in one run: `npm run bench:storage`.
 * Not a test — it prints figures.
 *
 * The same scenarios as bench:compare (bench/compare/scenarios.ts): one room of 20 clients with 5
 * typing, 50 rooms of 4, and one writer to 250 readers. Each run starts a fresh server process (built
 * JavaScript) per engine, the engines taking turns (the order alternates), and each figure is the median
 * over the runs. PostgreSQL is a private cluster on loopback (Debian's server binaries, fsync on, as
 * shipped), or the server named by DATABASE_URL; every server gets an empty database of its own.
 *
 * The PostgreSQL commit floor (bench/floors.ts) is printed at the start and at the end, and measured again
 * right after each PostgreSQL run (same load): an update is broadcast only after its row is committed, so
 * one commit is in every update's path. The engines do not pay alike for that: SQLite runs in WAL mode
 * with synchronous=NORMAL (a commit survives kill -9 of the process without an fsync of its own), while
 * PostgreSQL as shipped fsyncs its WAL at every commit. Each scenario prints PostgreSQL's p99 minus that
 * commit's p99, next to SQLite's p99: what Specboard adds on PostgreSQL beyond the engine's own commit.
 *
 * Options (env): BENCH_SCENARIOS (room1,rooms50,fanout), BENCH_RUNS (3), BENCH_SECONDS (10).
 */
import type { RunResult, Scenario } from './compare/scenarios.ts'
import { fanOutScenario, roomsScenario } from './compare/scenarios.ts'
import { describeMachine } from './compare/noise.ts'
import { commitFloor, commitSamples } from './floors.ts'
import { buildSpecboard, startServer } from './compare/servers.ts'
import { freshDatabaseUrl, sharedOrPrivatePostgres } from '../tests/helpers/startPostgres.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const WANTED = (process.env.BENCH_SCENARIOS ?? 'room1,rooms50,fanout').split(',')

const ENGINES = ['SQLite', 'PostgreSQL'] as const
type Engine = (typeof ENGINES)[number]

function scenarios(): Scenario[] {
  const all: Record<string, () => Scenario> = {
    room1: () => roomsScenario('room1', 1, 20, 5, 10, SECONDS),
    rooms50: () => roomsScenario('rooms50', 50, 4, 2, 5, SECONDS),
    fanout: () => fanOutScenario(250, 10, SECONDS),
  }
  return WANTED.map((id) => all[id]?.()).filter((s): s is Scenario => s !== undefined)
}

function quantile(values: Float64Array, q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const n = (v: number, digits = 1, width = 9) =>
  (Number.isNaN(v) ? 'n/a' : v.toFixed(digits)).padStart(width)

function report(scenario: Scenario, runs: Map<Engine, RunResult[]>, commitP99s: number[]): void {
  console.log(`\n## ${scenario.title}  (median of ${RUNS})`)
  console.log(`engine        p50 ms   p99 ms  ${scenario.unit.padStart(12)}  CPU s  other cores`)
  const p99 = new Map<Engine, number>()
  for (const engine of ENGINES) {
    const results = runs.get(engine)!
    const summary = {
      p50: median(results.map((r) => quantile(r.latencies, 0.5))),
      p99: median(results.map((r) => quantile(r.latencies, 0.99))),
      throughput: median(results.map((r) => r.throughput)),
      cpu: median(results.map((r) => r.cpuSeconds)),
      otherCores: Math.max(...results.map((r) => r.otherCores)),
    }
    p99.set(engine, summary.p99)
    console.log(
      `${engine.padEnd(12)}${n(summary.p50)}${n(summary.p99)}  ${n(summary.throughput, 0, 12)}  ${n(summary.cpu, 2, 5)}  ${n(summary.otherCores, 2, 11)}`
    )
    for (const note of results.map((r) => r.note).filter(Boolean)) console.log(`    ${note}`)
  }
  const ratio = p99.get('PostgreSQL')! / p99.get('SQLite')!
  console.log(`PostgreSQL p99 / SQLite p99: ${ratio.toFixed(2)} (goal ≤ 1.5)`)
  const commitP99 = median(commitP99s)
  const beyond = p99.get('PostgreSQL')! - commitP99
  console.log(
    `one PostgreSQL commit after each run: p99 ${commitP99.toFixed(1)} ms (median); PostgreSQL p99 minus it: ${beyond.toFixed(1)} ms = ${(beyond / p99.get('SQLite')!).toFixed(2)} × SQLite p99`
  )
}

async function main(): Promise<void> {
  buildSpecboard()
  const postgres = await sharedOrPrivatePostgres({ durable: true })
  try {
    console.log(`# Specboard on PostgreSQL vs SQLite — node ${process.version}`)
    console.log(`machine at start: ${describeMachine()}; ${SECONDS} s per latency run`)
    // What PostgreSQL itself costs per stored update here (fsync on, as shipped), before and after.
    console.log(`floor: ${await commitFloor(await freshDatabaseUrl(postgres.adminUrl))}`)
    for (const scenario of scenarios()) {
      const runs = new Map<Engine, RunResult[]>(ENGINES.map((e) => [e, []]))
      const commitP99s: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const order = run % 2 === 0 ? ENGINES : [...ENGINES].reverse()
        for (const engine of order) {
          const databaseUrl =
            engine === 'PostgreSQL' ? await freshDatabaseUrl(postgres.adminUrl) : undefined
          const env: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl } : {}
          const server = await startServer('specboard', { ...scenario.specboardEnv, ...env })
          try {
            runs.get(engine)!.push(await scenario.run(server))
          } finally {
            await server.stop()
          }
          if (databaseUrl)
            commitP99s.push((await commitSamples(databaseUrl)).samples.quantile(0.99))
        }
      }
      report(scenario, runs, commitP99s)
    }
    console.log(`\nmachine at end: ${describeMachine()}`)
    console.log(`floor: ${await commitFloor(await freshDatabaseUrl(postgres.adminUrl))}`)
  } finally {
    await postgres.stop()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
