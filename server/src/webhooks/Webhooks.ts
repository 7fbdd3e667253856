/**
 * Sends program events to the program's webhook endpoints, in the background: `emit` returns at once;
 * each delivery is logged, signed over its exact body, retried with the configured back-off on a
 * non-2xx answer or a network error, and can be sent again by the coordinator (`redeliver`).
 *
 * A pending delivery's next attempt lives in the database (`next_attempt_at`), not only in a timer: a
 * timer tries it when due on this instance, and every instance also polls for due deliveries (at start
 * and every few seconds), so retries pending when a server stops are sent after it — or another instance
 * — starts. Each attempt first claims the delivery with a guarded UPDATE (a lease), so it is sent by one.
 */
import type { WebhookEventType, WebhookPayload } from '@specboard/shared'
import { newId, nowIso } from '../ids.ts'
import type { Logger } from '../logger.ts'
import type { DeliveryRecord, WebhookRecord, WebhookStore } from '../storage/WebhookStore.ts'
import { signatureOf } from './signature.ts'

const TIMEOUT_MS = 10_000
/** A claimed attempt's lease: after it, an attempt whose instance died is taken up again. */
const LEASE_MS = TIMEOUT_MS + 20_000
/** How often each instance looks for due deliveries it holds no timer for (after a restart, elsewhere). */
const POLL_MS = 2_000
const POLL_BATCH = 50
/** Only the start of an error is kept in the log. */
const MAX_ERROR_CHARS = 300

export class Webhooks {
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly poller: NodeJS.Timeout
  private isPolling = false
  private closed = false

  constructor(
    private readonly store: WebhookStore,
    private readonly retryDelaysMs: readonly number[],
    private readonly log: Logger
  ) {
    this.poller = setInterval(() => void this.poll(), POLL_MS)
    this.poller.unref()
    this.schedule('', 0, () => this.poll())
  }

  /** Queues `type` for every endpoint of the program that asked for it; never throws, never waits. */
  emit(programId: string, type: WebhookEventType, data: Record<string, unknown>): void {
    void this.fanOut(programId, type, data).catch((error: unknown) =>
      this.log.error('webhook fan-out failed', { programId, type, error: String(error) })
    )
  }

  /** Sends a logged delivery's body again, as a new delivery of the same event. */
  async redeliver(webhook: WebhookRecord, delivery: DeliveryRecord): Promise<DeliveryRecord> {
    const again = await this.store.addDelivery({
      webhookId: webhook.id,
      eventId: delivery.eventId,
      type: delivery.type,
      body: delivery.body,
    })
    this.tryWhenDue(again.id, 0)
    return again
  }

  close(): void {
    this.closed = true
    clearInterval(this.poller)
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  private async fanOut(
    programId: string,
    type: WebhookEventType,
    data: Record<string, unknown>
  ): Promise<void> {
    const endpoints = (await this.store.list(programId)).filter((w) => w.events.includes(type))
    if (endpoints.length === 0) return
    const payload: WebhookPayload = { id: newId(), type, timestamp: nowIso(), programId, data }
    const body = JSON.stringify(payload)
    for (const webhook of endpoints) {
      const delivery = await this.store.addDelivery({
        webhookId: webhook.id,
        eventId: payload.id,
        type,
        body,
      })
      this.tryWhenDue(delivery.id, 0)
    }
  }

  /** Due deliveries this instance holds no timer for: after a restart, or left by another instance. */
  private async poll(): Promise<void> {
    if (this.isPolling || this.closed) return
    this.isPolling = true
    try {
      for (const id of await this.store.dueDeliveries(nowIso(), POLL_BATCH)) await this.attempt(id)
    } catch (error) {
      this.log.error('webhook poll failed', { error: String(error) })
    } finally {
      this.isPolling = false
    }
  }

  private tryWhenDue(deliveryId: string, delayMs: number): void {
    this.schedule(deliveryId, delayMs, () => this.attempt(deliveryId))
  }

  private schedule(id: string, delayMs: number, run: () => Promise<void>): void {
    if (this.closed) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      void run().catch((error: unknown) =>
        this.log.error('webhook delivery failed to record', { id, error: String(error) })
      )
    }, delayMs)
    timer.unref()
    this.timers.add(timer)
  }

  private async attempt(deliveryId: string): Promise<void> {
    if (this.closed) return
    const now = Date.now()
    const delivery = await this.store.claimDue(
      deliveryId,
      new Date(now).toISOString(),
      new Date(now + LEASE_MS).toISOString()
    )
    // Read at each attempt: the coordinator may have moved the endpoint or rotated its secret meanwhile.
    const webhook = delivery && (await this.store.webhookOf(delivery.id))
    if (!delivery || !webhook) return
    let responseCode: number | null = null
    let error: string | null = null
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Specboard-Webhooks',
          'x-specboard-event': delivery.type,
          'x-specboard-delivery': delivery.id,
          'x-specboard-signature': signatureOf(webhook.secret, delivery.body),
        },
        body: delivery.body,
        // A redirect could lead anywhere; the endpoint is the URL the coordinator registered.
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      responseCode = response.status
      await response.body?.cancel()
      if (!response.ok) error = `the endpoint answered ${response.status}`
    } catch (e) {
      error = (
        e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)
      ).slice(0, MAX_ERROR_CHARS)
    }
    // The delivery's own count of attempts picks the wait, whichever instance made the earlier ones.
    const retryIn = error === null ? undefined : this.retryDelaysMs[delivery.attempts]
    await this.store.recordAttempt(delivery.id, {
      status: error === null ? 'delivered' : retryIn === undefined ? 'failed' : 'pending',
      responseCode,
      error,
      retryAt: retryIn === undefined ? null : new Date(Date.now() + retryIn).toISOString(),
    })
    if (retryIn !== undefined) this.tryWhenDue(delivery.id, retryIn)
  }
}
