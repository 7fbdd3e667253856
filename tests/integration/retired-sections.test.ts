/**
 * Issue 11: a retired section keeps its text read-only on the server too. A client update that changes
 * a retired section's content is refused like any schema break (the sender closed with 4422, nothing
 * stored or relayed), while the rest of the sheet stays editable and exports still include the text.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_CODE, type SheetTemplate } from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import { createTeamFixture, diskContains, useServer } from '../helpers/fixtures.ts'
import { notesText } from '../helpers/notes.ts'
import { RawSocket, frames, sleep, syncedProvider, waitFor } from '../helpers/wsClient.ts'

const MARKER = 'RETIREDEDIT'

describe('retired sections', () => {
  // Rooms unload as soon as their last socket leaves, so the next socket loads the retired template.
  const server = useServer({ env: { UNLOAD_DELAY_MS: '0' } })

  async function storedEventually(text: string): Promise<void> {
    for (let i = 0; i < 100 && !(await diskContains(server(), text)); i++) await sleep(50)
    expect(await diskContains(server(), text), text).toBe(true)
  }

  it('refuses changes to a retired section, keeps its text in exports, and the rest editable', async () => {
    const team = await createTeamFixture(server(), 'Retiring')
    const writer = await syncedProvider(server(), team.documents.spec, team.tokens.owner)
    notesText(writer.doc, 'why').insert(0, 'old reasons')
    notesText(writer.doc, 'what').insert(0, 'current text')
    await storedEventually('old reasons')
    writer.destroy()
    await sleep(200)

    const program = (await apiRequest(server(), 'GET', `/api/programs/${team.programId}`)).body as {
      template: SheetTemplate
    }
    const sections = program.template.sections.map((s) =>
      s.key === 'why' ? { ...s, retired: true } : s
    )
    const patched = await apiRequest(server(), 'PATCH', `/api/programs/${team.programId}`, {
      body: { template: { sections } },
    })
    expect(patched.status).toBe(200)

    const member = await syncedProvider(server(), team.documents.spec, team.tokens.talent)
    try {
      const edits: [string, (doc: Y.Doc) => void][] = [
        ['typing into it', (d) => notesText(d, 'why').insert(0, MARKER)],
        ['deleting its text', (d) => d.getXmlFragment('why').delete(0, 1)],
        [
          'adding a paragraph',
          (d) => {
            const p = new Y.XmlElement('paragraph')
            p.insert(0, [new Y.XmlText(MARKER)])
            d.getXmlFragment('why').insert(1, [p])
          },
        ],
      ]
      for (const [label, edit] of edits) {
        const copy = new Y.Doc()
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(member.doc))
        const before = Y.encodeStateVector(copy)
        edit(copy)
        const socket = await RawSocket.open(server(), team.documents.spec, team.tokens.caretaker)
        try {
          await waitFor(() => socket.received.length > 0, { what: 'the sync step 1' })
          socket.send(frames.syncUpdate(Y.encodeStateAsUpdate(copy, before)))
          expect((await socket.waitClosed(3000)).code, label).toBe(CLOSE_CODE.refusedUpdate)
        } finally {
          socket.terminate()
        }
      }
      await sleep(100)
      expect(member.closes).toEqual([])
      expect(member.doc.getXmlFragment('why').toString()).toContain('old reasons')
      expect(member.doc.getXmlFragment('why').toString()).not.toContain(MARKER)
      expect(await diskContains(server(), MARKER)).toBe(false)

      // The other sections stay editable for everyone.
      notesText(member.doc, 'what').insert(0, '[still editable]')
      await storedEventually('[still editable]')
      expect(member.closes).toEqual([])
    } finally {
      member.destroy()
    }

    const exported = await apiRequest(server(), 'GET', `/api/teams/${team.teamId}/sheet.md`)
    expect(String(exported.body)).toContain('old reasons')
  })
})
