/** OpenAPI operations of webhooks (merged into openapi.ts); shapes from shared/src/webhooks.ts. */
import * as webhooks from '@specboard/shared/webhooks'
import type { Op } from './openapi.ts'

const params = ['programId', 'webhookId']

export const WEBHOOK_OPERATIONS: Record<string, Record<string, Op>> = {
  '/api/programs/{programId}/webhooks': {
    get: {
      summary: "The program's webhook endpoints (coordinator)",
      response: webhooks.WebhookList,
      params: ['programId'],
    },
    post: {
      summary:
        'Register an HTTPS endpoint for events (coordinator); the answer carries the signing secret once. Deliveries are JSON { id, type, timestamp, programId, data } with X-Specboard-Signature: sha256=<hex HMAC-SHA256 of the raw body>',
      response: webhooks.CreatedWebhook,
      status: 201,
      params: ['programId'],
    },
  },
  '/api/programs/{programId}/webhooks/{webhookId}': {
    patch: {
      summary:
        'Move an endpoint to another URL or change its events (coordinator; audited). Pending retries go to the new URL',
      response: webhooks.Webhook,
      params,
    },
    delete: {
      summary: 'Remove an endpoint and its delivery log (coordinator; audited)',
      status: 204,
      params,
    },
  },
  '/api/programs/{programId}/webhooks/{webhookId}/rotate-secret': {
    post: {
      summary:
        'Replace the signing secret; the answer carries the new one once, and it signs every delivery from now on, retries included (coordinator; audited)',
      response: webhooks.CreatedWebhook,
      params,
    },
  },
  '/api/programs/{programId}/webhooks/{webhookId}/deliveries': {
    get: {
      summary:
        "The endpoint's last 50 deliveries: status, attempts, response code or error (coordinator)",
      response: webhooks.WebhookDeliveryList,
      params,
    },
  },
  '/api/programs/{programId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver': {
    post: {
      summary:
        'Send a logged delivery again (same event id and body), as a new delivery (coordinator)',
      response: webhooks.WebhookDelivery,
      status: 202,
      params: [...params, 'deliveryId'],
    },
  },
}
