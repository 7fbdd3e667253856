/**
 * Retention (issue 14), on the engine of this project (SQLite, or PostgreSQL in integration-pg): the
 * personal data of applicants who were neither placed nor pooled is erased the program's retention
 * period after the posting closed — by the server's own periodic job, by two instances at once without
 * counting anyone twice, or now by a coordinator — and each erasure is in the audit trail with its count
 * and without names. The clock is moved by calling the erasure with a later `now` on the server's database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AuditLog,
  InterviewWindow,
  MailProblems,
  Pipeline,
  PoolList,
  PostingFacts,
  Program,
  RetentionOverview,
  SYSTEM_ACTOR,
} from '@specboard/shared'
import type { Storage } from '../../server/src/ports/Storage.ts'
import { eraseExpired } from '../../server/src/selection/retention.ts'
import { openPostgresStorage } from '../../server/src/storage/postgres/PostgresStorage.ts'
import { openSqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage.ts'
import { apiRequest, createProgram, createTeam } from '../helpers/api.ts'
import { startServer, type TestServer } from '../helpers/startServer.ts'
import { applyTo, errorOf, factsWith, getPage, publish, writeSection } from './postingsFixture.ts'

const DAY_MS = 24 * 3600 * 1000
const HOUR_MS = 3600 * 1000

/** The server's own database, opened in this process (the server keeps running on it). */
function openServerDatabase(server: TestServer): Promise<Storage> | Storage {
  return server.env.DATABASE_URL
    ? openPostgresStorage(server.env.DATABASE_URL)
    : openSqliteStorage(server.dbFile)
}

