import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_CODE } from '@specboard/shared'
import { notesText } from '../helpers/notes.ts'
import { apiRequest } from '../helpers/api.ts'
import {
  createTeamFixture,
  diskContains,
  loadDocFromDisk,
  useServer,
  type TeamFixture,
} from '../helpers/fixtures.ts'
import {
  closeCodeFor,
  connectProvider,
  frames,
  RawSocket,
  sleep,
  syncedProvider,
  updateFrom,
  waitFor,
  type ProviderClient,
} from '../helpers/wsClient.ts'

/** The presence state `client` sees for the other side's client id, if any. */
function presenceOf(
  observer: ProviderClient,
  subject: ProviderClient
): Record<string, unknown> | undefined {
  return observer.provider.awareness.getStates().get(subject.doc.clientID)
}

describe('a reviewer on the spec document', () => {
  const server = useServer()
  let team: TeamFixture

  beforeAll(async () => {
    team = await createTeamFixture(server())
  })

  it('receives state and live updates, but its own updates are never applied, stored or relayed', async () => {
    const spec = team.documents.spec
    const writer = await syncedProvider(server(), spec, team.tokens.owner)
    notesText(writer.doc).insert(0, '[before]')
    await sleep(50)

    // Offline edits the reviewer holds before it connects travel in its sync step 2.
    const reviewerDoc = new Y.Doc()
    notesText(reviewerDoc).insert(0, '[REVIEWER-STEP2]')
    const reviewer = connectProvider(server(), spec, team.tokens.reviewer, { doc: reviewerDoc })
    try {
      await waitFor(() => reviewer.doc.getXmlFragment('why').toString().includes('[before]'), {
        what: 'state at the reviewer',
      })

      notesText(writer.doc).insert(0, '[live]')
      await waitFor(() => reviewer.doc.getXmlFragment('why').toString().includes('[live]'), {
        what: 'a live update at the reviewer',
      })

      // A live edit (sync update), then a presence change on the same socket. Frames are handled in order,
      // so once the writer sees the presence, the server has already handled the edit.
      notesText(reviewer.doc).insert(0, '[REVIEWER-UPDATE]')
      reviewer.doc.getXmlFragment('what').insert(0, [new Y.XmlText('REVIEWER-XML')])
      reviewer.provider.awareness.setLocalState({
        user: { name: 'claims to be someone else', color: '#30638e' },
        section: 'why',
      })
      await waitFor(() => presenceOf(writer, reviewer)?.section === 'why', {
        what: "the reviewer's presence at the writer",
      })

      // Presence is relayed, with the identity the server vouches for.
      const user = presenceOf(writer, reviewer)!.user as Record<string, unknown>
      expect(user.role).toBe('reviewer')
      expect(user.name).toBe('reviewer of Team')

      await sleep(100)
      expect(notesText(writer.doc).toString()).not.toContain('REVIEWER')
      expect(writer.doc.getXmlFragment('what').toString()).not.toContain('REVIEWER')
      expect(await diskContains(server(), 'REVIEWER')).toBe(false)

      // A client that joins afterwards gets none of it either.
      const late = await syncedProvider(server(), spec, team.tokens.talent)
      expect(notesText(late.doc).toString()).toBe(notesText(writer.doc).toString())
      late.destroy()
    } finally {
      reviewer.destroy()
      writer.destroy()
    }

    await server().restart()
    const fresh = await syncedProvider(server(), spec, team.tokens.talent)
    try {
      const notes = notesText(fresh.doc).toString()
      expect(notes).toContain('[before]')
      expect(notes).toContain('[live]')
      expect(notes).not.toContain('REVIEWER')
      expect(fresh.doc.getXmlFragment('what').toString()).not.toContain('REVIEWER')
    } finally {
      fresh.destroy()
    }
  })

  it('drops hand-made sync step 2 and update frames from a reviewer socket without closing it', async () => {
    const spec = team.documents.spec
    const writer = await syncedProvider(server(), spec, team.tokens.owner)
    const reviewer = await RawSocket.open(server(), spec, team.tokens.reviewer)
    try {
      reviewer.send(frames.syncStep2(updateFrom((d) => notesText(d).insert(0, '[RAW-STEP2]'))))
      reviewer.send(frames.syncUpdate(updateFrom((d) => notesText(d).insert(0, '[RAW-UPDATE]'))))
      // A query the server must answer proves it handled the frames before it.
      const before = reviewer.received.length
      reviewer.send(frames.queryAwareness())
      await waitFor(() => reviewer.received.slice(before).some((m) => m[0] === 1), {
        what: 'the awareness answer',
      })
      expect(reviewer.isOpen).toBe(true)
      await sleep(50)
      expect(notesText(writer.doc).toString()).not.toContain('RAW-')
      expect(await diskContains(server(), 'RAW-')).toBe(false)
      expect(notesText(await loadDocFromDisk(server(), spec)).toString()).not.toContain('RAW-')
    } finally {
      reviewer.terminate()
      writer.destroy()
    }
  })

  // Feedback is written by the server on the API's behalf (3d1bc49): every socket reads `feedback:`, and a
  // reviewer writes it through POST /api/teams/:teamId/threads while a round is open.
  it('writes feedback through the API, which everyone on the feedback document receives live and which survives a restart', async () => {
    const feedback = team.documents.feedback
    const owner = await syncedProvider(server(), feedback, team.tokens.owner)
    const reviewer = await syncedProvider(server(), feedback, team.tokens.reviewer)
    try {
      // A direct socket write is dropped, as on the spec document.
      reviewer.doc.getMap('threads').set('forged', { body: 'REVIEWER-FORGED' })
      reviewer.provider.awareness.setLocalState({
        user: { name: 'r', color: '#30638e' },
        section: 'what',
      })
      await waitFor(() => presenceOf(owner, reviewer)?.section === 'what', {
        what: "the reviewer's presence at the owner",
      })

      const round = await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/rounds`, {
        body: { reviewerIds: [] },
      })
      expect(round.status).toBe(201)
      const posted = await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/threads`, {
        token: team.tokens.reviewer,
        body: { sectionKey: 'what', body: 'Say who benefits.' },
      })
      expect(posted.status).toBe(201)
      const threadId = (posted.body as { id: string }).id
      for (const client of [owner, reviewer]) {
        await waitFor(() => client.doc.getMap('threads').has(threadId), {
          what: 'the thread on a feedback socket',
        })
      }
      const thread = owner.doc.getMap('threads').get(threadId) as {
        body: string
        author: { role: string }
      }
      expect(thread.body).toBe('Say who benefits.')
      expect(thread.author.role).toBe('reviewer')
      expect(owner.doc.getMap('threads').has('forged')).toBe(false)
    } finally {
      owner.destroy()
      reviewer.destroy()
    }
    expect(await diskContains(server(), 'REVIEWER-FORGED')).toBe(false)
    await server().restart()
    const fresh = await syncedProvider(server(), feedback, team.tokens.caretaker)
    try {
      const threads = fresh.doc.getMap('threads')
      expect([...threads.values()].map((t) => (t as { body: string }).body)).toEqual([
        'Say who benefits.',
      ])
    } finally {
      fresh.destroy()
    }
  })
})

