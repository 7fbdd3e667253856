/** The demo program publishes its five sheets with a pipeline that tells the original account's numbers. */
import { describe, expect, it } from 'vitest'
import { Pipeline, PostingList, ProgramFigures, ProgramList } from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import { useServer } from '../helpers/fixtures.ts'
import { getPage } from './postingsFixture.ts'

describe('the demo postings', () => {
  const server = useServer({ env: { SEED_DEMO: '1' } })

  it('shows five open demo postings on the public list, marked as demo and kept out of search engines', async () => {
    const list = await getPage(server(), '/postings')
    expect(list.text.match(/class="card posting-card"/g)).toHaveLength(5)
    expect(list.text.match(/<span class="badge demo">デモ<\/span>/g)).toHaveLength(5)
    const slug = /href="\/postings\/(job-[a-f0-9]+)"/.exec(list.text)![1]
    const page = await getPage(server(), `/postings/${slug}`)
    expect(page.text).toContain('<meta name="robots" content="noindex">')
    expect(page.text).toContain('デモ用の募集です')
    expect(page.text).toContain('name="motivation"')
  })

  it('reports the seed figures: 72 applicants, 10 placed, 22 kept in the pool, interviews for the rest', async () => {
    const programs = ProgramList.parse((await apiRequest(server(), 'GET', '/api/programs')).body)
    const programId = programs.programs[0].id
    const figures = ProgramFigures.parse(
      (await apiRequest(server(), 'GET', `/api/programs/${programId}/figures`)).body
    )
    expect(figures.actuals).toMatchObject({ teams: 5, postings: 5, applicants: 72, placements: 10 })
    expect(figures.stageCounts.pool).toBe(22)
    expect(figures.talentPoolBySource.applicant).toBe(22)
    expect(figures.actuals.interviews).toBe(62)
    expect(figures.interviewsScheduled).toBe(5)
    expect(figures.progress.find((p) => p.key === 'placements')).toMatchObject({
      target: 3,
      actual: 10,
    })

    const postings = PostingList.parse(
      (await apiRequest(server(), 'GET', `/api/programs/${programId}/postings`)).body
    )
    expect(postings.postings.every((p) => p.isDemo && p.isOpen)).toBe(true)
    const pipeline = Pipeline.parse(
      (await apiRequest(server(), 'GET', `/api/postings/${postings.postings[0].id}/applications`))
        .body
    )
    expect(pipeline.applications.every((a) => a.isDemo)).toBe(true)
    expect(pipeline.counts.applied + pipeline.counts.interview_scheduled).toBeGreaterThan(0)
  })
})
