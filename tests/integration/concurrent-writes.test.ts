/**
 * Requests that create the same record at the same moment (issue 9): each gets its domain answer, never
 * a 500 from a unique key, and the stored records are what one-at-a-time requests would have left.
 * Inserts go first and conflicts are answered (ON CONFLICT), instead of a check that two requests can
 * pass together. Runs on SQLite and on PostgreSQL (where the race was: READ COMMITTED lets both checks
 * pass and the second insert fail).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { PoolList, Round } from '@specboard/shared'
import { apiRequest, createTeam } from '../helpers/api.ts'
import { createTeamFixture, queryStore, useServer, type TeamFixture } from '../helpers/fixtures.ts'
import {
  applyTo,
  factsWith,
  formFields,
  postForm,
  publish,
  writeSection,
} from './postingsFixture.ts'

const AT_ONCE = 6

describe('records created by several requests at once', () => {
  const server = useServer({ env: { APPLY_RATE_LIMIT: '1000' } })
  let team: TeamFixture
  let slug: string

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Concurrent')
    await writeSection(server(), team.teamId, 'what', ['同時に書き込むテストの募集です。'])
    const posting = await publish(server(), team.teamId)
    slug = posting.slug
  })

  it('puts one person moved to the pool from several applications at once in one entry', async () => {
    // One person applies to several postings (one application per posting and contact).
    const contact = 'same-person@example.com'
    const slugs = [slug]
    for (let i = 1; i < AT_ONCE; i++) {
      const other = await createTeam(server(), team.programId, `Concurrent ${i}`)
      await writeSection(server(), other.id, 'what', [`募集 ${i}`])
      slugs.push((await publish(server(), other.id)).slug)
    }
    for (const [i, s] of slugs.entries())
      await applyTo(server(), s, { name: '同時 太郎', contact, skills: `技能${i}` })
    const applications = await queryStore(
      server(),
      'SELECT id FROM applications WHERE contact = ?',
      [contact]
    )
    expect(applications).toHaveLength(AT_ONCE)
    const answers = await Promise.all(
      applications.map((a) =>
        apiRequest(server(), 'PATCH', `/api/applications/${a.id}`, { body: { stage: 'pool' } })
      )
    )
    expect(answers.map((a) => a.status)).toEqual(applications.map(() => 200))
    const pool = PoolList.parse(
      (await apiRequest(server(), 'GET', `/api/pool?q=${encodeURIComponent(contact)}`)).body
    )
    expect(pool.entries).toHaveLength(1)
    // Every merge counted: each application's skill is a tag of the one entry.
    expect([...pool.entries[0]!.tags].sort()).toEqual(
      Array.from({ length: AT_ONCE }, (_, i) => `技能${i}`).sort()
    )
    const [sources] = await queryStore(
      server(),
      'SELECT COUNT(*) AS n FROM pool_sources WHERE entry_id = ?',
      [pool.entries[0]!.id]
    )
    expect(Number(sources?.n)).toBe(AT_ONCE)
  })

  it('makes one application of the same form submitted several times at once', async () => {
    // A few rounds: how far the requests overlap on the server is up to its scheduling.
    for (let round = 0; round < 5; round++) {
      const contact = `double-click-${round}@example.com`
      const answers = await Promise.all(
        Array.from({ length: AT_ONCE }, () =>
          postForm(server(), `/postings/${slug}/apply`, formFields({ contact }))
        )
      )
      expect(answers.map((a) => a.status).sort()).toEqual([303, ...Array(AT_ONCE - 1).fill(409)])
      const applications = await queryStore(
        server(),
        'SELECT id FROM applications WHERE contact = ?',
        [contact]
      )
      expect(applications).toHaveLength(1)
    }
  })

  it('opens one review round when several coordinators open one at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, () =>
        apiRequest(server(), 'POST', `/api/teams/${team.teamId}/rounds`, {
          body: { reviewerIds: [] },
        })
      )
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([201, ...Array(AT_ONCE - 1).fill(409)])
    const opened = answers.find((a) => a.status === 201)!
    expect(Round.parse(opened.body).number).toBe(1)
    const [rounds] = await queryStore(
      server(),
      'SELECT COUNT(*) AS n FROM rounds WHERE team_id = ?',
      [team.teamId]
    )
    expect(Number(rounds?.n)).toBe(1)
  })

  it('numbers publications made at once one after another, first publication included', async () => {
    const fresh = await createTeam(server(), team.programId, 'Concurrent publishing')
    await writeSection(server(), fresh.id, 'what', ['同時に公開する募集です。'])
    const answers = await Promise.all(
      Array.from({ length: 3 }, () =>
        apiRequest(server(), 'POST', `/api/teams/${fresh.id}/posting`, {
          body: { facts: factsWith() },
        })
      )
    )
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201])
    const [postings] = await queryStore(
      server(),
      'SELECT COUNT(*) AS n, MAX(current_version) AS v FROM postings WHERE team_id = ?',
      [fresh.id]
    )
    expect(Number(postings?.n)).toBe(1)
    expect(Number(postings?.v)).toBe(3)
    const versions = await queryStore(
      server(),
      'SELECT v.version FROM posting_versions v JOIN postings p ON p.id = v.posting_id WHERE p.team_id = ? ORDER BY v.version',
      [fresh.id]
    )
    expect(versions.map((v) => Number(v.version))).toEqual([1, 2, 3])
  })
})
