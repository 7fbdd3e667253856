/** A program's webhook endpoints as coordinators see them: one by id, and the API views. */
import type { Webhook, WebhookDelivery } from '@specboard/shared'
import { HttpError } from '../errors.ts'
import type { DeliveryRecord, WebhookRecord, WebhookStore } from '../storage/WebhookStore.ts'

/** The program's webhook `webhookId`; 404 when the program has none by that id. */
export async function webhookOf(
  webhooks: WebhookStore,
  programId: string,
  webhookId: string | undefined
): Promise<WebhookRecord> {
  const webhook = webhookId ? await webhooks.get(programId, webhookId) : undefined
  if (!webhook) throw new HttpError(404, 'webhook_not_found', 'this program has no such webhook')
  return webhook
}

/** The audit detail of an endpoint's events (which events, never the secret). */
export const eventsOf = (w: WebhookRecord): Record<string, string> => ({
  events: w.events.join(' '),
})

export const webhookView = (w: WebhookRecord): Webhook => ({
  id: w.id,
  url: w.url,
  events: [...w.events],
  createdAt: w.createdAt,
})

export const deliveryView = (d: DeliveryRecord): WebhookDelivery => ({
  id: d.id,
  webhookId: d.webhookId,
  eventId: d.eventId,
  type: d.type,
  createdAt: d.createdAt,
  status: d.status,
  attempts: d.attempts,
  responseCode: d.responseCode,
  error: d.error,
  lastAttemptAt: d.lastAttemptAt,
})
