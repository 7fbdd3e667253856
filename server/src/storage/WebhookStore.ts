import type { WebhookDeliveryStatus, WebhookEventType } from '@specboard/shared'

export interface WebhookRecord {
  readonly id: string
  readonly programId: string
  readonly url: string
  readonly secret: string
  readonly events: readonly WebhookEventType[]
  readonly createdBy: string | null
  readonly createdAt: string
}

export interface DeliveryRecord {
  readonly id: string
  readonly webhookId: string
  readonly eventId: string
  readonly type: WebhookEventType
  /** The exact bytes sent (and signed), so a redelivery sends the same. */
  readonly body: string
  readonly createdAt: string
  readonly status: WebhookDeliveryStatus
  readonly attempts: number
  readonly responseCode: number | null
  readonly error: string | null
  readonly lastAttemptAt: string | null
}

/** Webhook endpoints per program and their delivery log. */
export interface WebhookStore {
  create(w: Omit<WebhookRecord, 'id' | 'createdAt'>): Promise<WebhookRecord>
  list(programId: string): Promise<WebhookRecord[]>
  get(programId: string, webhookId: string): Promise<WebhookRecord | undefined>
  /** False when the program has no such endpoint. */
  remove(programId: string, webhookId: string): Promise<boolean>
  /** Changes an endpoint's URL, events or secret; undefined when the program has no such endpoint. */
  update(
    programId: string,
    webhookId: string,
    patch: { url?: string; events?: readonly WebhookEventType[]; secret?: string }
  ): Promise<WebhookRecord | undefined>
  addDelivery(d: {
    webhookId: string
    eventId: string
    type: WebhookEventType
    body: string
  }): Promise<DeliveryRecord>
  getDelivery(webhookId: string, deliveryId: string): Promise<DeliveryRecord | undefined>
  /** The newest `limit` deliveries of an endpoint, newest first. */
  listDeliveries(webhookId: string, limit: number): Promise<DeliveryRecord[]>
  /**
   * Records an attempt's outcome; `retryAt` is when a pending delivery is tried again (null once it is
   * delivered or failed for good).
   */
  recordAttempt(
    deliveryId: string,
    outcome: {
      status: WebhookDeliveryStatus
      responseCode: number | null
      error: string | null
      retryAt: string | null
    }
  ): Promise<void>
  /**
   * Claims a pending delivery due by `now` for one attempt: moves its next attempt to `leaseUntil` in one
   * guarded UPDATE, so of several instances only one sends it. Undefined when it is not due or taken.
   */
  claimDue(deliveryId: string, now: string, leaseUntil: string): Promise<DeliveryRecord | undefined>
  /** Ids of pending deliveries due by `now`, oldest first. */
  dueDeliveries(now: string, limit: number): Promise<string[]>
  /** The endpoint a delivery belongs to (whatever program). */
  webhookOf(deliveryId: string): Promise<WebhookRecord | undefined>
}
