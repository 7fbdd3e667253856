/**
 * Issue 12: a sheet that already holds content the editor cannot show (written before every update was
 * checked) still exports, and a coordinator repairs it: the invalid parts go, everything else stays.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SECTION_META_MAP } from '@specboard/shared'
import { sectionProblem } from '@specboard/shared/sheetNodes'
import { apiRequest } from '../helpers/api.ts'
import { appendRowOnDisk, createTeamFixture, useServer } from '../helpers/fixtures.ts'
import { syncedProvider } from '../helpers/wsClient.ts'

/** A sheet as an attacker left it before the checks: good text beside numbers, maps and odd roots. */
function damagedSheet(): Uint8Array {
  const doc = new Y.Doc()
  const what = doc.getXmlFragment('what')
  const good = new Y.XmlElement('paragraph')
  good.insert(0, [new Y.XmlText('残す文章')])
  what.insert(0, [good, 42 as never, new Y.Map() as never, new Y.XmlElement('script')])
  const why = doc.getXmlFragment('why')
  const kept = new Y.XmlElement('paragraph')
  kept.insert(0, [new Y.XmlText('理由')])
  why.insert(0, [kept])
  doc.getMap(SECTION_META_MAP).set('what', { status: 'ready', assigneeId: null })
  doc.getMap(SECTION_META_MAP).set('why', 'broken')
  doc.getMap('intruder').set('x', 'y')
  return Y.encodeStateAsUpdate(doc)
}

describe('repairing a damaged sheet', () => {
  const server = useServer()

  it('exports what it can, refuses members, and lets a coordinator remove only the invalid parts', async () => {
    const team = await createTeamFixture(server(), 'Damaged')
    await appendRowOnDisk(server(), team.documents.spec, damagedSheet())

    const exported = await apiRequest(server(), 'GET', `/api/teams/${team.teamId}/sheet.json`, {
      token: team.tokens.owner,
    })
    expect(exported.status).toBe(200)
    expect(JSON.stringify(exported.body)).toContain('残す文章')

    const byTalent = await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/sheet/repair`, {
      token: team.tokens.talent,
    })
    expect(byTalent.status).toBe(403)

    const repaired = await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/sheet/repair`)
    expect(repaired.status).toBe(200)
    expect((repaired.body as { removed: number }).removed).toBe(5)

    const fresh = await syncedProvider(server(), team.documents.spec, team.tokens.caretaker)
    try {
      const what = fresh.doc.getXmlFragment('what')
      expect(sectionProblem(what)).toBeNull()
      expect(what.toString()).toBe('<paragraph>残す文章</paragraph>')
      expect(fresh.doc.getXmlFragment('why').toString()).toBe('<paragraph>理由</paragraph>')
      expect(fresh.doc.getMap(SECTION_META_MAP).toJSON()).toEqual({
        what: { status: 'ready', assigneeId: null },
      })
      expect(fresh.doc.getMap('intruder').size).toBe(0)
    } finally {
      fresh.destroy()
    }
  })
})
