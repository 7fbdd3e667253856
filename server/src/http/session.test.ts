import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Me } from '@specboard/shared'
import { createTestApp, type TestApp } from '../../../tests/helpers/testApp.ts'
import { hashSecret } from '../ids.ts'
import { openSetupIfNeeded } from '../setup.ts'

describe('session routes', () => {
  let t: TestApp
  beforeAll(() => {
    t = createTestApp()
  })
  afterAll(() => t.close())

  it('creates the coordinator once, with the printed setup link', async () => {
    expect((await t.request('GET', '/api/setup/status', { token: null })).body).toEqual({
      needed: true,
    })
    const link = (await openSetupIfNeeded(t.storage.records, 'http://localhost'))!
    const token = link.split('/setup/')[1]

    expect(
      (
        await t.request('POST', '/api/setup', {
          token: null,
          body: { token: 'wrong', name: 'Eve' },
        })
      ).status
    ).toBe(403)
    const created = await t.request('POST', '/api/setup', {
      token: null,
      body: { token, name: 'Sato' },
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('set-cookie')).toContain('sb_token=')

    const me = Me.parse(
      (await t.request('GET', '/api/me', { token: created.body.accessToken })).body
    )
    expect(me.person).toMatchObject({ name: 'Sato', isAdmin: true })
    expect((await t.request('GET', '/api/setup/status', { token: null })).body).toEqual({
      needed: false,
    })
    expect(
      (await t.request('POST', '/api/setup', { token: null, body: { token, name: 'Again' } }))
        .status
    ).toBe(403)
    expect(await openSetupIfNeeded(t.storage.records, 'http://localhost')).toBeNull()
  })

  it('lets a coordinator person create a program and become its coordinator', async () => {
    const admin = await t.storage.records.createPerson('Admin person', true)
    const token = 'coordinator-person-token'
    await t.storage.accounts.createSession({
      tokenHash: hashSecret(token),
      personId: admin.id,
      userAgent: null,
    })
    const created = await t.request('POST', '/api/programs', {
      token,
      body: { name: 'Mine', region: 'R' },
    })
    expect(created.status).toBe(201)
    const me = Me.parse((await t.request('GET', '/api/me', { token })).body)
    expect(me.memberships).toEqual([
      expect.objectContaining({ programId: created.body.id, teamId: null, role: 'coordinator' }),
    ])
  })

  it('shows the operations token as the administrator', async () => {
    const me = Me.parse((await t.request('GET', '/api/me')).body)
    expect(me).toEqual({
      person: {
        id: 'admin',
        name: 'Administrator',
        isAdmin: true,
        email: null,
        unconfirmedEmail: null,
      },
      memberships: [],
    })
  })

  it('signs out by revoking the cookie token', async () => {
    const { teamId } = await t.programWithTeam('Leaving')
    const token = await t.join(teamId, 'talent', 'Leaver')
    const cookie = `sb_token=${token}`
    expect((await t.request('GET', '/api/me', { token: null, headers: { cookie } })).status).toBe(
      200
    )
    const out = await t.request('POST', '/api/auth/logout', { token: null, headers: { cookie } })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/sb_token=;/)
    expect((await t.request('GET', '/api/me', { token: null, headers: { cookie } })).status).toBe(
      401
    )
    expect((await t.request('GET', '/api/me', { token })).status).toBe(401)
  })

  it('refuses tokens that are too long, without hashing them against the table', async () => {
    expect((await t.request('GET', '/api/me', { token: 'x'.repeat(5000) })).status).toBe(401)
  })
})
