/** What the benches measure with: latency samples and a process's CPU time and memory from /proc. */
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
