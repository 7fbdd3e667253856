/**
 * Pool consent renewal (issue 14), on the engine of this project, with a real in-process SMTP server:
 * entries without activity for two years are asked by mail to renew (a renewal link and a withdrawal
 * link), once, by the server's own job; the renewal page works without JavaScript; entries not renewed
 * within 30 days lapse — deleted, their applications no longer in the pool, each program's audit trail
 * recording how many. The clock is moved by calling the lapse with a later `now` on the server's database.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuditLog, Pipeline, PoolList, SYSTEM_ACTOR } from '@specboard/shared'
import { readConfig } from '../../server/src/config.ts'
import { silentLogger } from '../../server/src/logger.ts'
import { createMailer } from '../../server/src/mail/createMailer.ts'
import type { Storage } from '../../server/src/ports/Storage.ts'
import { askRenewals, lapseUnrenewed } from '../../server/src/selection/poolRenewal.ts'
import { openPostgresStorage } from '../../server/src/storage/postgres/PostgresStorage.ts'
import { openSqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage.ts'
import { apiRequest, createProgram, createTeam } from '../helpers/api.ts'
import { linkIn, startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer.ts'
import { startServer, type TestServer } from '../helpers/startServer.ts'
import { applyTo, getPage, postForm, publish, writeSection } from './postingsFixture.ts'

const DAY_MS = 24 * 3600 * 1000

function openServerDatabase(server: TestServer): Promise<Storage> | Storage {
  return server.env.DATABASE_URL
    ? openPostgresStorage(server.env.DATABASE_URL)
    : openSqliteStorage(server.dbFile)
}

describe('pool consent renewal', () => {
  let smtp: TestSmtpServer
  let server: TestServer
  let programId: string
  let postingId: string
  const longAgo = new Date(Date.now() - 25 * 30 * DAY_MS).toISOString()

  const pool = async () => PoolList.parse((await apiRequest(server, 'GET', '/api/pool')).body)
  const isRenewalMail = (m: { subject: string }) =>
    m.subject.startsWith('人材プールへの登録を続けますか')

  beforeAll(async () => {
    smtp = await startSmtpServer()
    server = await startServer({ env: { SMTP_URL: smtp.url, APPLY_RATE_LIMIT: '1000' } })
    programId = await createProgram(server, 'Renewal program')
    const team = await createTeam(server, programId, 'Renewal team')
    await writeSection(server, team.id, 'what', ['人材プールの更新のテスト用の募集です。'])
    const posting = await publish(server, team.id)
    postingId = posting.id
    // An applicant kept in the pool, whose consent (given again later by a pitch) is two years old.
    await applyTo(server, posting.slug, { name: '応募 絵美', contact: 'emi@example.com' })
    const emi = Pipeline.parse(
      (await apiRequest(server, 'GET', `/api/postings/${postingId}/applications`)).body
    ).applications[0]!
    expect(
      (
        await apiRequest(server, 'PATCH', `/api/applications/${emi.id}`, {
          body: { stage: 'pool' },
        })
      ).status
    ).toBe(200)
    const storage = await openServerDatabase(server)
    try {
      const add = (name: string, contact: string, consentedAt?: string) =>
        storage.postings.pool.add({
          source: 'pitch_lead',
          programId,
          teamId: team.id,
          name,
          contact,
          consent: true,
          consentedAt,
        })
      await add('継続 あや', 'aya@example.com', longAgo)
      await add('失効 ぶん', 'bun@example.com', longAgo)
      await add('最近 ちか', 'chika@example.com')
      await add('応募 絵美', 'emi@example.com', longAgo)
    } finally {
      await storage.close()
    }
    // The job runs when the server starts.
    await server.restart()
  })

  afterAll(async () => {
    await server?.stop()
    await smtp?.close()
  })

  it('asks entries without activity for two years to renew, by mail with both links, once', async () => {
    for (const to of ['aya@example.com', 'bun@example.com', 'emi@example.com']) {
      const mail = await smtp.waitFor(to, isRenewalMail, 20_000)
      expect(mail.text).toContain('/pool/renew/')
      expect(mail.text).toContain('/pool/withdraw/')
      expect(mail.text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日までに/)
      expect(mail.html).toContain('登録を続ける')
    }
    expect(smtp.messages.filter((m) => m.to.includes('chika@example.com'))).toHaveLength(0)

    // Asking again (another instance, the next hour) mails nobody twice.
    const dir = mkdtempSync(join(tmpdir(), 'specboard-renewal-'))
    const mailer = createMailer(readConfig({ SMTP_URL: smtp.url, DATA_DIR: dir }), silentLogger)
    const storage = await openServerDatabase(server)
    try {
      expect(await askRenewals(storage, mailer, server.url)).toBe(0)
    } finally {
      await storage.close()
      await mailer.close()
    }
    expect(smtp.messages.filter(isRenewalMail)).toHaveLength(3)
  })

  it('renews through a page that needs no JavaScript', async () => {
    const mail = await smtp.waitFor('aya@example.com', isRenewalMail)
    const path = new URL(linkIn(mail, '/pool/renew/')).pathname
    const page = await getPage(server, path)
    expect(page.status).toBe(200)
    expect(page.text).not.toContain('<script')
    expect(page.text).toContain(`<form method="post" action="${path}"`)
    expect(page.text).toContain('継続 あや')
    const english = await getPage(server, `${path}?lang=en`)
    expect(english.text).toContain('Stay in the pool')
    const renewed = await postForm(server, path, {})
    expect(renewed.status).toBe(200)
    expect(renewed.text).toContain('引き続き')
    // Another site's page cannot renew for them.
    expect((await postForm(server, path, {}, { origin: 'https://evil.example' })).status).toBe(403)
    // The coordinator sees who was asked and until when; Aya renewed, Bun did not yet.
    const byName = new Map((await pool()).entries.map((e) => [e.name, e]))
    expect(byName.get('継続 あや')!.lapsesAt).toBeNull()
    expect(Date.parse(byName.get('失効 ぶん')!.lapsesAt!)).toBeGreaterThan(Date.now() + 29 * DAY_MS)
    expect(byName.get('最近 ちか')!.lapsesAt).toBeNull()
    // The mail's withdrawal link opens the withdrawal page.
    const bun = await smtp.waitFor('bun@example.com', isRenewalMail)
    const withdraw = await getPage(server, new URL(linkIn(bun, '/pool/withdraw/')).pathname)
    expect(withdraw.status).toBe(200)
    expect(withdraw.text).toContain('失効 ぶん')
  })

  it('lets entries not renewed within 30 days lapse, recorded with their count', async () => {
    const one = await openServerDatabase(server)
    const two = server.env.DATABASE_URL ? await openServerDatabase(server) : one
    try {
      expect(await lapseUnrenewed(one, Date.now() + 29 * DAY_MS)).toBe(0)
      const lapsed = await Promise.all([
        lapseUnrenewed(one, Date.now() + 31 * DAY_MS),
        lapseUnrenewed(two, Date.now() + 31 * DAY_MS),
      ])
      expect(lapsed[0] + lapsed[1]).toBe(2)
    } finally {
      await one.close()
      if (two !== one) await two.close()
    }
    const names = (await pool()).entries.map((e) => e.name).sort()
    expect(names).toEqual(['継続 あや', '最近 ちか'].sort())
    const emi = Pipeline.parse(
      (await apiRequest(server, 'GET', `/api/postings/${postingId}/applications`)).body
    ).applications[0]!
    expect(emi.consentPool).toBe(false)
    const entries = AuditLog.parse(
      (await apiRequest(server, 'GET', `/api/programs/${programId}/audit`)).body
    ).entries.filter((e) => e.action === 'pool.lapse')
    expect(entries.reduce((n, e) => n + Number(e.detail.count), 0)).toBe(2)
    for (const e of entries) {
      expect(e.actor.name).toBe(SYSTEM_ACTOR)
      expect(JSON.stringify(e)).not.toMatch(/ぶん|絵美|example\.com/)
    }
    // The lapsed entries' links open nothing any more.
    const bun = await smtp.waitFor('bun@example.com', isRenewalMail)
    expect((await getPage(server, new URL(linkIn(bun, '/pool/renew/')).pathname)).status).toBe(404)
  })
})
