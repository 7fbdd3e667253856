import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../logger.ts'
import type { MailFailure, MailStatus, MailTransport, Mailer, OutgoingMail } from './Mailer.ts'
import { mimeMessage } from './mimeMessage.ts'
import { newId } from '../ids.ts'
import { emlName } from './outboxTransport.ts'
import type { MailSpool } from './MailSpool.ts'
import type { MailFailureStore } from '../storage/MailFailureStore.ts'

export interface MailQueueOptions {
  readonly transport: MailTransport
  readonly from: string
  /** Where messages given up on are kept as `.eml` files, so none is lost silently. */
  readonly failedDir: string
  readonly log: Logger
  /** Waits before each retry; one try more than there are entries. */
  readonly retryDelaysMs?: readonly number[]
  /** Keeps undelivered mail across restarts; `resume()` resends what it holds. */
  readonly spool?: MailSpool
  /** Keeps the list of mail given up on (per program) in the database; else in memory only. */
  readonly failures?: MailFailureStore
}

const MAX_FAILURES_KEPT = 50
const DEFAULT_RETRY_DELAYS_MS = [2_000, 10_000, 60_000, 300_000, 1_800_000]

interface Job {
  readonly mail: OutgoingMail
  attempt: number
  /** Its file in the spool, once written there. */
  spoolId: string | null
}

/**
 * Delivers mail in the background: a request's `send` only queues. A failed delivery is retried after
 * growing delays; after the last one the message is written to `failedDir` and logged as an error.
 */
export class MailQueue implements Mailer {
  private readonly delays: readonly number[]
  /** Messages waiting for a retry, by the timer that will retry them. */
  private readonly retries = new Map<NodeJS.Timeout, Job>()
  private readonly inFlight = new Set<Promise<void>>()
  private sent = 0
  private failed = 0
  private lastError: string | null = null
  private closed = false
  /** Recent give-ups per program (bounded), for the coordinator's screen. */
  private readonly failures = new Map<string, MailFailure[]>()

  constructor(private readonly options: MailQueueOptions) {
    this.delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
  }

  send(mail: OutgoingMail): void {
    if (this.closed) return void this.keepFailed(mail, 'the mail queue is closed')
    this.run({ mail, attempt: 0, spoolId: null })
  }

  /** Resends the mail a previous run accepted but did not deliver (it stays spooled until then). */
  async resume(): Promise<number> {
    const kept = (await this.options.spool?.list()) ?? []
    for (const { id, mail } of kept) this.run({ mail, attempt: 0, spoolId: id })
    if (kept.length > 0)
      this.options.log.info('mail from before the restart queued again', { count: kept.length })
    return kept.length
  }

  status(): MailStatus {
    return {
      transport: this.options.transport.name,
      pending: this.inFlight.size + this.retries.size,
      sent: this.sent,
      failed: this.failed,
      lastError: this.lastError,
    }
  }

  async failuresOf(programId: string): Promise<readonly MailFailure[]> {
    const { failures } = this.options
    if (failures) return await failures.list(programId, MAX_FAILURES_KEPT)
    return this.failures.get(programId) ?? []
  }

  async dismissFailure(programId: string, id: string): Promise<boolean> {
    const { failures } = this.options
    if (failures) return await failures.dismiss(programId, id)
    const kept = this.failures.get(programId) ?? []
    this.failures.set(
      programId,
      kept.filter((f) => f.id !== id)
    )
    return kept.some((f) => f.id === id)
  }

  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight])
  }

  async close(): Promise<void> {
    this.closed = true
    const waiting = [...this.retries]
    this.retries.clear()
    for (const [timer] of waiting) clearTimeout(timer)
    await this.idle()
    // Spooled mail waits for the next start; only what could not be spooled is given up on now.
    await Promise.all(
      waiting.map(([, job]) =>
        job.spoolId ? undefined : this.keepFailed(job.mail, 'the server stopped')
      )
    )
    this.options.transport.close()
  }

  private run(job: Job): void {
    const attempt = this.attempt(job).finally(() => this.inFlight.delete(attempt))
    this.inFlight.add(attempt)
  }

  private async attempt(job: Job): Promise<void> {
    const { mail } = job
    const { spool } = this.options
    if (spool && job.spoolId === null) {
      try {
        job.spoolId = await spool.put(mail)
      } catch (error) {
        this.options.log.warn('mail could not be spooled; delivering without a copy', {
          kind: mail.kind,
          error: error instanceof Error ? error.message : String(error),
        })
      }
    }
    try {
      await this.options.transport.deliver(mail)
      if (job.spoolId) await spool?.remove(job.spoolId).catch(() => undefined)
      this.sent++
      this.options.log.info('mail sent', { kind: mail.kind, attempt: job.attempt + 1 })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      this.lastError = message
      const delay = this.delays[job.attempt]
      if (delay === undefined) {
        if (job.spoolId) await spool?.remove(job.spoolId).catch(() => undefined)
        return this.keepFailed(mail, message)
      }
      if (this.closed) return job.spoolId ? undefined : this.keepFailed(mail, message)
      this.options.log.warn('mail delivery failed; will retry', {
        kind: mail.kind,
        attempt: job.attempt + 1,
        retryInMs: delay,
        error: message,
      })
      const timer = setTimeout(() => {
        this.retries.delete(timer)
        this.run({ ...job, attempt: job.attempt + 1 })
      }, delay)
      timer.unref()
      this.retries.set(timer, job)
    }
  }

  private async keepFailed(mail: OutgoingMail, reason: string): Promise<void> {
    this.failed++
    this.lastError = reason
    if (mail.programId) {
      const failure = {
        id: newId(),
        kind: mail.kind,
        to: mail.to,
        subject: mail.subject,
        at: new Date().toISOString(),
        error: reason,
      }
      if (this.options.failures)
        await this.options.failures.add(mail.programId, failure).catch((error: unknown) =>
          this.options.log.error('mail failure could not be recorded', {
            kind: mail.kind,
            error: error instanceof Error ? error.message : String(error),
          })
        )
      else
        this.failures.set(
          mail.programId,
          [failure, ...(this.failures.get(mail.programId) ?? [])].slice(0, MAX_FAILURES_KEPT)
        )
    }
    try {
      await mkdir(this.options.failedDir, { recursive: true })
      const file = join(this.options.failedDir, emlName(mail.kind))
      await writeFile(file, await mimeMessage(mail, this.options.from))
      this.options.log.error('mail given up after retries; kept as a file', {
        kind: mail.kind,
        file,
        error: reason,
      })
    } catch (error) {
      this.options.log.error('mail given up and could not be kept', {
        kind: mail.kind,
        error: reason,
        keepError: error instanceof Error ? error.message : String(error),
      })
    }
  }
}
