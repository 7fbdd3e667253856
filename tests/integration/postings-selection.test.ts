/**
 * Selection against a real server: slots cut from windows, concurrent bookings of one slot (exactly one
 * wins, from the status page and from the API), moving and cancelling as the applicant sees it, calendar
 * files, stages and the talent pool, who may read and change what, erasure, CSV and figures.
 */
import { AuditLog, SELF_SERVICE_ACTOR } from '@specboard/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  Application,
  InterviewWindow,
  InvitePoolEntryResponse,
  Pipeline,
  PoolList,
  ProgramFigures,
} from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import {
  createTeamFixture,
  queryStore,
  useServer,
  type TeamFixture,
  type TestServer,
} from '../helpers/fixtures.ts'
import { applyTo, errorOf, getPage, postForm, publish, writeSection } from './postingsFixture.ts'

const HOUR_MS = 3600 * 1000

/** A window of `minutes` starting `hoursAhead` from now, on a whole hour. */
function windowAt(hoursAhead: number, minutes: number) {
  const start = Math.ceil((Date.now() + hoursAhead * HOUR_MS) / HOUR_MS) * HOUR_MS
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + minutes * 60_000).toISOString(),
  }
}

async function scheduledOnSlot(server: TestServer, slotId: string): Promise<number> {
  const [row] = await queryStore(
    server,
    "SELECT COUNT(*) AS n FROM interviews WHERE slot_id = ? AND status = 'scheduled'",
    [slotId]
  )
  return Number(row?.n)
}

