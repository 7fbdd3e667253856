/** Webhooks: endpoints a coordinator registers per program, the events they get, and the delivery log. */
import { z } from 'zod'

export const WEBHOOK_EVENTS = [
  'posting.published',
  'posting.unpublished',
  'application.received',
  'application.stage_changed',
  'interview.booked',
  'interview.moved',
  'interview.cancelled',
  'round.opened',
  'round.closed',
  /** At most once a minute per sheet (SHEET_CHANGE_NOTICE_MS). */
  'sheet.changed',
] as const
export const WebhookEventType = z.enum(WEBHOOK_EVENTS)
export type WebhookEventType = z.infer<typeof WebhookEventType>

export const CreateWebhookRequest = z.object({
  url: z.string().trim().min(1).max(2000),
  events: z.array(WebhookEventType).min(1, 'choose at least one event').max(WEBHOOK_EVENTS.length),
})
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequest>

/** PATCH /api/programs/:programId/webhooks/:webhookId — move the endpoint or change its events. */
export const UpdateWebhookRequest = CreateWebhookRequest.partial().refine(
  (b) => b.url !== undefined || b.events !== undefined,
  'send url or events'
)
export type UpdateWebhookRequest = z.infer<typeof UpdateWebhookRequest>

export const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEventType),
  createdAt: z.string(),
})
export type Webhook = z.infer<typeof Webhook>

/** Returned once, when the endpoint is registered: the secret deliveries are signed with. */
export const CreatedWebhook = Webhook.extend({ secret: z.string() })
export type CreatedWebhook = z.infer<typeof CreatedWebhook>

export const WebhookList = z.object({ webhooks: z.array(Webhook) })
export type WebhookList = z.infer<typeof WebhookList>

export const WebhookDeliveryStatus = z.enum(['pending', 'delivered', 'failed'])
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>

export const WebhookDelivery = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventId: z.string(),
  type: WebhookEventType,
  createdAt: z.string(),
  status: WebhookDeliveryStatus,
  attempts: z.number().int(),
  /** The last response's HTTP status; null when none came (see `error`). */
  responseCode: z.number().int().nullable(),
  /** Why the last attempt failed, in words; null after a 2xx. */
  error: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
})
export type WebhookDelivery = z.infer<typeof WebhookDelivery>

export const WebhookDeliveryList = z.object({ deliveries: z.array(WebhookDelivery) })
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>

/** The JSON body of every delivery (signed: `X-Specboard-Signature: sha256=<hex HMAC of the raw body>`). */
export const WebhookPayload = z.object({
  id: z.string(),
  type: WebhookEventType,
  timestamp: z.string(),
  programId: z.string(),
  data: z.record(z.string(), z.unknown()),
})
export type WebhookPayload = z.infer<typeof WebhookPayload>
