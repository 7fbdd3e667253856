import { beforeAll, describe, expect, it } from 'vitest'
import {
  CLOSE_CODE,
  JoinResponse,
  PitchSession,
  STAGE_KEYS,
  STAGE_MAP,
  ShareLink,
  StageTimer,
  remainingMs,
} from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import {
  createTeamFixture,
  diskContains,
  queryStore,
  useServer,
  type TeamFixture,
} from '../helpers/fixtures.ts'
import {
  closeCodeFor,
  connectProvider,
  LightClient,
  sleep,
  syncedProvider,
  waitFor,
} from '../helpers/wsClient.ts'

describe('pitch mode', () => {
  const server = useServer()
  let team: TeamFixture
  let session: PitchSession
  let link: ShareLink

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Pitch')
    const created = await apiRequest(
      server(),
      'POST',
      `/api/programs/${team.programId}/pitch-sessions`,
      {
        body: {
          kind: 'final',
          title: '最終発表会',
          startsAt: '2026-12-05T14:00:00+09:00',
          minutesPerTeam: 7,
          teamIds: [team.teamId],
        },
      }
    )
    expect(created.status).toBe(201)
    session = PitchSession.parse(created.body)
    link = ShareLink.parse(
      (
        await apiRequest(server(), 'POST', `/api/pitch-sessions/${session.id}/share-links`, {
          body: {},
        })
      ).body
    )
  })

  it('lets the audience follow the slide and timer but never write, by link and not by account', async () => {
    const advanced = await apiRequest(
      server(),
      'POST',
      `/api/pitch-sessions/${session.id}/advance`,
      { body: { teamId: team.teamId } }
    )
    expect(advanced.status).toBe(200)
    const presenter = await syncedProvider(server(), team.documents.stage, team.tokens.talent)
    const viewer = await syncedProvider(server(), team.documents.stage, link.token!)
    const viewerSpec = await syncedProvider(server(), team.documents.spec, link.token!)
    try {
      // The session put this team on stage with its full time.
      const timer = StageTimer.parse(viewer.doc.getMap(STAGE_MAP).get(STAGE_KEYS.timer))
      expect(timer).toEqual({ durationMs: 7 * 60000, startedAt: null, remainingMs: 7 * 60000 })

      presenter.doc.getMap(STAGE_MAP).set(STAGE_KEYS.slide, 3)
      await waitFor(() => viewer.doc.getMap(STAGE_MAP).get(STAGE_KEYS.slide) === 3, {
        what: 'the slide at the viewer',
      })

      const before = Date.now()
      const started = StageTimer.parse(
        (
          await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/stage/timer`, {
            token: team.tokens.owner,
            body: { action: 'start' },
          })
        ).body
      )
      expect(started.startedAt).toBeGreaterThanOrEqual(before - 1000)
      await waitFor(
        () =>
          StageTimer.safeParse(viewer.doc.getMap(STAGE_MAP).get(STAGE_KEYS.timer)).data
            ?.startedAt === started.startedAt
      )
      expect(remainingMs(started, started.startedAt! + 60000)).toBe(6 * 60000)

      // The audience's writes go nowhere: not to the presenter, not to disk.
      viewer.doc.getMap(STAGE_MAP).set(STAGE_KEYS.slide, 99)
      viewerSpec.doc.getXmlFragment('what').insert(0, [])
      viewerSpec.doc.getText('x').insert(0, 'AUDIENCE-WRITE')
      await sleep(200)
      expect(presenter.doc.getMap(STAGE_MAP).get(STAGE_KEYS.slide)).toBe(3)
      expect(await diskContains(server(), 'AUDIENCE-WRITE')).toBe(false)

      // The audience cannot move the timer either (no account), nor open feedback.
      expect(
        (
          await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/stage/timer`, {
            token: link.token!,
            body: { action: 'pause' },
          })
        ).status
      ).toBe(401)
      expect(await closeCodeFor(server(), team.documents.feedback, link.token!)).toBe(
        CLOSE_CODE.forbidden
      )
    } finally {
      viewerSpec.destroy()
      viewer.destroy()
      presenter.destroy()
    }
  })

  it('counts viewers and reactions live, and refuses reactions past the limit', async () => {
    const presenter = await syncedProvider(server(), team.documents.stage, team.tokens.owner)
    const viewers = await Promise.all(
      [1, 2, 3].map(() => syncedProvider(server(), team.documents.stage, link.token!))
    )
    try {
      await waitFor(() => presenter.doc.getMap(STAGE_MAP).get(STAGE_KEYS.viewers) === 3, {
        what: 'three viewers',
        timeoutMs: 3000,
      })
      // The session's peak audience is what the program reports.
      const figures = await apiRequest(server(), 'GET', `/api/programs/${team.programId}/figures`)
      expect(figures.body).toMatchObject({ actuals: { pitchAudience: 3 } })
      const react = async (cookie: string | null) => {
        const response = await fetch(`${server().url}/api/audience/${link.token}/reactions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
          body: JSON.stringify({
            teamId: team.teamId,
            kind: 'clap',
            viewerId: `v${Math.random()}`,
          }),
        })
        return {
          status: response.status,
          cookie: response.headers.get('set-cookie')?.split(';')[0] ?? cookie,
        }
      }
      // Opening the link issues the viewer's id (a cookie); the limit follows it, whatever id the body names.
      const opened = async () => {
        const response = await fetch(`${server().url}/api/audience/${link.token}`)
        await sleep(1100) // an id counts once it is a moment old
        return response.headers.get('set-cookie')!.split(';')[0]
      }
      const cookie = await opened()
      const statuses: number[] = []
      for (let i = 0; i < 8; i++) statuses.push((await react(cookie)).status)
      expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(3)
      expect(statuses.filter((s) => s === 202).length).toBeLessThan(6)
      expect(statuses.at(-1)).toBe(429)
      // Another viewer is not held back by the first one's limit.
      expect((await react(await opened())).status).toBe(202)
      const accepted = statuses.filter((s) => s === 202).length + 1
      await waitFor(
        () =>
          (
            viewers[0].doc.getMap(STAGE_MAP).get(STAGE_KEYS.reactions) as
              | Record<string, number>
              | undefined
          )?.clap === accepted
      )
    } finally {
      for (const v of viewers) v.destroy()
    }
    await waitFor(() => presenter.doc.getMap(STAGE_MAP).get(STAGE_KEYS.viewers) === 0, {
      what: 'no viewers',
      timeoutMs: 3000,
    })
    presenter.destroy()
  })

  it('keeps a crowd’s presence out of the room, and members connected while their clients relay presence', async () => {
    const member = await syncedProvider(server(), team.documents.stage, team.tokens.owner)
    const colleague = await syncedProvider(server(), team.documents.stage, team.tokens.talent)
    member.provider.awareness.setLocalStateField('user', { name: 'x', color: '#30638e' })
    colleague.provider.awareness.setLocalStateField('user', { name: 'y', color: '#d1495b' })
    const crowd = Array.from(
      { length: 60 },
      () => new LightClient(server(), team.documents.stage, link.token!)
    )
    try {
      await Promise.all(crowd.map((v) => v.ready()))
      // Each viewer announces a state near the per-state cap; together they would be far over it.
      crowd.forEach((v, i) =>
        v.setPresence({ user: { name: `viewer ${i}`, color: '#30638e' }, note: 'x'.repeat(4000) })
      )
      await waitFor(() => member.doc.getMap(STAGE_MAP).get(STAGE_KEYS.viewers) === 60, {
        what: 'sixty viewers',
        timeoutMs: 3000,
      })
      await sleep(300)
      expect(member.closes).toEqual([])
      expect(colleague.closes).toEqual([])
      // Members see each other, never the crowd.
      expect([...member.provider.awareness.getStates().values()].filter((s) => s.user).length).toBe(
        2
      )
    } finally {
      for (const v of crowd) v.close()
      member.destroy()
      colleague.destroy()
    }
  })

  it('stores a join request with consent and refuses an incomplete one', async () => {
    // Opening the link issues the viewer id a join request is limited by; it counts once a moment old.
    const opened = await fetch(`${server().url}/api/audience/${link.token}`)
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]
    await sleep(1100)
    const join = async (body: unknown) => {
      const response = await fetch(`${server().url}/api/audience/${link.token}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      })
      return { status: response.status, body: (await response.json()) as unknown }
    }
    const missing = await join({
      teamId: team.teamId,
      name: '田中',
      contact: 'tanaka@example.jp',
      howToHelp: '広報',
      consent: false,
    })
    expect(missing.status).toBe(400)
    expect(JSON.stringify(missing.body)).toContain('consent')
    const joined = await join({
      teamId: team.teamId,
      name: '田中',
      contact: 'tanaka@example.jp',
      howToHelp: '広報を手伝えます',
      consent: true,
    })
    expect(joined.status).toBe(201)
    expect(JoinResponse.parse(joined.body).withdrawUrl).toMatch(/\/pool\/withdraw\/[\w-]+$/)
    // The lead is in the talent pool, as a pitch lead of this program.
    const pool = await apiRequest(
      server(),
      'GET',
      `/api/pool?q=${encodeURIComponent('tanaka@example.jp')}`
    )
    expect(JSON.stringify(pool.body)).toContain('pitch_lead')
    const leads = await apiRequest(server(), 'GET', `/api/programs/${team.programId}/leads`)
    expect(leads.body).toMatchObject({
      leads: [{ name: '田中', teamId: team.teamId, sessionId: session.id }],
    })
    expect(
      (
        await apiRequest(server(), 'GET', `/api/programs/${team.programId}/leads`, {
          token: team.tokens.owner,
        })
      ).status
    ).toBe(403)
  })

  it('closes revoked and expired links, for sockets and pages alike', async () => {
    const revoked = ShareLink.parse(
      (
        await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/share-links`, {
          token: team.tokens.caretaker,
          body: {},
        })
      ).body
    )
    const watching = connectProvider(server(), team.documents.stage, revoked.token!)
    await waitFor(() => watching.provider.synced)
    expect(
      (
        await apiRequest(server(), 'DELETE', `/api/share-links/${revoked.id}`, {
          token: team.tokens.reviewer,
        })
      ).status
    ).toBe(403)
    expect(
      (
        await apiRequest(server(), 'DELETE', `/api/share-links/${revoked.id}`, {
          token: team.tokens.caretaker,
        })
      ).status
    ).toBe(204)
    // Viewers already watching through the link are let go at once, and not let back in.
    await waitFor(() => watching.closes.some((c) => c.code === CLOSE_CODE.unauthorized), {
      what: 'the open socket closed',
    })
    expect(
      (await apiRequest(server(), 'GET', `/api/audience/${revoked.token}`, { token: null })).status
    ).toBe(410)
    expect(await closeCodeFor(server(), team.documents.stage, revoked.token!)).toBe(
      CLOSE_CODE.unauthorized
    )
    watching.destroy()

    const expiring = ShareLink.parse(
      (
        await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/share-links`, {
          token: team.tokens.owner,
          body: {},
        })
      ).body
    )
    await queryStore(
      server(),
      "UPDATE share_links SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?",
      [expiring.id!]
    )
    const page = await apiRequest(server(), 'GET', `/api/audience/${expiring.token}`, {
      token: null,
    })
    expect(page.status).toBe(410)
    expect(page.body).toMatchObject({ error: { code: 'link_expired' } })
    expect(await closeCodeFor(server(), team.documents.stage, expiring.token!)).toBe(
      CLOSE_CODE.unauthorized
    )
  })
})