describe('retention of applicants’ personal data', () => {
  let server: TestServer
  let programId: string
  let postingId: string
  let slug: string
  const tokens: Record<string, string> = {}

  const pipeline = async () =>
    Pipeline.parse(
      (await apiRequest(server, 'GET', `/api/postings/${postingId}/applications`)).body
    )
  const audit = async () =>
    AuditLog.parse((await apiRequest(server, 'GET', `/api/programs/${programId}/audit`)).body)
      .entries
  const retention = async () =>
    RetentionOverview.parse(
      (await apiRequest(server, 'GET', `/api/programs/${programId}/retention`)).body
    )

  beforeAll(async () => {
    server = await startServer({ env: { APPLY_RATE_LIMIT: '1000' } })
    programId = await createProgram(server, 'Retention program')
    const team = await createTeam(server, programId, 'Retention team')
    await writeSection(server, team.id, 'what', ['保存期間のテスト用の募集です。'])
    const posting = await publish(server, team.id)
    postingId = posting.id
    slug = posting.slug
    for (const [key, name, pool] of [
      ['applied', '応募 一郎', ''],
      ['declined', '見送り 二郎', ''],
      ['placed', '採用 三郎', ''],
      ['pool', 'プール 四郎', 'yes'],
      ['consenting', '同意 五郎', 'yes'],
    ] as const)
      tokens[key] = await applyTo(server, slug, {
        name,
        contact: `${key}@example.com`,
        consent_pool: pool,
      })
    const byName = new Map((await pipeline()).applications.map((a) => [a.name, a.id]))
    for (const [name, stage] of [
      ['見送り 二郎', 'declined'],
      ['採用 三郎', 'placed'],
      ['プール 四郎', 'pool'],
    ] as const) {
      const moved = await apiRequest(server, 'PATCH', `/api/applications/${byName.get(name)}`, {
        body: { stage, note: `${name}さんのメモ`, rating: 4 },
      })
      expect(moved.status).toBe(200)
    }
    // An interview cancelled with a reason that names the person: the reason is personal data too.
    const start = Math.ceil((Date.now() + 48 * HOUR_MS) / HOUR_MS) * HOUR_MS
    const window = InterviewWindow.parse(
      (
        await apiRequest(server, 'POST', `/api/programs/${programId}/interview-windows`, {
          body: {
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 30 * 60_000).toISOString(),
          },
        })
      ).body
    )
    const booked = await apiRequest(
      server,
      'POST',
      `/api/applications/${byName.get('応募 一郎')}/interview`,
      { body: { slotId: window.slots[0]!.id } }
    )
    expect(booked.status).toBe(201)
    const interviewId = (booked.body as { id: string }).id
    await apiRequest(server, 'POST', `/api/interviews/${interviewId}/cancel`, {
      body: { reason: '応募 一郎さんのご都合により' },
    })
  })

  afterAll(async () => {
    await server?.stop()
  })

  it('tells applicants on the form, in Japanese and English, when their data is erased', async () => {
    const ja = await getPage(server, `/postings/${slug}`)
    expect(ja.text).toContain('入力内容は募集の締切から6か月後に自動で削除します')
    const en = await getPage(server, `/postings/${slug}?lang=en`)
    expect(en.text).toContain('deleted automatically 6 months after the posting closes')
  })

  it('keeps the period as a program setting, validated, six months by default', async () => {
    const path = `/api/programs/${programId}`
    expect(Program.parse((await apiRequest(server, 'GET', path)).body).retentionMonths).toBe(6)
    for (const bad of [0, 61, 2.5, '6'])
      expect(
        (await apiRequest(server, 'PATCH', path, { body: { retentionMonths: bad } })).status
      ).toBe(400)
    expect(Program.parse((await apiRequest(server, 'GET', path)).body).retentionMonths).toBe(6)
    const changed = await apiRequest(server, 'PATCH', path, { body: { retentionMonths: 12 } })
    expect(changed.status).toBe(200)
    expect(Program.parse((await apiRequest(server, 'GET', path)).body).retentionMonths).toBe(12)
    expect((await getPage(server, `/postings/${slug}`)).text).toContain('締切から12か月後')
    expect((await audit()).some((e) => e.action === 'program.update')).toBe(true)
    await apiRequest(server, 'PATCH', path, { body: { retentionMonths: 6 } })
  })

  it('erases nothing while the posting is open, and a coordinator cannot erase it early', async () => {
    const overview = await retention()
    expect(overview.postings).toEqual([
      expect.objectContaining({ postingId, closedAt: null, eraseAt: null, pending: 3, erased: 0 }),
    ])
    const refused = await apiRequest(server, 'POST', `/api/programs/${programId}/retention/erase`, {
      body: { postingId },
    })
    expect(refused.status).toBe(409)
    expect(errorOf(refused).code).toBe('posting_open')
    const storage = await openServerDatabase(server)
    try {
      expect(await eraseExpired(storage, Date.now() + DAY_MS)).toBe(0)
    } finally {
      await storage.close()
    }
  })

  it('erases unplaced, unpooled applicants six months after the posting closed, once, across two instances', async () => {
    const unpublished = await apiRequest(
      server,
      'POST',
      `/api/teams/${(await pipeline()).posting.teamId}/posting/unpublish`
    )
    expect(unpublished.status).toBe(200)
    const overview = await retention()
    const row = overview.postings[0]!
    expect(row.closedAt).not.toBeNull()
    const eraseAt = Date.parse(row.eraseAt!)
    expect(eraseAt - Date.parse(row.closedAt!)).toBeGreaterThan(180 * DAY_MS)
    expect(eraseAt - Date.parse(row.closedAt!)).toBeLessThan(185 * DAY_MS)
    const countsBefore = (await pipeline()).counts

    // Two instances sweep at the same moment (PostgreSQL; one SQLite file has one writer, and two
    // connections in one process would wait on each other): each applicant is erased, and counted, once.
    const one = await openServerDatabase(server)
    const two = server.env.DATABASE_URL ? await openServerDatabase(server) : one
    try {
      expect(await eraseExpired(one, eraseAt - DAY_MS)).toBe(0)
      const swept = await Promise.all([
        eraseExpired(one, eraseAt + HOUR_MS),
        eraseExpired(two, eraseAt + HOUR_MS),
      ])
      expect(swept[0] + swept[1]).toBe(3)
      expect(await eraseExpired(one, eraseAt + 2 * HOUR_MS)).toBe(0)
    } finally {
      await one.close()
      if (two !== one) await two.close()
    }

    const after = await pipeline()
    expect(after.counts).toEqual(countsBefore)
    const byStage = (stage: string) => after.applications.filter((a) => a.stage === stage)
    for (const a of after.applications) {
      const kept = a.stage === 'placed' || a.stage === 'pool'
      expect(a.isErased).toBe(!kept)
      if (kept) continue
      expect([a.name, a.contact, a.motivation, a.note]).toEqual(['', '', '', ''])
      expect([a.skills, a.links, a.rating, a.consentPool]).toEqual([[], [], null, false])
      expect(a.interview?.cancelReason ?? null).toBeNull()
    }
    expect(byStage('placed')[0]!.name).toBe('採用 三郎')
    expect(byStage('pool')[0]!.name).toBe('プール 四郎')
    // The interview's times stay for the figures.
    expect(after.applications.some((a) => a.interview?.status === 'cancelled')).toBe(true)

    // Their status links open nothing any more; the kept applicants' still do.
    expect((await getPage(server, `/applications/${tokens.applied}`)).status).toBe(404)
    expect((await getPage(server, `/applications/${tokens.consenting}`)).status).toBe(404)
    expect((await getPage(server, `/applications/${tokens.placed}`)).status).toBe(200)

    const erasures = (await audit()).filter((e) => e.action === 'applications.erase')
    expect(erasures.reduce((n, e) => n + Number(e.detail.count), 0)).toBe(3)
    for (const e of erasures) {
      expect(e.actor).toEqual({ personId: null, name: SYSTEM_ACTOR })
      expect(e.detail.months).toBe('6')
      expect(JSON.stringify(e)).not.toMatch(/一郎|二郎|五郎|example\.com/)
    }
    expect(await retention()).toMatchObject({ postings: [{ pending: 0, erased: 3 }] })

    // Applicants still count in the figures.
    const figures = await apiRequest(server, 'GET', `/api/programs/${programId}/figures`)
    expect(JSON.stringify(figures.body)).toContain('"applicants":5')
  })

  it('lets a coordinator erase a closed posting now, recorded under their name', async () => {
    const team = await createTeam(server, programId, 'Second team')
    await writeSection(server, team.id, 'what', ['二つ目の募集です。'])
    const second = await publish(server, team.id, factsWith({ title: '二つ目の募集' }))
    await applyTo(server, second.slug, { name: '早期 六郎', contact: 'early@example.com' })
    await apiRequest(server, 'POST', `/api/teams/${team.id}/posting/unpublish`)
    // Mail that could not be delivered to them names their address; a kept applicant's stays.
    const storage = await openServerDatabase(server)
    try {
      for (const to of ['early@example.com', 'placed@example.com'])
        await storage.mailFailures.add(programId, {
          id: `failure-${to}`,
          kind: 'result',
          to,
          subject: '選考結果のお知らせ',
          at: new Date().toISOString(),
          error: '550 mailbox unavailable',
        })
    } finally {
      await storage.close()
    }
    const mailProblems = async () =>
      MailProblems.parse(
        (await apiRequest(server, 'GET', `/api/programs/${programId}/mail-problems`)).body
      ).failures.map((p) => p.to)
    expect((await mailProblems()).sort()).toEqual(['early@example.com', 'placed@example.com'])
    const path = `/api/programs/${programId}/retention/erase`
    expect((await apiRequest(server, 'POST', path, { body: {} })).status).toBe(400)
    expect((await apiRequest(server, 'POST', path, { body: { postingId: 'nope' } })).status).toBe(
      404
    )
    const erased = await apiRequest(server, 'POST', path, { body: { postingId: second.id } })
    expect(erased.status).toBe(200)
    expect(erased.body).toEqual({ erased: 1 })
    expect(
      (await apiRequest(server, 'POST', path, { body: { postingId: second.id } })).body
    ).toEqual({
      erased: 0,
    })
    const entry = (await audit()).find((e) => e.subject === '二つ目の募集')!
    expect(entry).toMatchObject({ action: 'applications.erase', detail: { count: '1' } })
    expect(entry.actor.name).not.toBe(SYSTEM_ACTOR)
    expect(await mailProblems()).toEqual(['placed@example.com'])
  })

  it('runs the erasure by itself when the server starts', async () => {
    // A posting that closed eight months ago, written straight into the database.
    const storage = await openServerDatabase(server)
    const team = await storage.records.createTeam({
      programId,
      name: 'Old team',
      organization: null,
    })
    const longAgo = Date.now() - 240 * DAY_MS
    try {
      const { posting, version } = await storage.postings.publishing.publish({
        teamId: team.id,
        programId,
        slug: `old-${Date.now()}`,
        facts: PostingFacts.parse(
          factsWith({ title: '八か月前の募集', deadline: new Date(longAgo).toISOString() })
        ),
        snapshot: new Uint8Array([0, 0]),
        html: '<p>old</p>',
        excerpt: 'old',
        publishedBy: null,
        publishedAt: new Date(longAgo - 14 * DAY_MS).toISOString(),
      })
      await storage.postings.applications.create({
        postingId: posting.id,
        postingVersion: version.version,
        programId,
        teamId: team.id,
        statusTokenHash: `old-${Date.now()}`,
        name: '古い 七郎',
        contact: 'old@example.com',
        motivation: '八か月前の応募です。',
        skills: [],
        links: [],
        consentPool: false,
        createdAt: new Date(longAgo - 7 * DAY_MS).toISOString(),
      })
    } finally {
      await storage.close()
    }
    await server.restart()
    let row: RetentionOverview['postings'][number] | undefined
    for (let i = 0; i < 100; i++) {
      row = (await retention()).postings.find((p) => p.title === '八か月前の募集')
      if (row?.erased === 1) break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(row).toMatchObject({ pending: 0, erased: 1 })
    const entry = (await audit()).find((e) => e.subject === '八か月前の募集')!
    expect(entry).toMatchObject({ actor: { name: SYSTEM_ACTOR }, detail: { count: '1' } })
  })

  it('records publishing, unpublishing and a pool erasure by whom and when, without names', async () => {
    const pooled = PoolList.parse(
      (await apiRequest(server, 'GET', '/api/pool?q=pool%40example.com')).body
    ).entries
    expect(pooled).toHaveLength(1)
    expect((await apiRequest(server, 'DELETE', `/api/pool/${pooled[0]!.id}`)).status).toBe(204)
    const entries = await audit()
    for (const action of ['posting.publish', 'posting.unpublish', 'pool.erase']) {
      const entry = entries.find((e) => e.action === action)
      expect(entry, action).toBeDefined()
      expect(entry!.actor.name).toBe('Administrator')
      expect(Date.parse(entry!.at)).toBeGreaterThan(Date.now() - 3600_000)
    }
    expect(JSON.stringify(entries.filter((e) => e.action === 'pool.erase'))).not.toMatch(
      /四郎|pool@example\.com/
    )
  })
})
