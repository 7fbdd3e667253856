/**
 * The coordinators' daily digest (issue 14), on the engine of this project, through a real in-process SMTP
 * server: new applicants since the last digest and tomorrow's interviews (Japan time), to each coordinator
 * in their language, only when there is something to say, never to one who turned it off, and once per day
 * however many instances run it. The clock is moved by calling the digest with a chosen `now`.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DigestSetting } from '@specboard/shared'
import { readConfig } from '../../server/src/config.ts'
import { hashSecret, newSecret } from '../../server/src/ids.ts'
import { silentLogger } from '../../server/src/logger.ts'
import { createMailer } from '../../server/src/mail/createMailer.ts'
import type { Mailer } from '../../server/src/mail/Mailer.ts'
import type { Storage } from '../../server/src/ports/Storage.ts'
import { sendDigests } from '../../server/src/selection/digest.ts'
import { openPostgresStorage } from '../../server/src/storage/postgres/PostgresStorage.ts'
import { openSqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage.ts'
import { apiRequest, createProgram, createTeam } from '../helpers/api.ts'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer.ts'
import { startServer, type TestServer } from '../helpers/startServer.ts'
import { applyTo, publish, writeSection } from './postingsFixture.ts'

const HOUR_MS = 3600 * 1000
const DAY_MS = 24 * HOUR_MS

function openServerDatabase(server: TestServer): Promise<Storage> | Storage {
  return server.env.DATABASE_URL
    ? openPostgresStorage(server.env.DATABASE_URL)
    : openSqliteStorage(server.dbFile)
}

/** Midnight of the Japanese calendar day of `at`, as an instant. */
function tokyoMidnight(at: number): number {
  return Math.floor((at + 9 * HOUR_MS) / DAY_MS) * DAY_MS - 9 * HOUR_MS
}

