/**
 * The rough edges a coordinator hit (issue 14), against a real server: interviews held counted from the
 * pipeline and agreeing with the CSV, a second application from one contact refused in words, optional
 * fields left out of the body, the status page after leaving the pool, and what a talent sees of the
 * program's postings.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { Pipeline, PostingList, ProgramFigures } from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import { createTeamFixture, useServer, type TeamFixture } from '../helpers/fixtures.ts'
import { applyTo, formFields, getPage, postForm, publish, writeSection } from './postingsFixture.ts'

describe('selection: figures, duplicates and what each person sees', () => {
  const server = useServer({ env: { APPLY_RATE_LIMIT: '1000' } })
  let team: TeamFixture
  let postingId: string
  let slug: string

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Fixes')
    await writeSection(server(), team.teamId, 'what', ['面談の数え方を確かめる募集です。'])
    const posting = await publish(server(), team.teamId)
    postingId = posting.id
    slug = posting.slug
  })

  async function pipeline() {
    return Pipeline.parse(
      (await apiRequest(server(), 'GET', `/api/postings/${postingId}/applications`)).body
    ).applications
  }

  it('counts four applicants marked interviewed as four interviews held, in the figures and the CSV', async () => {
    for (let i = 0; i < 6; i++) await applyTo(server(), slug, { contact: `held${i}@example.com` })
    const applications = await pipeline()
    for (const a of applications.slice(0, 4)) {
      const moved = await apiRequest(server(), 'PATCH', `/api/applications/${a.id}`, {
        body: { stage: 'interviewed' },
      })
      expect(moved.status).toBe(200)
    }
    // A placement follows an interview too, however it was arranged.
    await apiRequest(server(), 'PATCH', `/api/applications/${applications[4].id}`, {
      body: { stage: 'placed' },
    })
    const figures = ProgramFigures.parse(
      (await apiRequest(server(), 'GET', `/api/programs/${team.programId}/figures`)).body
    )
    expect(figures.actuals.interviews).toBe(5)
    expect(figures.funnel.find((f) => f.key === 'interviewed')!.count).toBe(5)
    expect(figures.interviewsScheduled).toBe(0)

    const csv = await fetch(`${server().url}/api/postings/${postingId}/applications.csv`, {
      headers: { authorization: `Bearer ${server().adminToken}` },
    }).then((r) => r.text())
    const [header, ...rows] = csv.trim().split('\r\n')
    const column = header.split(',').indexOf('面談実施')
    expect(column).toBeGreaterThan(0)
    expect(rows.filter((r) => r.split(',')[column] === '済み')).toHaveLength(5)
  })

  it('refuses a second application from the same contact, in words', async () => {
    await applyTo(server(), slug, { contact: 'Twice@Example.com' })
    const again = await postForm(
      server(),
      `/postings/${slug}/apply`,
      formFields({ contact: ' twice@example.com ' })
    )
    expect(again.status).toBe(409)
    expect(again.text).toContain('この連絡先からの応募はすでに受け付けています')
    const twice = (await pipeline()).filter((a) => a.contact.toLowerCase().includes('twice'))
    expect(twice).toHaveLength(1)
  })

  it('accepts an application whose optional fields are left out of the body', async () => {
    const fields = formFields({ contact: 'minimal@example.com' })
    delete fields.skills
    delete fields.links
    delete fields.consent_pool
    delete fields.website
    const sent = await postForm(server(), `/postings/${slug}/apply`, fields)
    expect(sent.status).toBe(303)
    const missing = await postForm(server(), `/postings/${slug}/apply`, {
      consent_data: 'yes',
    })
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('お名前を入力してください')
    expect(missing.text).not.toContain('Invalid input')
  })

  it('stops saying "in the pool" once the applicant has left it', async () => {
    const token = await applyTo(server(), slug, { contact: 'pooled@example.com' })
    const application = (await pipeline()).find((a) => a.contact === 'pooled@example.com')!
    await apiRequest(server(), 'PATCH', `/api/applications/${application.id}`, {
      body: { stage: 'pool' },
    })
    expect((await getPage(server(), `/applications/${token}`)).text).toContain(
      '人材プールに登録しました'
    )
    const left = await postForm(server(), `/applications/${token}/leave-pool`, {})
    expect(left.status).toBe(303)
    const page = (await getPage(server(), `/applications/${token}`)).text
    expect(page).not.toContain('人材プールに登録しました')
    expect(page).toContain('人材プールへの登録は、ご希望により取り消しました')
  })

  it('shows a talent the open postings as public links, and applicants to nobody without the right', async () => {
    const asTalent = PostingList.parse(
      (
        await apiRequest(server(), 'GET', `/api/programs/${team.programId}/postings`, {
          token: team.tokens.talent,
        })
      ).body
    )
    expect(asTalent.postings).toHaveLength(0)
    expect(asTalent.published).toHaveLength(1)
    expect(asTalent.published[0]).toMatchObject({ id: postingId, isOpen: true })
    expect(JSON.stringify(asTalent)).not.toContain('counts')
    const asOwner = PostingList.parse(
      (
        await apiRequest(server(), 'GET', `/api/programs/${team.programId}/postings`, {
          token: team.tokens.owner,
        })
      ).body
    )
    expect(asOwner.postings).toHaveLength(1)
    expect(asOwner.published).toHaveLength(0)
  })
})
