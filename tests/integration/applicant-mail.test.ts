/**
 * Mail to applicants through a real in-process SMTP server (issue 14): received with the status link,
 * interview booked / moved / cancelled with an .ics whose SEQUENCE rises, a result in words, leaving the
 * pool confirmed; retries after temporary failures; mail given up on shown to the coordinator; and
 * nothing about another applicant in anyone's mail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InterviewWindow, MailProblems, Pipeline } from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import { createTeamFixture, type TeamFixture } from '../helpers/fixtures.ts'
import { linkIn, startSmtpServer, type TestSmtpServer } from '../helpers/smtpServer.ts'
import { startServer, type TestServer } from '../helpers/startServer.ts'
import { applyTo, formFields, getPage, postForm, publish, writeSection } from './postingsFixture.ts'

const HOUR_MS = 3600 * 1000

describe('applicant mail', () => {
  let smtp: TestSmtpServer
  let server: TestServer
  let team: TeamFixture
  let postingId: string
  let slug: string
  let slots: InterviewWindow['slots']

  beforeAll(async () => {
    smtp = await startSmtpServer()
    server = await startServer({
      env: { SMTP_URL: smtp.url, MAIL_RETRY_DELAYS_MS: '100,200,300', APPLY_RATE_LIMIT: '1000' },
    })
    team = await createTeamFixture(server, 'Mail')
    await writeSection(server, team.teamId, 'what', ['メールのテスト用の募集です。'])
    const posting = await publish(server, team.teamId)
    postingId = posting.id
    slug = posting.slug
    const start = Math.ceil((Date.now() + 48 * HOUR_MS) / HOUR_MS) * HOUR_MS
    const window = await apiRequest(
      server,
      'POST',
      `/api/programs/${team.programId}/interview-windows`,
      {
        body: {
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + 60 * 60_000).toISOString(),
        },
      }
    )
    slots = InterviewWindow.parse(window.body).slots
  })

  afterAll(async () => {
    await server?.stop()
    await smtp?.close()
  })

  async function applicationOf(contact: string) {
    const pipeline = Pipeline.parse(
      (await apiRequest(server, 'GET', `/api/postings/${postingId}/applications`)).body
    )
    return pipeline.applications.find((a) => a.contact === contact)!
  }

  it('sends the status link when an application arrives, and the link opens the status page', async () => {
    const token = await applyTo(server, slug, { name: '受付 花子', contact: 'hanako@example.com' })
    const mail = await smtp.waitFor('hanako@example.com', (m) =>
      m.subject.includes('応募を受け付けました')
    )
    expect(mail.text).toContain('受付 花子 様')
    const link = linkIn(mail, '/applications/')
    expect(new URL(link).pathname).toBe(`/applications/${token}`)
    expect((await getPage(server, new URL(link).pathname)).status).toBe(200)
    expect(mail.html).toContain('応募状況を見る')
  })

  it('writes to an applicant who applied in English in English', async () => {
    const english = await fetch(`${server.url}/postings/${slug}?lang=en`)
    const cookie = english.headers.get('set-cookie')!.split(';')[0]!
    const sent = await postForm(
      server,
      `/postings/${slug}/apply`,
      formFields({ name: 'Alex Chen', contact: 'alex@example.com' }),
      { cookie }
    )
    expect(sent.status).toBe(303)
    const mail = await smtp.waitFor('alex@example.com', (m) =>
      m.subject.startsWith('We have received your application')
    )
    expect(mail.text).toContain('Dear Alex Chen,')
    expect(mail.text).toContain('See your application')
    // The language is stored with the application: the coordinator's decision reaches Alex in English.
    const alex = await applicationOf('alex@example.com')
    await apiRequest(server, 'PATCH', `/api/applications/${alex.id}`, {
      body: { stage: 'declined' },
    })
    const result = await smtp.waitFor('alex@example.com', (m) =>
      m.subject.startsWith('About the result of your application')
    )
    expect(result.text).toContain('Dear Alex Chen,')
  })

  it('attaches the interview as .ics when booked, moved and cancelled, SEQUENCE rising', async () => {
    await applyTo(server, slug, { name: '面談 太郎', contact: 'taro@example.com' })
    const taro = await applicationOf('taro@example.com')
    const booked = await apiRequest(server, 'POST', `/api/applications/${taro.id}/interview`, {
      body: { slotId: slots[0]!.id },
    })
    expect(booked.status).toBe(201)
    const interviewId = (booked.body as { id: string }).id
    const first = await smtp.waitFor('taro@example.com', (m) =>
      m.subject.includes('面談の日時が決まりました')
    )
    expect(first.raw).toMatch(/filename="?interview\.ics"?/)
    expect(icsOf(first)).toContain('STATUS:CONFIRMED')
    const seq0 = sequenceOf(first)

    await apiRequest(server, 'POST', `/api/interviews/${interviewId}/move`, {
      body: { slotId: slots[1]!.id },
    })
    const moved = await smtp.waitFor('taro@example.com', (m) =>
      m.subject.includes('日時が変わりました')
    )
    expect(moved.text).toContain('変更前')
    expect(sequenceOf(moved)).toBeGreaterThan(seq0)

    await apiRequest(server, 'POST', `/api/interviews/${interviewId}/cancel`, {
      body: { reason: '担当者の急病のため' },
    })
    const cancelled = await smtp.waitFor('taro@example.com', (m) =>
      m.subject.includes('キャンセル')
    )
    expect(cancelled.text).toContain('担当者の急病のため')
    expect(icsOf(cancelled)).toContain('STATUS:CANCELLED')
    expect(sequenceOf(cancelled)).toBeGreaterThan(sequenceOf(moved))
    // The same event throughout: a calendar updates it instead of adding another.
    expect(uidOf(cancelled)).toBe(uidOf(first))
    // Taro's mail names nobody else.
    for (const m of smtp.messages.filter((m) => m.to.includes('taro@example.com')))
      expect(m.text).not.toContain('受付 花子')
  })

  it('tells the result in words and confirms leaving the pool', async () => {
    const token = await applyTo(server, slug, { name: '結果 次郎', contact: 'jiro@example.com' })
    const jiro = await applicationOf('jiro@example.com')
    await apiRequest(server, 'PATCH', `/api/applications/${jiro.id}`, { body: { stage: 'pool' } })
    const result = await smtp.waitFor('jiro@example.com', (m) => m.subject.includes('選考の結果'))
    expect(result.text).toContain('人材プールに登録しました')
    expect(new URL(linkIn(result, '/applications/')).pathname).toBe(`/applications/${token}`)
    await postForm(server, `/applications/${token}/leave-pool`, {})
    const left = await smtp.waitFor('jiro@example.com', (m) =>
      m.subject.includes('人材プールの登録を削除しました')
    )
    expect(left.text).toContain('削除しました')
  })

  it('retries after temporary failures without holding up the application', async () => {
    smtp.failNext(2)
    const started = Date.now()
    await applyTo(server, slug, { name: '再送 三郎', contact: 'saburo@example.com' })
    expect(Date.now() - started).toBeLessThan(2000)
    const mail = await smtp.waitFor('saburo@example.com', (m) =>
      m.subject.includes('応募を受け付けました')
    )
    expect(mail.text).toContain('再送 三郎 様')
  })

  it('shows the coordinator mail given up on, and only to those who run the selection', async () => {
    smtp.failNext(100)
    await applyTo(server, slug, { name: '不達 四郎', contact: 'shiro@example.com' })
    await expect
      .poll(
        async () =>
          MailProblems.parse(
            (await apiRequest(server, 'GET', `/api/programs/${team.programId}/mail-problems`)).body
          ).failures.map((f) => f.to),
        { timeout: 5000 }
      )
      .toContain('shiro@example.com')
    smtp.failNext(0)
    const talent = await apiRequest(
      server,
      'GET',
      `/api/programs/${team.programId}/mail-problems`,
      {
        token: team.tokens.talent,
      }
    )
    expect(talent.status).toBe(403)

    // Reached another way, the coordinator takes it off the list; nobody else may.
    const problems = MailProblems.parse(
      (await apiRequest(server, 'GET', `/api/programs/${team.programId}/mail-problems`)).body
    ).failures
    const shiro = problems.find((f) => f.to === 'shiro@example.com')!
    const path = `/api/programs/${team.programId}/mail-problems/${shiro.id}`
    expect((await apiRequest(server, 'DELETE', path, { token: team.tokens.talent })).status).toBe(
      403
    )
    expect((await apiRequest(server, 'DELETE', path)).status).toBe(204)
    expect((await apiRequest(server, 'DELETE', path)).status).toBe(404)
    const after = MailProblems.parse(
      (await apiRequest(server, 'GET', `/api/programs/${team.programId}/mail-problems`)).body
    ).failures
    expect(after.map((f) => f.id)).toEqual(problems.filter((f) => f !== shiro).map((f) => f.id))
  })

  it('tells placed and declined applicants in words, and every mail has the status link and no one else', async () => {
    for (const [name, contact, stage, subject, words] of [
      [
        '採用 五郎',
        'goro@example.com',
        'placed',
        'ぜひ一緒に取り組ませてください',
        '一緒に取り組みたい',
      ],
      [
        '見送り 六郎',
        'rokuro@example.com',
        'declined',
        '選考の結果について',
        '心から感謝しています',
      ],
    ] as const) {
      await applyTo(server, slug, { name, contact })
      const application = await applicationOf(contact)
      await apiRequest(server, 'PATCH', `/api/applications/${application.id}`, { body: { stage } })
      const mail = await smtp.waitFor(contact, (m) => m.subject.startsWith(subject))
      expect(mail.text).toContain(words)
    }
    const applicants = [
      ['受付 花子', 'hanako@example.com'],
      ['Alex Chen', 'alex@example.com'],
      ['面談 太郎', 'taro@example.com'],
      ['結果 次郎', 'jiro@example.com'],
      ['再送 三郎', 'saburo@example.com'],
      ['採用 五郎', 'goro@example.com'],
      ['見送り 六郎', 'rokuro@example.com'],
    ]
    let checked = 0
    for (const [, contact] of applicants)
      for (const mail of smtp.messages.filter((m) => m.to.includes(contact))) {
        checked++
        // Every mail links to the applicant's own status page (from which they also leave the pool).
        expect(new URL(linkIn(mail, '/applications/')).pathname).toMatch(/^\/applications\/[\w-]+$/)
        for (const [otherName, otherContact] of applicants)
          if (otherContact !== contact)
            for (const part of [mail.text, mail.html, mail.subject]) {
              expect(part).not.toContain(otherName)
              expect(part).not.toContain(otherContact)
            }
      }
    // received ×7, English result, .ics ×3, pool result, pool left, placed, declined
    expect(checked).toBeGreaterThanOrEqual(15)
  })
})

function icsOf(mail: { raw: string }): string {
  const part = mail.raw
    .split(/\r?\n--[^\r\n]+\r?\n/)
    .find((p) => /content-type:\s*text\/calendar/i.test(p))
  if (!part) throw new Error('no calendar part')
  const split = part.search(/\r?\n\r?\n/)
  const headers = part.slice(0, split)
  const body = part.slice(split).trim()
  return /base64/i.test(headers)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body
}

function sequenceOf(mail: { raw: string }): number {
  return Number(/SEQUENCE:(\d+)/.exec(icsOf(mail))![1])
}

function uidOf(mail: { raw: string }): string {
  return /UID:(\S+)/.exec(icsOf(mail))![1]!
}
