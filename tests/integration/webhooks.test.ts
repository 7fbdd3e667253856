/**
 * Webhooks against a real server and a real local HTTP endpoint: the signature over the raw body, a
 * retry after a 500, the delivery log and redelivery, what a delivery carries, and who may register.
 */
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CreatedWebhook,
  Pipeline,
  WebhookDeliveryList,
  WebhookList,
  WebhookPayload,
} from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import { createTeamFixture, useServer, type TeamFixture } from '../helpers/fixtures.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhookReceiver.ts'
import { syncedProvider, waitFor } from '../helpers/wsClient.ts'
import { applyTo, publish, writeSection } from './postingsFixture.ts'

describe('webhooks', () => {
  const server = useServer({
    env: {
      ALLOW_LOCAL_WEBHOOKS: '1',
      WEBHOOK_RETRY_DELAYS_MS: '300,300',
      APPLY_RATE_LIMIT: '1000',
      SHEET_CHANGE_NOTICE_MS: '1500',
    },
  })
  let team: TeamFixture
  let receiver: WebhookReceiver
  let hook: CreatedWebhook
  const base = () => `/api/programs/${team.programId}/webhooks`

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Hooks')
    receiver = await startWebhookReceiver()
    await writeSection(server(), team.teamId, 'what', ['外へ知らせる募集です。'])
  })
  afterAll(() => receiver.close())

  const payloadsOf = (type: string) =>
    receiver.received
      .map((r) => ({ ...r, payload: WebhookPayload.parse(JSON.parse(r.rawBody)) }))
      .filter((r) => r.payload.type === type)
  const deliveries = async () =>
    WebhookDeliveryList.parse(
      (await apiRequest(server(), 'GET', `${base()}/${hook.id}/deliveries`)).body
    ).deliveries

  it('refuses everyone but the coordinator, and URLs that are not HTTPS', async () => {
    const body = { url: receiver.url, events: ['round.opened'] }
    for (const token of [team.tokens.owner, team.tokens.reviewer, team.outsiderToken]) {
      expect((await apiRequest(server(), 'POST', base(), { token, body })).status).toBe(403)
      expect((await apiRequest(server(), 'GET', base(), { token })).status).toBe(403)
    }
    expect((await apiRequest(server(), 'POST', base(), { token: null, body })).status).toBe(401)
    const plain = await apiRequest(server(), 'POST', base(), {
      body: { url: 'http://example.com/hooks', events: ['round.opened'] },
    })
    expect(plain.status).toBe(400)
    const none = await apiRequest(server(), 'POST', base(), {
      body: { url: receiver.url, events: [] },
    })
    expect(none.status).toBe(400)
    expect(WebhookList.parse((await apiRequest(server(), 'GET', base())).body).webhooks).toEqual([])
  })

  it('signs each delivery over its raw body and retries after a 500', async () => {
    const created = await apiRequest(server(), 'POST', base(), {
      body: {
        url: receiver.url,
        events: ['posting.published', 'application.received', 'application.stage_changed'],
      },
    })
    expect(created.status).toBe(201)
    hook = CreatedWebhook.parse(created.body)
    expect(hook.secret.length).toBeGreaterThan(20)
    // The secret is shown once, never listed again.
    expect(JSON.stringify((await apiRequest(server(), 'GET', base())).body)).not.toContain(
      hook.secret
    )

    receiver.answerWith(500)
    const posting = await publish(server(), team.teamId)
    await waitFor(() => payloadsOf('posting.published').length === 2, {
      what: 'a retry after the 500',
    })
    const [first, retry] = payloadsOf('posting.published')
    expect(retry.rawBody).toBe(first.rawBody)
    expect(retry.headers['x-specboard-delivery']).toBe(first.headers['x-specboard-delivery'])
    const expected = `sha256=${createHmac('sha256', hook.secret).update(first.rawBody).digest('hex')}`
    expect(first.headers['x-specboard-signature']).toBe(expected)
    expect(first.headers['x-specboard-event']).toBe('posting.published')
    expect(first.payload).toMatchObject({
      programId: team.programId,
      data: { postingId: posting.id, teamId: team.teamId, slug: posting.slug },
    })
    expect(Date.parse(first.payload.timestamp)).toBeGreaterThan(Date.now() - 60_000)

    const log = await logWhen((all) => all[0]?.status === 'delivered')
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({
      type: 'posting.published',
      status: 'delivered',
      attempts: 2,
      responseCode: 200,
      error: null,
      eventId: first.payload.id,
    })
  })

  it('tells of applications and stage changes without the applicant’s contact, and only subscribed events', async () => {
    await applyTo(server(), (await publishedSlug()) ?? '', {
      contact: 'hook-applicant@example.com',
    })
    await waitFor(() => payloadsOf('application.received').length === 1, { what: 'received' })
    const received = payloadsOf('application.received')[0]
    expect(received.rawBody).not.toContain('hook-applicant@example.com')
    expect(received.payload.data).toMatchObject({ teamId: team.teamId, stage: 'applied' })

    const [application] = Pipeline.parse(
      (
        await apiRequest(
          server(),
          'GET',
          `/api/postings/${received.payload.data.postingId}/applications`
        )
      ).body
    ).applications
    await apiRequest(server(), 'PATCH', `/api/applications/${application.id}`, {
      body: { stage: 'interviewed' },
    })
    await waitFor(() => payloadsOf('application.stage_changed').length === 1, { what: 'stage' })
    expect(payloadsOf('application.stage_changed')[0].payload.data).toMatchObject({
      applicationId: application.id,
      from: 'applied',
      stage: 'interviewed',
    })
    // Not subscribed: a round opening is logged nowhere and sent nowhere.
    const round = await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/rounds`, {
      body: { reviewerIds: [] },
    })
    expect(round.status).toBe(201)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(payloadsOf('round.opened')).toHaveLength(0)
  })

  it('keeps failures in the log and redelivers the same event on request', async () => {
    receiver.answerWith(503, 503, 503)
    await apiRequest(server(), 'PATCH', `/api/applications/${await firstApplicationId()}`, {
      body: { stage: 'declined' },
    })
    await waitFor(() => payloadsOf('application.stage_changed').length === 4, {
      what: 'three failed attempts',
    })
    const failed = (await logWhen((all) => all.some((d) => d.status === 'failed'))).find(
      (d) => d.status === 'failed'
    )
    expect(failed).toMatchObject({ attempts: 3, responseCode: 503 })
    expect(failed!.error).toContain('503')

    const again = await apiRequest(
      server(),
      'POST',
      `${base()}/${hook.id}/deliveries/${failed!.id}/redeliver`
    )
    expect(again.status).toBe(202)
    await waitFor(() => payloadsOf('application.stage_changed').length === 5, {
      what: 'redelivery',
    })
    const resent = payloadsOf('application.stage_changed')[4]
    expect(resent.payload.id).toBe(failed!.eventId)
    const resentOf = (all: Awaited<ReturnType<typeof deliveries>>) =>
      all.find((d) => d.eventId === failed!.eventId && d.id !== failed!.id)
    expect(resentOf(await logWhen((all) => resentOf(all)?.status === 'delivered'))).toMatchObject({
      status: 'delivered',
      attempts: 1,
      responseCode: 200,
    })

    // Only the coordinator reads the log or redelivers.
    const path = `${base()}/${hook.id}/deliveries`
    expect((await apiRequest(server(), 'GET', path, { token: team.tokens.owner })).status).toBe(403)
    expect(
      (
        await apiRequest(server(), 'POST', `${path}/${failed!.id}/redeliver`, {
          token: team.tokens.owner,
        })
      ).status
    ).toBe(403)
    expect((await apiRequest(server(), 'DELETE', `${base()}/${hook.id}`)).status).toBe(204)
    expect(WebhookList.parse((await apiRequest(server(), 'GET', base())).body).webhooks).toEqual([])
  })

  /** The delivery log once `ready` holds (attempts are logged just after the endpoint answers). */
  async function logWhen(ready: (all: Awaited<ReturnType<typeof deliveries>>) => boolean) {
    for (let i = 0; i < 50; i++) {
      const all = await deliveries()
      if (ready(all)) return all
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return deliveries()
  }

  it('tells of sheet changes at most once per interval per sheet', async () => {
    // Let any interval opened by earlier tests' edits of this sheet run out before subscribing, so the
    // first edit below is told at once rather than folded into an earlier window.
    await new Promise((resolve) => setTimeout(resolve, 1600))
    const created = await apiRequest(server(), 'POST', base(), {
      body: { url: receiver.url, events: ['sheet.changed'] },
    })
    expect(created.status).toBe(201)
    // Three stored changes well within one interval, from one live client (each its own update).
    const client = await syncedProvider(server(), `spec:${team.teamId}`, server().adminToken)
    try {
      const fragment = client.doc.getXmlFragment('what')
      for (const text of ['一回目の変更です。', '二回目の変更です。', '三回目の変更です。']) {
        client.doc.transact(() => {
          const p = new Y.XmlElement('paragraph')
          p.insert(0, [new Y.XmlText(text)])
          fragment.insert(fragment.length, [p])
        })
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      await waitFor(() => payloadsOf('sheet.changed').length === 1, { what: 'the first notice' })
      // The later edits fell within the interval: one more notice at its end, then quiet.
      await waitFor(() => payloadsOf('sheet.changed').length === 2, {
        what: 'the trailing notice',
        timeoutMs: 5000,
      })
    } finally {
      client.destroy()
    }
    const [first, second] = payloadsOf('sheet.changed')
    expect(first.payload.data).toMatchObject({ teamId: team.teamId })
    expect(
      Date.parse(second.payload.timestamp) - Date.parse(first.payload.timestamp)
    ).toBeGreaterThanOrEqual(1400)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    expect(payloadsOf('sheet.changed')).toHaveLength(2)
  })

  it('tells of interviews booked, moved and cancelled and of the posting unpublished, naming nobody', async () => {
    const created = await apiRequest(server(), 'POST', base(), {
      body: {
        url: receiver.url,
        events: [
          'interview.booked',
          'interview.moved',
          'interview.cancelled',
          'posting.unpublished',
        ],
      },
    })
    expect(created.status).toBe(201)
    const secret = CreatedWebhook.parse(created.body).secret
    await applyTo(server(), (await publishedSlug()) ?? '', {
      name: '面談 フック',
      contact: 'hook-interview@example.com',
    })
    const postingId = payloadsOf('application.received')[0].payload.data.postingId as string
    const application = Pipeline.parse(
      (await apiRequest(server(), 'GET', `/api/postings/${postingId}/applications`)).body
    ).applications.find((a) => a.contact === 'hook-interview@example.com')!
    const start = Math.ceil((Date.now() + 48 * 3600_000) / 3600_000) * 3600_000
    const window = await apiRequest(
      server(),
      'POST',
      `/api/programs/${team.programId}/interview-windows`,
      {
        body: {
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + 30 * 60_000).toISOString(),
        },
      }
    )
    const slots = (window.body as { slots: { id: string }[] }).slots
    const booked = await apiRequest(
      server(),
      'POST',
      `/api/applications/${application.id}/interview`,
      {
        body: { slotId: slots[0]!.id },
      }
    )
    expect(booked.status).toBe(201)
    const interviewId = (booked.body as { id: string }).id
    await apiRequest(server(), 'POST', `/api/interviews/${interviewId}/move`, {
      body: { slotId: slots[1]!.id },
    })
    await apiRequest(server(), 'POST', `/api/interviews/${interviewId}/cancel`, {
      body: { reason: '面談 フックさんの都合' },
    })
    await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/posting/unpublish`)
    const types = [
      'interview.booked',
      'interview.moved',
      'interview.cancelled',
      'posting.unpublished',
    ]
    await waitFor(() => types.every((t) => payloadsOf(t).length === 1), { what: 'four events' })
    for (const type of types) {
      const [delivery] = payloadsOf(type)
      expect(delivery.headers['x-specboard-signature']).toBe(
        `sha256=${createHmac('sha256', secret).update(delivery.rawBody).digest('hex')}`
      )
      expect(delivery.payload.programId).toBe(team.programId)
      for (const secretWord of ['hook-interview@example.com', '面談 フック'])
        expect(delivery.rawBody).not.toContain(secretWord)
    }
    expect(payloadsOf('interview.booked')[0].payload.data).toMatchObject({
      applicationId: application.id,
    })
    expect(payloadsOf('posting.unpublished')[0].payload.data).toMatchObject({
      teamId: team.teamId,
      postingId,
    })
  })

  async function publishedSlug(): Promise<string | undefined> {
    const body = (await apiRequest(server(), 'GET', `/api/teams/${team.teamId}/posting`)).body as {
      posting: { slug: string } | null
    }
    return body.posting?.slug
  }

  async function firstApplicationId(): Promise<string> {
    const postingId = payloadsOf('application.received')[0].payload.data.postingId as string
    return Pipeline.parse(
      (await apiRequest(server(), 'GET', `/api/postings/${postingId}/applications`)).body
    ).applications[0].id
  }
})
