import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SECTION_META_MAP, SheetExport, Team, documentName } from '@specboard/shared'
import { createTestApp, type TestApp } from '../../../tests/helpers/testApp.ts'

function writeSection(doc: Y.Doc, key: string, text: string, status: string): void {
  const paragraph = new Y.XmlElement('paragraph')
  const t = new Y.XmlText()
  paragraph.insert(0, [t])
  doc.getXmlFragment(key).insert(0, [paragraph])
  t.insert(0, text)
  doc.getMap(SECTION_META_MAP).set(key, { status, assigneeId: null })
}

describe('team routes', () => {
  let t: TestApp
  let teamId: string
  let owner: string
  beforeAll(async () => {
    t = createTestApp()
    teamId = (await t.programWithTeam('Satoyama')).teamId
    owner = await t.join(teamId, 'owner', 'Oka')
    const doc = new Y.Doc()
    writeSection(doc, 'what', 'Run a **school** in the hills', 'ready')
    writeSection(doc, 'why', 'Because', 'done')
    await await t.storage.log.append(documentName('spec', teamId), Y.encodeStateAsUpdate(doc))
  })
  afterAll(() => t.close())

  it('shows the team with its members, role and documents', async () => {
    const team = Team.parse((await t.request('GET', `/api/teams/${teamId}`, { token: owner })).body)
    expect(team).toMatchObject({
      id: teamId,
      name: 'Satoyama',
      myRole: 'owner',
      documents: { spec: `spec:${teamId}` },
    })
    expect(team.members.map((m) => [m.name, m.role])).toEqual([['Oka', 'owner']])
  })

  it('exports the sheet as JSON from the stored document, without loading a room', async () => {
    const response = await t.request('GET', `/api/teams/${teamId}/sheet.json?lang=en`, {
      token: owner,
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain('attachment')
    const sheet = SheetExport.parse(response.body)
    expect(sheet.sections[0]).toMatchObject({
      key: 'what',
      title: 'What we want to do',
      status: 'ready',
      text: 'Run a **school** in the hills',
    })
    expect(sheet.sections[0].markdown).toBe('Run a \\*\\*school\\*\\* in the hills')
    expect(sheet.sections[1]).toMatchObject({ key: 'why', status: 'done' })
    expect(sheet.completeness).toMatchObject({ written: 2, ready: 1, done: 1 })
    expect(t.collab.loadedRoom(documentName('spec', teamId))).toBeUndefined()
  })

  it('exports the sheet as Markdown in either language', async () => {
    const ja = await t.request('GET', `/api/teams/${teamId}/sheet.md`, { token: owner })
    expect(ja.headers.get('content-type')).toContain('text/markdown')
    expect(ja.body).toContain('# Satoyama')
    expect(ja.body).toContain('## やりたいこと')
    const en = await t.request('GET', `/api/teams/${teamId}/sheet.md?lang=en`, { token: owner })
    expect(en.body).toContain('## What we want to do')
    expect(en.body).toContain('(not written yet)')
  })

  it('answers 403 to someone outside the team and 404 for an unknown team', async () => {
    const other = await t.programWithTeam('Other')
    const outsider = await t.join(other.teamId, 'owner', 'Out')
    expect((await t.request('GET', `/api/teams/${teamId}`, { token: outsider })).status).toBe(403)
    expect(
      (await t.request('GET', `/api/teams/${teamId}/sheet.json`, { token: outsider })).status
    ).toBe(403)
    expect((await t.request('GET', '/api/teams/nope')).status).toBe(404)
  })
})
