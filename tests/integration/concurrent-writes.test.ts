/**
 * Requests that create the same record at the same moment (issue 9): each gets its domain answer, never
 * a 500 from a unique key, and the stored records are what one-at-a-time requests would have left.
 * Inserts go first and conflicts are answered (ON CONFLICT), instead of a check that two requests can
 * pass together. Runs on SQLite and on PostgreSQL (where the race was: READ COMMITTED lets both checks
 * pass and the second insert fail).
 */
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { AcceptInviteResponse, CreateInviteResponse, PoolList, Round } from '@specboard/shared'
import { acceptInvite, apiRequest, createProgram, createTeam, uniqueEmail } from '../helpers/api.ts'
import {
  createTeamFixture,
  queryStore,
  useServer,
  type TeamFixture,
  type TestServer,
} from '../helpers/fixtures.ts'
import {
  applyTo,
  factsWith,
  formFields,
  postForm,
  publish,
  writeSection,
} from './postingsFixture.ts'

const AT_ONCE = 6
const isPostgres = process.env.SPECBOARD_TEST_DATABASE === 'postgres'

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

  it('gives teams added to a program at once each its own position', async () => {
    const programId = await createProgram(server(), 'Concurrent teams')
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        Array.from({ length: AT_ONCE }, (_, i) =>
          apiRequest(server(), 'POST', `/api/programs/${programId}/teams`, {
            body: { name: `Team ${round}-${i}` },
          })
        )
      )
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201))
    }
    const teams = await queryStore(
      server(),
      'SELECT position FROM teams WHERE program_id = ? ORDER BY position',
      [programId]
    )
    expect(teams.map((t) => Number(t.position))).toEqual(
      Array.from({ length: 3 * AT_ONCE }, (_, i) => i)
    )
  })

  it('makes one membership of an invite accepted several times at once, using it once', async () => {
    const fresh = await createTeam(server(), team.programId, 'Concurrent joining')
    // Someone signed in (a member elsewhere, with their address given) accepts with a double click.
    const email = uniqueEmail('double-join')
    const other = await createInvite(server(), team.teamId, 'talent', 1)
    const { accessToken } = await acceptInvite(server(), other.token, '二重 花子', null, email)
    for (let round = 0; round < 3; round++) {
      const target =
        round === 0 ? fresh : await createTeam(server(), team.programId, `Join ${round}`)
      const invite = await createInvite(server(), target.id, 'caretaker', 10)
      const answers = await Promise.all(
        Array.from({ length: AT_ONCE }, () =>
          apiRequest(server(), 'POST', `/api/invites/${invite.token}/accept`, {
            token: accessToken,
            body: { name: '二重 花子', email },
          })
        )
      )
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200))
      const memberIds = new Set(answers.map((a) => AcceptInviteResponse.parse(a.body).memberId))
      expect(memberIds.size).toBe(1)
      const [members] = await queryStore(
        server(),
        'SELECT COUNT(*) AS n FROM memberships WHERE team_id = ?',
        [target.id]
      )
      expect(Number(members?.n)).toBe(1)
      // As one at a time: the first joins and uses the invite once, the others find them a member.
      const [uses] = await queryStore(
        server(),
        'SELECT accepted_count AS n FROM invites WHERE id = ?',
        [invite.id]
      )
      expect(Number(uses?.n)).toBe(1)
    }
  })

  // On SQLite a transaction holds the whole database, so nothing can delete the entry in between.
  it.runIf(isPostgres)(
    'makes a new pool entry when the one a move conflicted with is deleted before the merge',
    async () => {
      const contact = 'deleted-meanwhile@example.com'
      const slugs = [slug, (await publishedTeam('Deleted meanwhile')).slug]
      for (const [i, s] of slugs.entries())
        await applyTo(server(), s, { name: '削除 次郎', contact, skills: `技能${i}` })
      const [first, second] = (await queryStore(
        server(),
        'SELECT id FROM applications WHERE contact = ? ORDER BY created_at',
        [contact]
      )) as { id: string }[]
      const moved = await apiRequest(server(), 'PATCH', `/api/applications/${first!.id}`, {
        body: { stage: 'pool' },
      })
      expect(moved.status).toBe(200)
      const [entry] = (await queryStore(
        server(),
        'SELECT entry_id AS id FROM pool_sources WHERE application_id = ?',
        [first!.id]
      )) as { id: string }[]
      // Another transaction holds the entry: the second move's insert conflicts with it, and its merge
      // waits for the lock — then finds the entry deleted.
      const holder = new pg.Client({ connectionString: server().env.DATABASE_URL })
      await holder.connect()
      try {
        await holder.query('BEGIN')
        await holder.query('SELECT id FROM pool_entries WHERE id = $1 FOR UPDATE', [entry!.id])
        const answer = apiRequest(server(), 'PATCH', `/api/applications/${second!.id}`, {
          body: { stage: 'pool' },
        })
        await waitForLockWait(holder)
        await holder.query('DELETE FROM pool_entries WHERE id = $1', [entry!.id])
        await holder.query('COMMIT')
        expect((await answer).status).toBe(200)
      } finally {
        await holder.end()
      }
      const pool = PoolList.parse(
        (await apiRequest(server(), 'GET', `/api/pool?q=${encodeURIComponent(contact)}`)).body
      )
      expect(pool.entries).toHaveLength(1)
      expect(pool.entries[0]!.id).not.toBe(entry!.id)
      expect(pool.entries[0]!.tags).toEqual(['技能1'])
    }
  )

  async function publishedTeam(name: string) {
    const other = await createTeam(server(), team.programId, name)
    await writeSection(server(), other.id, 'what', [`${name} の募集`])
    return await publish(server(), other.id)
  }
})

function createInvite(
  server: TestServer,
  teamId: string,
  role: 'talent' | 'caretaker',
  maxUses: number
) {
  return apiRequest(server, 'POST', `/api/teams/${teamId}/invites`, {
    body: { role, maxUses },
  }).then((r) => {
    if (r.status !== 201) throw new Error(`invite: ${r.status} ${JSON.stringify(r.body)}`)
    return CreateInviteResponse.parse(r.body)
  })
}

/** Resolves once another session of this database waits for a lock (here: the one `client` holds). */
async function waitForLockWait(client: pg.Client): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await client.query(
      `SELECT 1 FROM pg_stat_activity
         WHERE wait_event_type = 'Lock' AND datname = current_database() AND pid <> pg_backend_pid()`
    )
    if (rows.length > 0) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('nobody waited for the lock')
}
