/**
 * Issue 12: a member's updates that the sheet or stage cannot hold are refused as a whole — nothing
 * stored, nobody receives them — and only the sender's socket is closed.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_CODE, SECTION_META_MAP, STAGE_KEYS, STAGE_MAP } from '@specboard/shared'
import {
  createTeamFixture,
  diskContains,
  useServer,
  type TeamFixture,
} from '../helpers/fixtures.ts'
import { notesText } from '../helpers/notes.ts'
import {
  RawSocket,
  frames,
  sleep,
  syncedProvider,
  updateFrom,
  waitFor,
  type ProviderClient,
} from '../helpers/wsClient.ts'

const MARKER = 'ATTACK'

/** Everything a client can see of a spec document. */
function sheetOf(doc: Y.Doc) {
  return JSON.stringify({
    what: doc.getXmlFragment('what').toJSON(),
    why: doc.getXmlFragment('why').toJSON(),
    meta: doc.getMap(SECTION_META_MAP).toJSON(),
    roots: [...doc.share.keys()].sort(),
  })
}

function paragraphWith(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  return p
}

const SPEC_ATTACKS: [string, (doc: Y.Doc) => void][] = [
  ['a number where paragraphs belong', (d) => d.getXmlFragment('what').insert(0, [42 as never])],
  [
    'a map where paragraphs belong',
    (d) => {
      const map = new Y.Map<string>()
      map.set('x', MARKER)
      d.getXmlFragment('what').insert(0, [map as never])
    },
  ],
  ['plain text at a section', (d) => d.getText('what').insert(0, MARKER)],
  [
    'an unknown node type',
    (d) => {
      const node = new Y.XmlElement('iframe')
      node.insert(0, [new Y.XmlText(MARKER)])
      d.getXmlFragment('what').insert(0, [node])
    },
  ],
  ['a malformed sectionMeta value', (d) => d.getMap(SECTION_META_MAP).set('what', MARKER)],
  ['a root outside the template', (d) => d.getMap(MARKER).set('x', 1)],
]

const STAGE_ATTACKS: [string, (doc: Y.Doc) => void][] = [
  ['reactions', (d) => d.getMap(STAGE_MAP).set(STAGE_KEYS.reactions, { clap: 999999 })],
  ['viewers', (d) => d.getMap(STAGE_MAP).set(STAGE_KEYS.viewers, 4242)],
  [
    'a fake session',
    (d) => d.getMap(STAGE_MAP).set(STAGE_KEYS.session, { sessionId: MARKER, currentTeamId: null }),
  ],
  [
    'the timer',
    (d) =>
      d.getMap(STAGE_MAP).set(STAGE_KEYS.timer, { durationMs: 1, startedAt: null, remainingMs: 1 }),
  ],
]

/** The update `edit` makes to a copy of `base` (as an attacker synced with the server would send it). */
function updateOn(base: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  edit(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

/** Sends `update` over a fresh socket as `token` and returns the close code. */
async function sendUpdate(
  server: Parameters<typeof RawSocket.open>[0],
  document: string,
  token: string,
  update: Uint8Array
): Promise<number> {
  const socket = await RawSocket.open(server, document, token)
  try {
    await waitFor(() => socket.received.length > 0, { what: 'the sync step 1 from the server' })
    socket.send(frames.syncUpdate(update))
    return (await socket.waitClosed(3000)).code
  } finally {
    socket.terminate()
  }
}

describe('updates that break the sheet schema', () => {
  const server = useServer()
  let team: TeamFixture
  let owner: ProviderClient
  let talent: ProviderClient

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Checked')
    owner = await syncedProvider(server(), team.documents.spec, team.tokens.owner)
    talent = await syncedProvider(server(), team.documents.spec, team.tokens.talent)
    owner.doc.getXmlFragment('what').insert(0, [paragraphWith('[good]')])
    owner.doc.getMap(SECTION_META_MAP).set('what', { status: 'ready', assigneeId: null })
    await waitFor(() => sheetOf(talent.doc) === sheetOf(owner.doc), { what: 'the good text' })
    return () => {
      owner.destroy()
      talent.destroy()
    }
  })

  it.each(SPEC_ATTACKS)(
    'refuses %s, closes only the sender, and stores nothing',
    async (_l, edit) => {
      const before = sheetOf(owner.doc)
      const update = updateOn(talent.doc, edit)
      const code = await sendUpdate(server(), team.documents.spec, team.tokens.talent, update)
      expect(code).toBe(CLOSE_CODE.refusedUpdate)
      await sleep(100)
      expect(owner.closes).toEqual([])
      expect(talent.closes).toEqual([])
      expect(sheetOf(talent.doc)).toBe(before)
      expect(await diskContains(server(), MARKER)).toBe(false)
      const fresh = await syncedProvider(server(), team.documents.spec, team.tokens.caretaker)
      try {
        expect(sheetOf(fresh.doc)).toBe(before)
      } finally {
        fresh.destroy()
      }
      // The room carries on: the members' edits still travel.
      const token = `[after-${_l.length}]`
      notesText(owner.doc, 'missing').insert(0, token)
      await waitFor(() => talent.doc.getXmlFragment('missing').toString().includes(token), {
        what: 'a good edit after the refusal',
      })
    }
  )

  it('refuses the same content sent in the sync step 2 of a provider', async () => {
    const code = await (async () => {
      const socket = await RawSocket.open(server(), team.documents.spec, team.tokens.talent)
      try {
        await waitFor(() => socket.received.length > 0)
        socket.send(frames.syncStep2(updateFrom((d) => d.getMap(MARKER).set('a', 1))))
        return (await socket.waitClosed(3000)).code
      } finally {
        socket.terminate()
      }
    })()
    expect(code).toBe(CLOSE_CODE.refusedUpdate)
    expect(await diskContains(server(), MARKER)).toBe(false)
  })
})