describe('opening a collaboration socket', () => {
  const server = useServer()
  let team: TeamFixture

  beforeAll(async () => {
    team = await createTeamFixture(server())
  })

  it('closes with 4401 without a token or with an unknown one', async () => {
    expect(await closeCodeFor(server(), team.documents.spec)).toBe(CLOSE_CODE.unauthorized)
    expect(await closeCodeFor(server(), team.documents.spec, 'not-a-real-token')).toBe(
      CLOSE_CODE.unauthorized
    )
  })

  it('closes with 4403 for a person with no role in the team', async () => {
    expect(await closeCodeFor(server(), team.documents.spec, team.outsiderToken)).toBe(
      CLOSE_CODE.forbidden
    )
    expect(await closeCodeFor(server(), team.documents.feedback, team.outsiderToken)).toBe(
      CLOSE_CODE.forbidden
    )
  })

  it('closes with 4404 for documents that do not exist', async () => {
    for (const name of ['spec:doesnotexist', 'nonsense', `notes:${team.teamId}`, '']) {
      expect(await closeCodeFor(server(), name, team.tokens.owner), name).toBe(
        CLOSE_CODE.unknownDocument
      )
    }
  })

  it('keeps an admitted socket open', async () => {
    expect(await closeCodeFor(server(), team.documents.spec, team.tokens.reviewer, 300)).toBeNull()
  })

  it('makes the provider of a refused socket stop instead of retrying', async () => {
    const client = connectProvider(server(), team.documents.spec, team.outsiderToken)
    try {
      await waitFor(() => client.closes.length > 0, { what: 'the refusal' })
      await sleep(600)
      expect(client.closes.map((c) => c.code)).toEqual([CLOSE_CODE.forbidden])
      expect(client.provider.shouldConnect).toBe(false)
    } finally {
      client.destroy()
    }
  })
})
