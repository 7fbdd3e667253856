/**
 * How busy the machine was besides the bench: the CPU that processes other than the bench and the server
 * under test used (from /proc/stat), the load average, and a fixed spin loop's time before and after.
 */
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { cpuSeconds } from './servers.ts'

function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1)
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number)
  return (user + nice + system + irq + softirq + steal) / 100
}

/** Starts watching; `stop()` gives the cores the rest of the machine kept busy meanwhile. */
export function watchOtherLoad(serverPid: number) {
  const startedAt = performance.now()
  const machine = machineBusySeconds()
  const own = cpuSeconds(process.pid)
  const server = cpuSeconds(serverPid)
  return {
    stop(serverPidNow = serverPid): number {
      const seconds = (performance.now() - startedAt) / 1000
      let others = machineBusySeconds() - machine - (cpuSeconds(process.pid) - own)
      try {
        others -= cpuSeconds(serverPidNow) - server
      } catch {
        // The server is gone: its share cannot be told apart, so this reads high, not low.
      }
      return Math.max(0, others / seconds)
    },
  }
}

/** Milliseconds a fixed amount of arithmetic takes now: compare runs by it (higher means a busier machine). */
export function spinMs(): number {
  const started = performance.now()
  let x = 0
  for (let i = 0; i < 30_000_000; i++) x = (x + i * 7) % 1_000_003
  if (x < 0) console.log(x)
  return performance.now() - started
}

export function describeMachine(): string {
  const [one, five] = loadavg()
  return `${cpus().length} cores, load average ${one.toFixed(2)} (1 min) ${five.toFixed(2)} (5 min)`
}
