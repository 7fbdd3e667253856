/**
 * Nothing pending is lost in a restart (issue 14), on the engine of this project: a webhook delivery that
 * failed and waits for its retry is retried by the server after it restarts (the retry is a row, not a
 * timer), once; the applicant mail given up on is still shown to the coordinator after a restart, until
 * the applicant erases their data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MailProblems, WebhookDeliveryList } from '@specboard/shared'
import { apiRequest, createProgram, createTeam } from '../helpers/api.ts'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer.ts'
import { startServer, type TestServer } from '../helpers/startServer.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhookReceiver.ts'
import { applyTo, postForm, publish, writeSection } from './postingsFixture.ts'

describe('retries and mail failures across a restart', () => {
  let smtp: TestSmtpServer
  let receiver: WebhookReceiver
  let server: TestServer
  let programId: string
  let teamId: string

  beforeAll(async () => {
    smtp = await startSmtpServer()
    receiver = await startWebhookReceiver()
    server = await startServer({
      env: {
        SMTP_URL: smtp.url,
        MAIL_RETRY_DELAYS_MS: '50,50',
        ALLOW_LOCAL_WEBHOOKS: '1',
        // Long enough for the restart to happen between the failed attempt and its retry.
        WEBHOOK_RETRY_DELAYS_MS: '3000',
        APPLY_RATE_LIMIT: '1000',
      },
    })
    programId = await createProgram(server, 'Durable program')
    teamId = (await createTeam(server, programId, 'Durable team')).id
  })

  afterAll(async () => {
    await server?.stop()
    await receiver?.close()
    await smtp?.close()
  })

  it('sends a pending webhook retry after the server restarted, once', async () => {
    const created = await apiRequest(server, 'POST', `/api/programs/${programId}/webhooks`, {
      body: { url: receiver.url, events: ['round.opened'] },
    })
    expect(created.status).toBe(201)
    const webhookId = (created.body as { id: string }).id
    receiver.answerWith(500)
    expect(
      (
        await apiRequest(server, 'POST', `/api/teams/${teamId}/rounds`, {
          body: { reviewerIds: [] },
        })
      ).status
    ).toBe(201)
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1)
    await server.restart()
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2)
    const [first, second] = receiver.received
    expect(second!.headers['x-specboard-delivery']).toBe(first!.headers['x-specboard-delivery'])
    expect(second!.rawBody).toBe(first!.rawBody)
    const log = WebhookDeliveryList.parse(
      (
        await apiRequest(
          server,
          'GET',
          `/api/programs/${programId}/webhooks/${webhookId}/deliveries`
        )
      ).body
    ).deliveries
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ status: 'delivered', attempts: 2, responseCode: 200 })
    // Nothing else is sent afterwards.
    await new Promise((r) => setTimeout(r, 3500))
    expect(receiver.received).toHaveLength(2)
  })

  it('still shows the coordinator mail given up on after a restart', async () => {
    await writeSection(server, teamId, 'what', ['メールの不達を確かめる募集です。'])
    const { slug } = await publish(server, teamId)
    smtp.failNext(100)
    const token = await applyTo(server, slug, { name: '不達 五郎', contact: 'goro@example.com' })
    const problems = async () =>
      MailProblems.parse(
        (await apiRequest(server, 'GET', `/api/programs/${programId}/mail-problems`)).body
      ).failures.map((f) => f.to)
    await expect.poll(problems, { timeout: 10_000 }).toContain('goro@example.com')
    smtp.failNext(0)
    await server.restart()
    expect(await problems()).toEqual(['goro@example.com'])
    // Once the applicant erases their data, the undelivered mail naming their address goes too.
    const erased = await postForm(server, `/applications/${token}/erase`, { confirm: 'yes' })
    expect(erased.status).toBe(303)
    expect(await problems()).toEqual([])
  })
})