describe('selection: interviews, stages and the talent pool', () => {
  const server = useServer({ env: { APPLY_RATE_LIMIT: '1000' } })
  let team: TeamFixture
  let postingId: string
  let slug: string

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Selection')
    await writeSection(server(), team.teamId, 'what', ['面談のテスト用の募集です。'])
    const posting = await publish(server(), team.teamId)
    postingId = posting.id
    slug = posting.slug
  })

  async function createWindow(hoursAhead: number, minutes: number): Promise<InterviewWindow> {
    const response = await apiRequest(
      server(),
      'POST',
      `/api/programs/${team.programId}/interview-windows`,
      { body: windowAt(hoursAhead, minutes) }
    )
    expect(response.status).toBe(201)
    return InterviewWindow.parse(response.body)
  }

  it('cuts a window into 15-minute slots and validates windows', async () => {
    const window = await createWindow(24, 60)
    expect(window.slots).toHaveLength(4)
    expect(Date.parse(window.slots[1].startsAt) - Date.parse(window.slots[0].startsAt)).toBe(
      15 * 60_000
    )
    const backwards = await apiRequest(
      server(),
      'POST',
      `/api/programs/${team.programId}/interview-windows`,
      {
        body: { startsAt: window.endsAt, endsAt: window.startsAt },
      }
    )
    expect(backwards.status).toBe(400)
    expect(errorOf(backwards).message).toMatch(/^endsAt:/)
    const owner = await apiRequest(
      server(),
      'POST',
      `/api/programs/${team.programId}/interview-windows`,
      { token: team.tokens.owner, body: windowAt(30, 30) }
    )
    expect(owner.status).toBe(403)
  })

  it('lets exactly one of many concurrent bookings of one slot through the status pages', async () => {
    const window = await createWindow(48, 15)
    const slotId = window.slots[0].id
    const tokens = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        applyTo(server(), slug, { name: `同時予約 ${i}`, contact: `race${i}@example.com` })
      )
    )
    const results = await Promise.all(
      tokens.map((token) => postForm(server(), `/applications/${token}/book`, { slot_id: slotId }))
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 303)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(11)
    expect(results.find((r) => r.status === 409)!.text).toContain('ほかの方が先に予約しました')
    expect(await scheduledOnSlot(server(), slotId)).toBe(1)
  })

  it('lets exactly one of many concurrent API bookings of one slot through', async () => {
    const window = await createWindow(72, 15)
    const slotId = window.slots[0].id
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        applyTo(server(), slug, { name: `API予約 ${i}`, contact: `api${i}@example.com` })
      )
    )
    const pipeline = Pipeline.parse(
      (await apiRequest(server(), 'GET', `/api/postings/${postingId}/applications`)).body
    )
    const waiting = pipeline.applications.filter((a) => a.name.startsWith('API予約'))
    const results = await Promise.all(
      waiting.map((a) =>
        apiRequest(server(), 'POST', `/api/applications/${a.id}/interview`, { body: { slotId } })
      )
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(
      results.filter((r) => r.status === 409).every((r) => errorOf(r).code === 'slot_taken')
    ).toBe(true)
    expect(await scheduledOnSlot(server(), slotId)).toBe(1)
  })

  it('shows the applicant a moved and then a cancelled interview, with a calendar file that follows', async () => {
    const window = await createWindow(96, 30)
    const token = await applyTo(server(), slug, { name: '移動 太郎', contact: 'move@example.com' })
    expect(
      (await postForm(server(), `/applications/${token}/book`, { slot_id: window.slots[0].id }))
        .status
    ).toBe(303)
    const booked = await getPage(server(), `/applications/${token}`)
    expect(booked.text).toContain('面談の日時が決まりました')
    const firstIcs = await getPage(server(), `/applications/${token}/interview.ics`)
    expect(firstIcs.headers.get('content-type')).toContain('text/calendar')
    expect(firstIcs.text).toContain('SEQUENCE:0')
    expect(firstIcs.text).toContain('STATUS:CONFIRMED')

    const pipeline = Pipeline.parse(
      (await apiRequest(server(), 'GET', `/api/postings/${postingId}/applications`)).body
    )
    const application = pipeline.applications.find((a) => a.name === '移動 太郎')!
    expect(application.stage).toBe('interview_scheduled')
    const interviewId = application.interview!.id
    const moved = await apiRequest(server(), 'POST', `/api/interviews/${interviewId}/move`, {
      body: { slotId: window.slots[1].id },
    })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({
      startsAt: window.slots[1].startsAt,
      movedFrom: window.slots[0].startsAt,
      sequence: 1,
    })
    expect((await getPage(server(), `/applications/${token}`)).text).toContain(
      '日時が変更されました'
    )
    expect((await getPage(server(), `/applications/${token}/interview.ics`)).text).toContain(
      'SEQUENCE:1'
    )

    const cancelled = await apiRequest(server(), 'POST', `/api/interviews/${interviewId}/cancel`, {
      body: { reason: '担当者の都合により' },
    })
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledBy: 'coordinator' })
    const page = await getPage(server(), `/applications/${token}`)
    expect(page.text).toContain('の面談はキャンセルされました')
    expect(page.text).toContain('担当者の都合により')
    expect(page.text).toContain('この日時で予約する')
    const ics = await getPage(server(), `/applications/${token}/interview.ics`)
    expect(ics.text).toContain('STATUS:CANCELLED')
    expect(ics.text).toContain('SEQUENCE:2')
    // The freed slot can be booked again.
    expect(
      (await postForm(server(), `/applications/${token}/book`, { slot_id: window.slots[0].id }))
        .status
    ).toBe(303)
  })

  it('lets the theme owner read the pipeline but not change it; other roles see nothing', async () => {
    const read = await apiRequest(server(), 'GET', `/api/postings/${postingId}/applications`, {
      token: team.tokens.owner,
    })
    expect(read.status).toBe(200)
    const readable = Pipeline.parse(read.body)
    expect(readable.canManage).toBe(false)
    const someone = readable.applications[0]
    expect(
      (
        await apiRequest(server(), 'PATCH', `/api/applications/${someone.id}`, {
          token: team.tokens.owner,
          body: { rating: 5 },
        })
      ).status
    ).toBe(403)
    for (const token of [
      team.tokens.caretaker,
      team.tokens.talent,
      team.tokens.reviewer,
      team.outsiderToken,
    ]) {
      expect(
        (await apiRequest(server(), 'GET', `/api/postings/${postingId}/applications`, { token }))
          .status
      ).toBe(403)
      expect(
        (await apiRequest(server(), 'GET', `/api/applications/${someone.id}`, { token })).status
      ).toBe(403)
    }
    expect(
      (await apiRequest(server(), 'GET', `/api/pool`, { token: team.tokens.owner })).status
    ).toBe(403)
    expect(
      (
        await apiRequest(server(), 'GET', `/api/programs/${team.programId}/figures`, {
          token: team.tokens.owner,
        })
      ).status
    ).toBe(403)
    expect((await apiRequest(server(), 'GET', `/api/applications/nope`)).status).toBe(404)
  })

  it('moves stages with notes and ratings; the pool takes only people who consented', async () => {
    const willing = await applyTo(server(), slug, {
      name: 'プール 希望',
      contact: 'pool@example.com',
      consent_pool: 'yes',
    })
    const unwilling = await applyTo(server(), slug, {
      name: 'プール 不要',
      contact: 'nopool@example.com',
      consent_pool: '',
    })
    const pipeline = Pipeline.parse(
      (await apiRequest(server(), 'GET', `/api/postings/${postingId}/applications`)).body
    )
    const yes = pipeline.applications.find((a) => a.name === 'プール 希望')!
    const no = pipeline.applications.find((a) => a.name === 'プール 不要')!

    const refused = await apiRequest(server(), 'PATCH', `/api/applications/${no.id}`, {
      body: { stage: 'pool' },
    })
    expect(refused.status).toBe(409)
    expect(errorOf(refused).code).toBe('no_pool_consent')
    expect(
      (
        await apiRequest(server(), 'PATCH', `/api/applications/${no.id}`, {
          body: { stage: 'withdrawn' },
        })
      ).status
    ).toBe(400)
    expect(
      errorOf(
        await apiRequest(server(), 'PATCH', `/api/applications/${no.id}`, { body: { rating: 6 } })
      ).message
    ).toMatch(/^rating:/)

    const pooled = await apiRequest(server(), 'PATCH', `/api/applications/${yes.id}`, {
      body: { stage: 'pool', rating: 4, note: '次のプログラムで声をかける' },
    })
    expect(pooled.status).toBe(200)
    expect(pooled.body).toMatchObject({
      stage: 'pool',
      rating: 4,
      note: '次のプログラムで声をかける',
    })
    const pool = PoolList.parse(
      (await apiRequest(server(), 'GET', '/api/pool?q=%E3%83%97%E3%83%BC%E3%83%AB')).body
    )
    expect(pool.entries.map((e) => e.name)).toEqual(['プール 希望'])
    const entry = pool.entries[0]
    expect(entry.sources[0]).toMatchObject({
      source: 'applicant',
      programId: team.programId,
      applicationId: yes.id,
    })
    expect(entry.programs.map((p) => p.id)).toEqual([team.programId])

    const tagged = await apiRequest(server(), 'PATCH', `/api/pool/${entry.id}`, {
      body: { tags: ['編集', '編集', '広報'], note: '広報に強い' },
    })
    expect(tagged.body).toMatchObject({ tags: ['編集', '広報'], note: '広報に強い' })
    expect(
      PoolList.parse((await apiRequest(server(), 'GET', '/api/pool?tag=%E5%BA%83%E5%A0%B1')).body)
        .total
    ).toBe(1)

    const invited = await apiRequest(server(), 'POST', `/api/pool/${entry.id}/invite`, {
      body: { teamId: team.teamId },
    })
    expect(invited.status).toBe(201)
    const { invite } = InvitePoolEntryResponse.parse(invited.body)
    expect(invite.role).toBe('talent')
    const info = await apiRequest(server(), 'GET', `/api/invites/${invite.token}`, { token: null })
    expect(info.body).toMatchObject({ teamId: team.teamId, role: 'talent', status: 'valid' })
    const after = PoolList.parse(
      (await apiRequest(server(), 'GET', '/api/pool')).body
    ).entries.find((e) => e.id === entry.id)!
    expect(after.invitations).toHaveLength(1)

    // Back out of the pool (a correction): the entry goes with it.
    await apiRequest(server(), 'PATCH', `/api/applications/${yes.id}`, {
      body: { stage: 'interviewed' },
    })
    expect(
      PoolList.parse((await apiRequest(server(), 'GET', '/api/pool')).body).entries.find(
        (e) => e.id === entry.id
      )
    ).toBeUndefined()
    await apiRequest(server(), 'PATCH', `/api/applications/${yes.id}`, { body: { stage: 'pool' } })
    expect(willing && unwilling).toBeTruthy()
  })

  it('erases personal data when the applicant withdraws consent, keeping the anonymous count', async () => {
    const token = await applyTo(server(), slug, {
      name: '削除 希望',
      contact: 'erase@example.com',
      consent_pool: 'yes',
    })
    const before = ProgramFigures.parse(
      (await apiRequest(server(), 'GET', `/api/programs/${team.programId}/figures`)).body
    )
    const pipeline = Pipeline.parse(
      (await apiRequest(server(), 'GET', `/api/postings/${postingId}/applications`)).body
    )
    const application = pipeline.applications.find((a) => a.name === '削除 希望')!
    await apiRequest(server(), 'PATCH', `/api/applications/${application.id}`, {
      body: { stage: 'pool' },
    })
    expect(
      PoolList.parse((await apiRequest(server(), 'GET', '/api/pool?q=erase%40example.com')).body)
        .total
    ).toBe(1)

    expect((await postForm(server(), `/applications/${token}/erase`, {})).status).toBe(400)
    const erased = await postForm(server(), `/applications/${token}/erase`, { confirm: 'yes' })
    expect(erased.status).toBe(303)
    expect((await getPage(server(), `/applications/${token}`)).text).toContain(
      '個人情報は削除されました'
    )
    const after = Application.parse(
      (await apiRequest(server(), 'GET', `/api/applications/${application.id}`)).body
    )
    expect(after).toMatchObject({
      name: '',
      contact: '',
      motivation: '',
      skills: [],
      links: [],
      isErased: true,
      consentPool: false,
    })
    expect(
      PoolList.parse((await apiRequest(server(), 'GET', '/api/pool?q=erase%40example.com')).body)
        .total
    ).toBe(0)
    const figures = ProgramFigures.parse(
      (await apiRequest(server(), 'GET', `/api/programs/${team.programId}/figures`)).body
    )
    expect(figures.actuals.applicants).toBe(before.actuals.applicants)

    // The trail says who moved the applicant and that the person erased their data, without their name.
    const audit = AuditLog.parse(
      (await apiRequest(server(), 'GET', `/api/programs/${team.programId}/audit`)).body
    )
    const acts = audit.entries.map((e) => [e.action, e.actor.name, e.detail.to ?? ''])
    expect(acts).toContainEqual(['application.stage', 'Administrator', 'pool'])
    expect(acts).toContainEqual(['application.erase', SELF_SERVICE_ACTOR, ''])
    expect(
      JSON.stringify(audit.entries.filter((e) => e.action === 'application.erase'))
    ).not.toContain('削除 希望')
  })

  it('exports applicants and the pool as UTF-8 CSV with a BOM, formulas neutralised', async () => {
    await applyTo(server(), slug, {
      name: '=HYPERLINK("http://evil.example","x")',
      contact: '+81 90 1234 5678',
    })
    const response = await fetch(`${server().url}/api/postings/${postingId}/applications.csv`, {
      headers: { authorization: `Bearer ${server().adminToken}` },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    // The file is named for the posting and the day, in ASCII and (filename*) as UTF-8.
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="applicants-[\w.-]+-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''applicants-[^']+\.csv$/
    )
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFF応募日時,求人,チーム,段階,氏名,連絡先,スキル,リンク,応募の動機,人材プールへの同意,評価,メモ,面談,面談実施,デモデータ'
    )
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""x"")"')
    expect(text).toContain("'+81 90 1234 5678")
    const pool = await fetch(`${server().url}/api/pool.csv`, {
      headers: { authorization: `Bearer ${server().adminToken}` },
    })
    expect(
      new TextDecoder('utf-8', { ignoreBOM: true })
        .decode(new Uint8Array(await pool.arrayBuffer()))
        .startsWith('\uFEFF氏名,連絡先')
    ).toBe(true)
    const program = await fetch(`${server().url}/api/programs/${team.programId}/applications.csv`, {
      headers: { authorization: `Bearer ${server().adminToken}` },
    })
    expect(program.status).toBe(200)
  })

  it('reports the program figures against its targets', async () => {
    const figures = ProgramFigures.parse(
      (await apiRequest(server(), 'GET', `/api/programs/${team.programId}/figures`)).body
    )
    expect(figures.actuals.postings).toBe(1)
    expect(figures.actuals.teams).toBe(2)
    expect(figures.actuals.applicants).toBeGreaterThan(20)
    // No pitch of this program has had an audience yet.
    expect(figures.actuals.pitchAudience).toBe(0)
    expect(figures.actuals.talentPool).toBe(1)
    expect(figures.interviewsScheduled).toBeGreaterThanOrEqual(3)
    expect(figures.perPosting[0].counts.applied).toBeGreaterThan(0)
    expect(figures.applicationsByDay.at(-1)!.count).toBe(figures.actuals.applicants)
  })
})
