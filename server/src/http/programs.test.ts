import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATE, Program, ProgramList } from '@specboard/shared'
import { createTestApp, type TestApp } from '../../../tests/helpers/testApp.ts'

describe('program routes', () => {
  let t: TestApp
  beforeAll(() => {
    t = createTestApp()
  })
  afterAll(() => t.close())

  it('creates a program with the default template and shows it', async () => {
    const created = await t.request('POST', '/api/programs', {
      body: { name: '  Kamiyama  ', region: 'Tokushima' },
    })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ id: expect.any(String) })
    const program = Program.parse((await t.request('GET', `/api/programs/${created.body.id}`)).body)
    expect(program).toMatchObject({
      name: 'Kamiyama',
      region: 'Tokushima',
      myRole: 'coordinator',
      teams: [],
      targets: {},
    })
    expect(program.template).toEqual(DEFAULT_TEMPLATE)
  })

  it('keeps a custom template and targets', async () => {
    const template = {
      sections: [
        { key: 'only', title: { ja: '唯一', en: 'Only' }, prompt: { ja: '書く', en: 'Write' } },
      ],
    }
    const created = await t.request('POST', '/api/programs', {
      body: { name: 'Custom', region: 'R', template, targets: { applicants: 10 } },
    })
    const program = Program.parse((await t.request('GET', `/api/programs/${created.body.id}`)).body)
    expect(program.template).toEqual(template)
    expect(program.targets).toEqual({ applicants: 10 })
  })

  it('refuses an invalid template, naming the field', async () => {
    const template = {
      sections: [{ key: 'Bad Key', title: { ja: 'a', en: 'a' }, prompt: { ja: 'a', en: 'a' } }],
    }
    const response = await t.request('POST', '/api/programs', {
      body: { name: 'P', region: 'R', template },
    })
    expect(response.status).toBe(400)
    expect(response.body.error.message).toMatch(/^template\.sections\.0\.key/)
  })

  it('creates teams in order with their document names, and summarises them in the program', async () => {
    const { programId, teamId } = await t.programWithTeam('First')
    const second = await t.request('POST', `/api/programs/${programId}/teams`, {
      body: { name: 'Second', organization: 'Town office' },
    })
    expect(second.status).toBe(201)
    expect(second.body.documents).toEqual({
      spec: `spec:${second.body.id}`,
      feedback: `feedback:${second.body.id}`,
      stage: `stage:${second.body.id}`,
    })
    const program = Program.parse((await t.request('GET', `/api/programs/${programId}`)).body)
    expect(program.teams.map((team) => [team.id, team.name, team.organization])).toEqual([
      [teamId, 'First', null],
      [second.body.id, 'Second', 'Town office'],
    ])
    expect(program.teams[0]).toMatchObject({
      memberCount: 0,
      activeNow: [],
      completeness: { total: DEFAULT_TEMPLATE.sections.length, percent: 0 },
    })
  })

  it('lists to a member only the programs they belong to, with their role', async () => {
    const mine = await t.programWithTeam('Mine')
    await t.programWithTeam('Not mine')
    const talent = await t.join(mine.teamId, 'talent', 'Taro')
    const list = ProgramList.parse(
      (await t.request('GET', '/api/programs', { token: talent })).body
    )
    expect(list.programs.map((p) => [p.id, p.myRole])).toEqual([[mine.programId, 'talent']])
    const all = ProgramList.parse((await t.request('GET', '/api/programs')).body)
    expect(all.programs.length).toBeGreaterThanOrEqual(2)
  })

  it('answers 401 without a token, 404 for an unknown program and 403 for strangers and members without the right', async () => {
    const { programId, teamId } = await t.programWithTeam('Guarded')
    const other = await t.programWithTeam('Elsewhere')
    const stranger = await t.join(other.teamId, 'owner', 'Stranger')
    const reviewer = await t.join(teamId, 'reviewer', 'Rei')
    expect((await t.request('GET', `/api/programs/${programId}`, { token: null })).status).toBe(401)
    expect((await t.request('GET', '/api/programs/nope')).status).toBe(404)
    expect((await t.request('GET', `/api/programs/${programId}`, { token: stranger })).status).toBe(
      403
    )
    expect((await t.request('GET', `/api/programs/${programId}`, { token: reviewer })).status).toBe(
      200
    )
    expect(
      (
        await t.request('POST', `/api/programs/${programId}/teams`, {
          token: reviewer,
          body: { name: 'X' },
        })
      ).status
    ).toBe(403)
    expect(
      (
        await t.request('POST', '/api/programs', {
          token: reviewer,
          body: { name: 'X', region: 'R' },
        })
      ).status
    ).toBe(403)
  })

  it('answers 415 for a body that is not sent as JSON', async () => {
    const response = await t.request('POST', '/api/programs', {
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(response.status).toBe(415)
  })

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await t.request('GET', '/api/nothing-here')
    expect(response.status).toBe(404)
    expect(response.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } })
  })
})