describe("updates to the server's stage fields", () => {
  const server = useServer()
  let team: TeamFixture

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Stage')
  })

  it.each(STAGE_ATTACKS)('refuses a member writing %s', async (_label, edit) => {
    const presenter = await syncedProvider(server(), team.documents.stage, team.tokens.owner)
    try {
      const code = await sendUpdate(
        server(),
        team.documents.stage,
        team.tokens.talent,
        updateFrom(edit)
      )
      expect(code).toBe(CLOSE_CODE.refusedUpdate)
      const fresh = await syncedProvider(server(), team.documents.stage, team.tokens.caretaker)
      try {
        const stage = fresh.doc.getMap(STAGE_MAP)
        expect(stage.get(STAGE_KEYS.reactions)).toBeUndefined()
        expect(stage.get(STAGE_KEYS.viewers)).toBeUndefined()
        expect(stage.get(STAGE_KEYS.session)).toBeUndefined()
        expect(stage.get(STAGE_KEYS.timer)).toBeUndefined()
      } finally {
        fresh.destroy()
      }
      // The presenter still drives the slides.
      presenter.doc.getMap(STAGE_MAP).set(STAGE_KEYS.slide, 2)
      const viewer = await syncedProvider(server(), team.documents.stage, team.tokens.reviewer)
      try {
        await waitFor(() => viewer.doc.getMap(STAGE_MAP).get(STAGE_KEYS.slide) === 2)
      } finally {
        viewer.destroy()
      }
      expect(presenter.closes).toEqual([])
    } finally {
      presenter.destroy()
    }
  })
})

describe('the document quota', () => {
  const server = useServer({ env: { MAX_DOCUMENT_BYTES: String(64 * 1024) } })

  it('refuses an update that would grow the document past MAX_DOCUMENT_BYTES', async () => {
    const team = await createTeamFixture(server(), 'Quota')
    const writer = await syncedProvider(server(), team.documents.spec, team.tokens.owner)
    const reader = await syncedProvider(server(), team.documents.spec, team.tokens.talent)
    try {
      notesText(writer.doc, 'what').insert(0, '[small]')
      await waitFor(() => reader.doc.getXmlFragment('what').toString().includes('[small]'))
      notesText(writer.doc, 'why').insert(0, `${MARKER}${'x'.repeat(70 * 1024)}`)
      await waitFor(() => writer.closes.length > 0, { what: 'the writer to be closed' })
      expect(writer.closes[0].code).toBe(CLOSE_CODE.documentTooLarge)
      await sleep(200)
      expect(reader.doc.getXmlFragment('why').toString()).not.toContain(MARKER)
      expect(reader.closes).toEqual([])
      expect(await diskContains(server(), MARKER)).toBe(false)
    } finally {
      writer.destroy()
      reader.destroy()
    }
  })
})
