import { beforeAll, describe, expect, it } from 'vitest'
import { ApiError, CreateInviteResponse, DEFAULT_TEMPLATE, Program } from '@specboard/shared'
import {
  acceptInvite,
  apiRequest,
  createInvite,
  createProgram,
  createTeam,
  getMe,
  joinTeam,
} from '../helpers/api.ts'
import { queryStore, useServer } from '../helpers/fixtures.ts'

/** The error message of an error body, checked against the shared error shape. */
function errorOf(body: unknown) {
  return ApiError.parse(body).error
}

describe('the JSON API of the running server', () => {
  const server = useServer()

  describe('the documented paths and shapes', () => {
    it('answers GET /api/health with 200, ok and the mail queue', async () => {
      const response = await apiRequest(server(), 'GET', '/api/health', { token: null })
      expect(response.status).toBe(200)
      expect(response.body).toEqual({ ok: true, mail: { pending: 0, failed: 0 } })
    })

    it('walks from a new program to an accepted invite', async () => {
      const created = await apiRequest(server(), 'POST', '/api/programs', {
        body: { name: 'Kamiyama 2026', region: 'Tokushima' },
      })
      expect(created.status).toBe(201)
      expect(Object.keys(created.body as object)).toEqual(['id'])
      const programId = (created.body as { id: string }).id

      const program = await apiRequest(server(), 'GET', `/api/programs/${programId}`)
      expect(program.status).toBe(200)
      const parsed = Program.parse(program.body)
      expect(parsed).toMatchObject({
        id: programId,
        name: 'Kamiyama 2026',
        region: 'Tokushima',
        teams: [],
      })
      expect(parsed.template.sections.map((s) => s.key)).toEqual(
        DEFAULT_TEMPLATE.sections.map((s) => s.key)
      )
      for (const section of parsed.template.sections) {
        expect(section.title.ja).not.toBe('')
        expect(section.title.en).not.toBe('')
        expect(section.prompt.ja).not.toBe('')
        expect(section.prompt.en).not.toBe('')
      }

      const team = await apiRequest(server(), 'POST', `/api/programs/${programId}/teams`, {
        body: { name: 'Satoyama school' },
      })
      expect(team.status).toBe(201)
      const teamId = (team.body as { id: string }).id
      expect(team.body).toEqual({
        id: teamId,
        documents: {
          spec: `spec:${teamId}`,
          feedback: `feedback:${teamId}`,
          stage: `stage:${teamId}`,
        },
      })

      const withTeam = Program.parse(
        (await apiRequest(server(), 'GET', `/api/programs/${programId}`)).body
      )
      expect(withTeam.teams.map((t) => [t.id, t.name])).toEqual([[teamId, 'Satoyama school']])

      const invite = await apiRequest(server(), 'POST', `/api/teams/${teamId}/invites`, {
        body: { role: 'talent' },
      })
      expect(invite.status).toBe(201)
      const { token, url } = CreateInviteResponse.parse(invite.body)
      // Links are built from the listening origin (localhost), not from the Host the test reached.
      expect(url).toBe(`http://localhost:${server().port}/invite/${token}`)

      const accepted = await apiRequest(server(), 'POST', `/api/invites/${token}/accept`, {
        token: null,
        body: { name: 'Aiko', email: 'aiko@example.jp' },
      })
      expect(accepted.status).toBe(200)
      expect(accepted.body).toMatchObject({
        accessToken: expect.any(String),
        memberId: expect.any(String),
        role: 'talent',
      })
      expect(accepted.headers.get('set-cookie')).toMatch(/sb_token=/)

      // The new token works, and names the new member.
      const me = await getMe(server(), (accepted.body as { accessToken: string }).accessToken)
      expect(me.person.name).toBe('Aiko')
      expect(me.memberships).toMatchObject([
        { teamId, role: 'talent', memberId: (accepted.body as { memberId: string }).memberId },
      ])
    })

    it('lists the documented paths in GET /api/openapi.json', async () => {
      const response = await apiRequest(server(), 'GET', '/api/openapi.json', { token: null })
      expect(response.status).toBe(200)
      const doc = response.body as {
        openapi: string
        paths: Record<string, Record<string, unknown>>
      }
      expect(doc.openapi).toMatch(/^3\./)
      const expected: [string, string][] = [
        ['/api/health', 'get'],
        ['/api/programs', 'post'],
        ['/api/programs/{programId}', 'get'],
        ['/api/programs/{programId}/teams', 'post'],
        ['/api/teams/{teamId}/invites', 'post'],
        ['/api/invites/{token}/accept', 'post'],
        ['/api/me', 'get'],
      ]
      for (const [path, method] of expected)
        expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined()
    })
  })

  describe('bad input', () => {
    let programId: string
    let teamId: string

    beforeAll(async () => {
      programId = await createProgram(server())
      teamId = (await createTeam(server(), programId, 'Bad input team')).id
    })

    it.each([
      ['POST', '/api/programs', { name: '', region: 'Tokushima' }, 'name'],
      ['POST', '/api/programs', { name: 'No region' }, 'region'],
      ['POST', '/api/programs', { name: 'x'.repeat(121), region: 'Tokushima' }, 'name'],
      ['POST', '/api/programs/{programId}/teams', {}, 'name'],
      ['POST', '/api/teams/{teamId}/invites', { role: 'coordinator' }, 'role'],
      [
        'POST',
        '/api/teams/{teamId}/invites',
        { role: 'talent', expiresInDays: 0 },
        'expiresInDays',
      ],
    ])('answers %s %s with 400 naming the field (%j)', async (method, path, body, field) => {
      const response = await apiRequest(
        server(),
        method,
        path.replace('{programId}', programId).replace('{teamId}', teamId),
        { body }
      )
      expect(response.status).toBe(400)
      expect(errorOf(response.body).message).toMatch(new RegExp(`^${field}\\b`))
    })

    it('answers 400 naming the field when accepting an invite with an empty name', async () => {
      const invite = await createInvite(server(), teamId, 'owner')
      const response = await apiRequest(server(), 'POST', `/api/invites/${invite.token}/accept`, {
        token: null,
        body: { name: '   ', email: 'blank@example.jp' },
      })
      expect(response.status).toBe(400)
      expect(errorOf(response.body).message).toMatch(/^name\b/)
    })

    it('answers 400 for a body that is not JSON', async () => {
      const response = await fetch(`${server().url}/api/programs`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${server().adminToken}`,
          'content-type': 'application/json',
        },
        body: '{"name": ',
      })
      expect(response.status).toBe(400)
      expect(errorOf(await response.json()).code).toBe('invalid_json')
    })

    it.each([
      ['POST', '/api/programs', { name: 'P', region: 'R' }],
      ['GET', '/api/programs/{programId}', undefined],
      ['POST', '/api/programs/{programId}/teams', { name: 'T' }],
      ['POST', '/api/teams/{teamId}/invites', { role: 'talent' }],
      ['GET', '/api/me', undefined],
    ])('answers %s %s without a token with 401', async (method, path, body) => {
      const url = path.replace('{programId}', programId).replace('{teamId}', teamId)
      for (const token of [null, 'not-a-token']) {
        const response = await apiRequest(server(), method, url, { token, body })
        expect(response.status, `token ${token}`).toBe(401)
        expect(errorOf(response.body).code).toBe('unauthorized')
      }
    })

    it('answers 403 when the role does not allow the action', async () => {
      const talent = await joinTeam(server(), teamId, 'talent', 'Taro')
      const reviewer = await joinTeam(server(), teamId, 'reviewer', 'Rei')
      const caretaker = await joinTeam(server(), teamId, 'caretaker', 'Kei')
      const otherTeam = await createTeam(server(), programId, 'Other team')
      const outsider = await joinTeam(server(), otherTeam.id, 'owner', 'Oto')

      const cases: [string, string, string, unknown][] = [
        [talent, 'POST', `/api/teams/${teamId}/invites`, { role: 'talent' }],
        [reviewer, 'POST', `/api/programs/${programId}/teams`, { name: 'Sneaky' }],
        [reviewer, 'POST', `/api/teams/${teamId}/invites`, { role: 'reviewer' }],
        [talent, 'POST', '/api/programs', { name: 'Mine', region: 'R' }],
        [caretaker, 'POST', `/api/teams/${teamId}/invites`, { role: 'reviewer' }],
        [outsider, 'GET', `/api/teams/${teamId}`, undefined],
      ]
      for (const [token, method, path, body] of cases) {
        const response = await apiRequest(server(), method, path, { token, body })
        expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(403)
        expect(errorOf(response.body).code).toBe('forbidden')
      }
      // The caretaker may invite the team's own roles.
      expect(
        (
          await apiRequest(server(), 'POST', `/api/teams/${teamId}/invites`, {
            token: caretaker,
            body: { role: 'owner' },
          })
        ).status
      ).toBe(201)
    })

    it('answers 410 for a revoked invite', async () => {
      const invite = await createInvite(server(), teamId, 'talent')
      const revoked = await apiRequest(
        server(),
        'DELETE',
        `/api/teams/${teamId}/invites/${invite.id}`
      )
      expect(revoked.status).toBe(204)
      const response = await apiRequest(server(), 'POST', `/api/invites/${invite.token}/accept`, {
        token: null,
        body: { name: 'Late', email: 'late@example.jp' },
      })
      expect(response.status).toBe(410)
      expect(errorOf(response.body).code).toBe('invite_revoked')
    })

    it('answers 410 for an expired invite', async () => {
      const invite = await createInvite(server(), teamId, 'talent')
      // Expiry is days away at the soonest; move it into the past in the database the server reads.
      await queryStore(server(), 'UPDATE invites SET expires_at = ? WHERE id = ?', [
        new Date(Date.now() - 1000).toISOString(),
        invite.id,
      ])
      const response = await apiRequest(server(), 'POST', `/api/invites/${invite.token}/accept`, {
        token: null,
        body: { name: 'Late', email: 'late2@example.jp' },
      })
      expect(response.status).toBe(410)
      expect(errorOf(response.body).code).toBe('invite_expired')
    })

    it('answers 404 for an unknown invite', async () => {
      const response = await apiRequest(server(), 'POST', '/api/invites/no-such-token/accept', {
        token: null,
        body: { name: 'Who' },
      })
      expect(response.status).toBe(404)
    })
  })

  describe('accepting an invite while signed in', () => {
    it('adds the membership to the same person', async () => {
      const programId = await createProgram(server())
      const first = await createTeam(server(), programId, 'First')
      const second = await createTeam(server(), programId, 'Second')
      const firstToken = await joinTeam(server(), first.id, 'talent', 'Mika')
      const before = await getMe(server(), firstToken)

      const invite = await createInvite(server(), second.id, 'owner')
      const accepted = await acceptInvite(server(), invite.token, 'Ignored name', firstToken)
      expect(accepted.role).toBe('owner')

      for (const token of [firstToken, accepted.accessToken]) {
        const me = await getMe(server(), token)
        expect(me.person.id).toBe(before.person.id)
        expect(me.person.name).toBe('Mika')
        expect(me.memberships.map((m) => [m.teamId, m.role]).sort()).toEqual(
          [
            [first.id, 'talent'],
            [second.id, 'owner'],
          ].sort()
        )
      }
    })
  })
})
