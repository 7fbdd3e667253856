/**
 * What the benches measure with: latency samples, a process's CPU time and memory from /proc, and the
 * options a run is given in the environment.
 */
import { readFileSync } from 'node:fs'

/** Latency samples in ms. */
export class Samples {
  readonly values: number[] = []
  add(ms: number): void {
    this.values.push(ms)
  }
  quantile(q: number): number {
    if (this.values.length === 0) return Number.NaN
    const sorted = [...this.values].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  }
  get max(): number {
    return this.values.reduce((a, b) => Math.max(a, b), 0)
  }
}

/** CPU time (user + system, ms) and resident memory (MiB) of a process, from /proc. */
export function processUsage(pid: number): { cpuMs: number; rssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  const ticks = Number(stat[11]) + Number(stat[12])
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1])
  return { cpuMs: (ticks * 1000) / 100, rssMiB: rss / 1024 }
}

/** Numeric options from the environment (BENCH_<NAME>), each else its default. */
export function benchOptions<K extends string>(
  defaults: Readonly<Record<K, number>>
): Record<K, number> {
  const entries = Object.entries<number>(defaults).map(([name, fallback]) => [
    name,
    Number(process.env[`BENCH_${name}`] ?? fallback),
  ])
  return Object.fromEntries(entries) as Record<K, number>
}

/** The phases to run, by letter: BENCH_PHASES, else all of `all`. */
export const phasesToRun = (all: string): string => (process.env.BENCH_PHASES ?? all).toLowerCase()
