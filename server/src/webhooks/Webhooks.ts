/**
 * Sends program events to the program's webhook endpoints, in the background: `emit` returns at once;
 * each delivery is logged, signed over its exact body, retried with the configured back-off on a
 * non-2xx answer or a network error, and can be sent again by the coordinator (`redeliver`).
 */
import type { WebhookEventType, WebhookPayload } from '@specboard/shared'
import { newId, nowIso } from '../ids.ts'
import type { Logger } from '../logger.ts'
import type { DeliveryRecord, WebhookRecord, WebhookStore } from '../storage/WebhookStore.ts'
import { signatureOf } from './signature.ts'

const TIMEOUT_MS = 10_000
/** Only the start of an error is kept in the log. */
const MAX_ERROR_CHARS = 300

export class Webhooks {
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false

  constructor(
    private readonly store: WebhookStore,
    private readonly retryDelaysMs: readonly number[],
    private readonly log: Logger
  ) {}

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
    this.schedule(webhook, again, 0, 0)
    return again
  }

  close(): void {
    this.closed = true
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
      this.schedule(webhook, delivery, 0, 0)
    }
  }

  private schedule(
    webhook: WebhookRecord,
    delivery: DeliveryRecord,
    attempt: number,
    delayMs: number
  ) {
    if (this.closed) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      void this.attempt(webhook, delivery, attempt).catch((error: unknown) =>
        this.log.error('webhook delivery failed to record', {
          id: delivery.id,
          error: String(error),
        })
      )
    }, delayMs)
    timer.unref()
    this.timers.add(timer)
  }

  private async attempt(webhook: WebhookRecord, delivery: DeliveryRecord, attempt: number) {
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
    const retryIn = error === null ? undefined : this.retryDelaysMs[attempt]
    await this.store.recordAttempt(delivery.id, {
      status: error === null ? 'delivered' : retryIn === undefined ? 'failed' : 'pending',
      responseCode,
      error,
    })
    if (retryIn !== undefined) this.schedule(webhook, delivery, attempt + 1, retryIn)
  }
}