describe("coordinators' daily digest", () => {
  let smtp: TestSmtpServer
  let server: TestServer
  let mailer: Mailer
  let programId: string
  let slug: string
  let posting: { id: string; teamId: string; version: number }
  /** "Today" for the digest: at or after 8:30 Japan time, never before the applications were made. */
  let now: number
  const tokens: Record<'ja' | 'en' | 'off', string> = { ja: '', en: '', off: '' }

  const digestsTo = (to: string) => smtp.messages.filter((m) => m.to.includes(to))
  const run = async (at: number) => {
    const storage = await openServerDatabase(server)
    try {
      const sent = await sendDigests(storage, mailer, server.url, at)
      await mailer.idle()
      return sent
    } finally {
      await storage.close()
    }
  }

  beforeAll(async () => {
    smtp = await startSmtpServer()
    server = await startServer({ env: { SMTP_URL: smtp.url, APPLY_RATE_LIMIT: '1000' } })
    mailer = createMailer(
      readConfig({ SMTP_URL: smtp.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'digest-')) }),
      silentLogger
    )
    programId = await createProgram(server, '塩尻 副業プログラム')
    const team = await createTeam(server, programId, 'Digest team')
    await writeSection(server, team.id, 'what', ['まとめメールのテスト用の募集です。'])
    const published = await publish(server, team.id)
    slug = published.slug
    posting = { id: published.id, teamId: team.id, version: 1 }
    // Three coordinators with confirmed addresses, each signed in on a device.
    const storage = await openServerDatabase(server)
    try {
      for (const key of ['ja', 'en', 'off'] as const) {
        const person = await storage.records.createPerson(`Coordinator ${key}`, false)
        await storage.accounts.setEmail(person.id, `coord-${key}@example.com`)
        await storage.records.addMembership({
          personId: person.id,
          programId,
          teamId: null,
          role: 'coordinator',
        })
        tokens[key] = newSecret()
        await storage.accounts.createSession({
          tokenHash: hashSecret(tokens[key]),
          personId: person.id,
          userAgent: null,
        })
      }
    } finally {
      await storage.close()
    }
    // The digest's clock runs ahead of the applications the tests make with the real clock (they must be
    // before it, however slowly they are made), and past 8:00 in Japan on its own day.
    const ahead = Date.now() + 10 * 60_000
    now = Math.max(ahead, tokyoMidnight(ahead) + 8.5 * HOUR_MS)
  })

  afterAll(async () => {
    await mailer?.close()
    await server?.stop()
    await smtp?.close()
  })

  it('lets each coordinator turn the digest off or choose its language, for themselves only', async () => {
    const path = `/api/programs/${programId}/digest`
    const mine = DigestSetting.parse(
      (await apiRequest(server, 'GET', path, { token: tokens.ja })).body
    )
    expect(mine).toEqual({ enabled: true, lang: 'ja', email: 'coord-ja@example.com' })
    const en = await apiRequest(server, 'PUT', path, {
      token: tokens.en,
      body: { enabled: true, lang: 'en' },
    })
    expect(en.status).toBe(200)
    const off = await apiRequest(server, 'PUT', path, {
      token: tokens.off,
      body: { enabled: false, lang: 'ja' },
    })
    expect(DigestSetting.parse(off.body).enabled).toBe(false)
    expect(
      (await apiRequest(server, 'PUT', path, { token: tokens.ja, body: { enabled: 'no' } })).status
    ).toBe(400)
    // Without signing in there is no digest to read.
    expect((await apiRequest(server, 'GET', path, { token: null })).status).toBe(401)
    expect(
      DigestSetting.parse((await apiRequest(server, 'GET', path, { token: tokens.ja })).body)
        .enabled
    ).toBe(true)
  })

  it('writes a newly appointed coordinator’s digest in the language they were appointed in', async () => {
    const appointed = await apiRequest(server, 'POST', `/api/programs/${programId}/coordinators`, {
      body: { email: 'appointed@example.com', lang: 'en' },
    })
    expect(appointed.status).toBe(201)
    const storage = await openServerDatabase(server)
    try {
      const personId = (appointed.body as { personId: string }).personId
      expect(await storage.digests.settingOf(programId, personId)).toEqual({
        enabled: true,
        lang: 'en',
      })
    } finally {
      await storage.close()
    }
  })

  it('mails new applicants and tomorrow’s interviews once a day, in each coordinator’s language', async () => {
    await applyTo(server, slug, { name: '新人 一花', contact: 'ichika@example.com' })
    await applyTo(server, slug, { name: '新人 二葉', contact: 'futaba@example.com' })
    const tomorrow10 = tokyoMidnight(now) + DAY_MS + 10 * HOUR_MS
    const window = await apiRequest(
      server,
      'POST',
      `/api/programs/${programId}/interview-windows`,
      {
        body: {
          startsAt: new Date(tomorrow10).toISOString(),
          endsAt: new Date(tomorrow10 + 30 * 60_000).toISOString(),
        },
      }
    )
    const slots = (window.body as { slots: { id: string }[] }).slots
    const apps = (
      (await apiRequest(server, 'GET', `/api/postings/${posting.id}/applications`)).body as {
        applications: { id: string; name: string }[]
      }
    ).applications
    const ichika = apps.find((a) => a.name === '新人 一花')!
    expect(
      (
        await apiRequest(server, 'POST', `/api/applications/${ichika.id}/interview`, {
          body: { slotId: slots[0]!.id },
        })
      ).status
    ).toBe(201)

    // Before 8:00 in Japan nothing goes out.
    expect(await run(tokyoMidnight(now) + 7 * HOUR_MS)).toBe(0)

    // Two instances at once: each coordinator still gets one digest.
    const storages = [await openServerDatabase(server)]
    storages.push(server.env.DATABASE_URL ? await openServerDatabase(server) : storages[0]!)
    try {
      const sent = await Promise.all(storages.map((s) => sendDigests(s, mailer, server.url, now)))
      expect(sent[0]! + sent[1]!).toBe(2)
      await mailer.idle()
    } finally {
      for (const s of new Set(storages)) await s.close()
    }
    const ja = await smtp.waitFor('coord-ja@example.com', (m) =>
      m.subject.includes('毎日のお知らせ')
    )
    expect(ja.subject).toBe('【塩尻 副業プログラム】選考の毎日のお知らせ')
    expect(ja.text).toContain('前回のお知らせ以降の新しい応募: 2件')
    expect(ja.text).toContain('新人 一花')
    expect(ja.text).toContain('新人 二葉')
    expect(ja.text).toContain('明日の面談: 1件')
    expect(ja.text).toMatch(/\d{1,2}月\d{1,2}日\([日月火水木金土]\) 10:00〜10:15 新人 一花/)
    expect(ja.text).toContain(`/programs/${programId}/selection`)
    expect(ja.text).toContain(`/programs/${programId}/settings`)
    expect(ja.html).toContain('選考の画面を開く')
    // Nothing private of the applicants beyond their names.
    expect(ja.text + ja.html).not.toContain('ichika@example.com')
    const en = await smtp.waitFor('coord-en@example.com', (m) =>
      m.subject.startsWith('Daily digest')
    )
    expect(en.text).toContain('New applicants since the last digest: 2')
    expect(en.text).toContain('Interviews tomorrow: 1')
    expect(en.text).toContain('10:00–10:15 JST')
    expect(digestsTo('coord-off@example.com')).toHaveLength(0)

    // The same day again: nothing more.
    expect(await run(now + HOUR_MS)).toBe(0)
    expect(digestsTo('coord-ja@example.com')).toHaveLength(1)
  })

  it('says nothing on a day with nothing to say, and only what is new the next time', async () => {
    // The interview was "tomorrow" yesterday; a day later there is nothing new and nothing tomorrow.
    expect(await run(now + 2 * DAY_MS)).toBe(0)
    // Someone applies on the third day (written with that day's time: the digest's clock is moved).
    const storage = await openServerDatabase(server)
    try {
      await storage.postings.applications.create({
        postingId: posting.id,
        postingVersion: posting.version,
        programId,
        teamId: posting.teamId,
        statusTokenHash: `digest-${Date.now()}`,
        name: '新人 三波',
        contact: 'minami@example.com',
        motivation: '三日目の応募です。',
        skills: [],
        links: [],
        consentPool: false,
        createdAt: new Date(now + 2.5 * DAY_MS).toISOString(),
      })
    } finally {
      await storage.close()
    }
    expect(await run(now + 3 * DAY_MS)).toBe(2)
    const mail = await smtp.waitFor('coord-ja@example.com', (m) => m.text.includes('新人 三波'))
    expect(mail.text).toContain('前回のお知らせ以降の新しい応募: 1件')
    expect(mail.text).not.toContain('新人 一花')
    expect(digestsTo('coord-off@example.com')).toHaveLength(0)
  })
})
