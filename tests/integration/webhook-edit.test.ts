/**
 * Changing a webhook endpoint (issue 14) against a real server and real local HTTP endpoints: moving it to
 * another URL and changing its events, rotating its secret (a pending retry is signed with the new one and
 * goes to the new URL), only by the program's coordinator, each change in the audit trail without secrets.
 */
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuditLog, CreatedWebhook, Webhook } from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import { createTeamFixture, useServer, type TeamFixture } from '../helpers/fixtures.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhookReceiver.ts'
import { waitFor } from '../helpers/wsClient.ts'

const signed = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

describe('editing a webhook and rotating its secret', () => {
  const server = useServer({
    env: { ALLOW_LOCAL_WEBHOOKS: '1', WEBHOOK_RETRY_DELAYS_MS: '1500' },
  })
  let team: TeamFixture
  let before: WebhookReceiver
  let after: WebhookReceiver

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Edit hooks')
    before = await startWebhookReceiver()
    after = await startWebhookReceiver()
  })
  afterAll(async () => {
    await before?.close()
    await after?.close()
  })

  it('moves the endpoint, changes its events and rotates its secret, audited', async () => {
    const base = `/api/programs/${team.programId}/webhooks`
    const hook = CreatedWebhook.parse(
      (
        await apiRequest(server(), 'POST', base, {
          body: { url: before.url, events: ['round.closed'] },
        })
      ).body
    )
    const path = `${base}/${hook.id}`

    for (const body of [{}, { url: 'http://example.com/x' }, { events: [] }, { events: ['nope'] }])
      expect((await apiRequest(server(), 'PATCH', path, { body })).status).toBe(400)
    expect(
      (
        await apiRequest(server(), 'PATCH', path, {
          token: team.tokens.owner,
          body: { events: [] },
        })
      ).status
    ).toBe(403)
    expect(
      (
        await apiRequest(server(), 'POST', `${path}/rotate-secret`, {
          token: team.tokens.caretaker,
        })
      ).status
    ).toBe(403)

    const moved = await apiRequest(server(), 'PATCH', path, {
      body: { url: after.url, events: ['round.opened', 'round.closed'] },
    })
    expect(moved.status).toBe(200)
    expect(Webhook.parse(moved.body)).toMatchObject({
      url: after.url,
      events: ['round.opened', 'round.closed'],
    })

    // The first attempt fails; the secret is rotated before the retry, which is signed with the new one.
    after.answerWith(500)
    expect(
      (
        await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/rounds`, {
          body: { reviewerIds: [] },
        })
      ).status
    ).toBe(201)
    await waitFor(() => after.received.length === 1, { what: 'the first attempt' })
    expect(after.received[0]!.headers['x-specboard-signature']).toBe(
      signed(hook.secret, after.received[0]!.rawBody)
    )
    const rotated = await apiRequest(server(), 'POST', `${path}/rotate-secret`)
    expect(rotated.status).toBe(200)
    const fresh = CreatedWebhook.parse(rotated.body).secret
    expect(fresh).not.toBe(hook.secret)
    await waitFor(() => after.received.length === 2, { what: 'the retry', timeoutMs: 10_000 })
    const retry = after.received[1]!
    expect(retry.rawBody).toBe(after.received[0]!.rawBody)
    expect(retry.headers['x-specboard-signature']).toBe(signed(fresh, retry.rawBody))
    expect(before.received).toHaveLength(0)

    const removed = await apiRequest(server(), 'DELETE', path)
    expect(removed.status).toBe(204)

    const audit = AuditLog.parse(
      (await apiRequest(server(), 'GET', `/api/programs/${team.programId}/audit`)).body
    ).entries
    const actions = audit.map((e) => e.action).filter((a) => a.startsWith('webhook.'))
    expect(actions.sort()).toEqual(
      ['webhook.create', 'webhook.remove', 'webhook.rotate', 'webhook.update'].sort()
    )
    const update = audit.find((e) => e.action === 'webhook.update')!
    expect(update).toMatchObject({
      subject: after.url,
      detail: { from: before.url, events: 'round.opened round.closed' },
    })
    const text = JSON.stringify(audit)
    expect(text).not.toContain(hook.secret)
    expect(text).not.toContain(fresh)
  })
})
