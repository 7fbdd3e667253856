/**
 * Work the server does by itself now and then (erasing after the retention period, pool renewals, the
 * coordinators' digest): each job runs once at start and then every interval, never overlapping itself.
 * Jobs must be safe when several instances run them at once — each writes with a condition (an UPDATE
 * guarded by what it changes, a claim on a date) instead of trusting that it is alone.
 */
import type { Logger } from '../logger.ts'

export interface PeriodicJob {
  readonly name: string
  readonly everyMs: number
  run(now: number): Promise<unknown>
}

export class PeriodicJobs {
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly running = new Set<Promise<void>>()
  private closed = false

  constructor(private readonly log: Logger) {}

  /** Runs `job` now (off the caller's turn) and then every `job.everyMs`. */
  start(job: PeriodicJob): void {
    if (this.closed) return
    let busy = false
    const tick = () => {
      if (busy || this.closed) return
      busy = true
      const run = job
        .run(Date.now())
        .then(
          () => undefined,
          (error: unknown) =>
            this.log.error('periodic job failed; it runs again at its next turn', {
              job: job.name,
              error: error instanceof Error ? error.message : String(error),
            })
        )
        .finally(() => {
          busy = false
          this.running.delete(run)
        })
      this.running.add(run)
    }
    const first = setTimeout(tick, 0)
    first.unref()
    this.timers.add(first)
    const timer = setInterval(tick, job.everyMs)
    timer.unref()
    this.timers.add(timer)
  }

  /** Stops the timers and resolves once the runs in progress have finished. */
  async close(): Promise<void> {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    await Promise.all([...this.running])
  }
}
