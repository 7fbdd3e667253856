/** Webhook endpoints of a program and their delivery log (coordinators only: `program:manage`). */
import { Hono } from 'hono'
import { CreateWebhookRequest, UpdateWebhookRequest, type CreatedWebhook } from '@specboard/shared'
import { HttpError } from '../errors.ts'
import { newSecret } from '../ids.ts'
import type { WebhookRecord } from '../storage/WebhookStore.ts'
import { deliveryView, eventsOf, webhookOf, webhookView } from '../webhooks/endpoints.ts'
import { checkEndpointUrl } from '../webhooks/endpointUrl.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { programFor } from './middleware/access.ts'
import { jsonBody, readBody } from './middleware/validate.ts'
import { recordAudit } from './middleware/recordAudit.ts'
import type { Context } from 'hono'

const MAX_ENDPOINTS = 10
const LOG_LENGTH = 50

/** The webhook the URL names, for a caller who manages its program. */
async function webhookFor(c: Context<AppEnv>): Promise<WebhookRecord> {
  const { program } = await programFor(c, c.req.param('programId')!, 'program:manage')
  return await webhookOf(c.var.deps.webhooks, program.id, c.req.param('webhookId'))
}

/** Routes under /api/programs/:programId/webhooks. */
export const webhookRoutes = new Hono<AppEnv>()
  .get('/:programId/webhooks', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'program:manage')
    return c.json({ webhooks: (await c.var.deps.webhooks.list(program.id)).map(webhookView) })
  })
  .post('/:programId/webhooks', jsonBody(CreateWebhookRequest), async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'program:manage')
    const body = await readBody(c)
    const checked = checkEndpointUrl(body.url, c.var.deps.allowLocalWebhooks)
    if (!checked.ok) throw new HttpError(400, 'invalid_body', checked.message)
    const { webhooks } = c.var.deps
    if ((await webhooks.list(program.id)).length >= MAX_ENDPOINTS)
      throw new HttpError(
        409,
        'too_many_webhooks',
        `a program has at most ${MAX_ENDPOINTS} webhooks`
      )
    const created = await c.var.deps.tx(async ({ webhooks, accounts }) => {
      const made = await webhooks.create({
        programId: program.id,
        url: checked.url,
        secret: newSecret(),
        events: [...new Set(body.events)],
        createdBy: c.var.principal!.personId,
      })
      await recordAudit(c, program.id, 'webhook.create', made.url, eventsOf(made), accounts)
      return made
    })
    const response: CreatedWebhook = { ...webhookView(created), secret: created.secret }
    return c.json(response, 201)
  })
  .patch('/:programId/webhooks/:webhookId', jsonBody(UpdateWebhookRequest), async (c) => {
    const webhook = await webhookFor(c)
    const body = await readBody(c)
    let url: string | undefined
    if (body.url !== undefined) {
      const checked = checkEndpointUrl(body.url, c.var.deps.allowLocalWebhooks)
      if (!checked.ok) throw new HttpError(400, 'invalid_body', checked.message)
      url = checked.url
    }
    const updated = await c.var.deps.tx(async ({ webhooks, accounts }) => {
      const changed = (await webhooks.update(webhook.programId, webhook.id, {
        url,
        events: body.events && [...new Set(body.events)],
      }))!
      const detail: Record<string, string> = { ...eventsOf(changed) }
      if (changed.url !== webhook.url) detail.from = webhook.url
      await recordAudit(c, webhook.programId, 'webhook.update', changed.url, detail, accounts)
      return changed
    })
    return c.json(webhookView(updated))
  })
  .post('/:programId/webhooks/:webhookId/rotate-secret', async (c) => {
    const webhook = await webhookFor(c)
    // The new secret signs every delivery from now on, retries of earlier events included.
    const rotated = await c.var.deps.tx(async ({ webhooks, accounts }) => {
      const changed = (await webhooks.update(webhook.programId, webhook.id, {
        secret: newSecret(),
      }))!
      await recordAudit(c, webhook.programId, 'webhook.rotate', changed.url, {}, accounts)
      return changed
    })
    const response: CreatedWebhook = { ...webhookView(rotated), secret: rotated.secret }
    return c.json(response)
  })
  .delete('/:programId/webhooks/:webhookId', async (c) => {
    const webhook = await webhookFor(c)
    await c.var.deps.tx(async ({ webhooks, accounts }) => {
      await webhooks.remove(webhook.programId, webhook.id)
      await recordAudit(c, webhook.programId, 'webhook.remove', webhook.url, {}, accounts)
    })
    return c.body(null, 204)
  })
  .get('/:programId/webhooks/:webhookId/deliveries', async (c) => {
    const webhook = await webhookFor(c)
    const deliveries = await c.var.deps.webhooks.listDeliveries(webhook.id, LOG_LENGTH)
    return c.json({ deliveries: deliveries.map(deliveryView) })
  })
  .post('/:programId/webhooks/:webhookId/deliveries/:deliveryId/redeliver', async (c) => {
    const webhook = await webhookFor(c)
    const delivery = await c.var.deps.webhooks.getDelivery(webhook.id, c.req.param('deliveryId'))
    if (!delivery)
      throw new HttpError(404, 'delivery_not_found', 'this webhook has no such delivery')
    return c.json(deliveryView(await c.var.deps.events.redeliver(webhook, delivery)), 202)
  })
