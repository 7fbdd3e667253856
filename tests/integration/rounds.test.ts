import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FEEDBACK_THREADS_MAP, Round, SheetDiff, Thread } from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import { createTeamFixture, queryStore, useServer, type TeamFixture } from '../helpers/fixtures.ts'
import { sleep, syncedProvider, waitFor, type ProviderClient } from '../helpers/wsClient.ts'

/** Writes one paragraph of plain text as the whole section, the way the editor stores it. */
function writeParagraph(doc: Y.Doc, section: string, text: string): Y.XmlText {
  const fragment = doc.getXmlFragment(section)
  const paragraph = new Y.XmlElement('paragraph')
  const xmlText = new Y.XmlText()
  paragraph.insert(0, [xmlText])
  doc.transact(() => {
    fragment.delete(0, fragment.length)
    fragment.insert(0, [paragraph])
    xmlText.insert(0, text)
  })
  return xmlText
}

function encode(position: Y.RelativePosition): string {
  return Buffer.from(Y.encodeRelativePosition(position)).toString('base64')
}

/** The text an encoded anchor covers in `doc` now. */
function anchoredText(doc: Y.Doc, anchor: { start: string; end: string }): string {
  const start = Y.createAbsolutePositionFromRelativePosition(
    Y.decodeRelativePosition(Buffer.from(anchor.start, 'base64')),
    doc
  )!
  const end = Y.createAbsolutePositionFromRelativePosition(
    Y.decodeRelativePosition(Buffer.from(anchor.end, 'base64')),
    doc
  )!
  expect(start.type).toBe(end.type)
  return (start.type as Y.XmlText).toString().slice(start.index, end.index)
}

describe('review rounds', () => {
  const server = useServer()
  let team: TeamFixture
  let reviewerId: string
  let owner: ProviderClient

  beforeAll(async () => {
    team = await createTeamFixture(server())
    const me = await apiRequest(server(), 'GET', '/api/me', { token: team.tokens.reviewer })
    reviewerId = (me.body as { person: { id: string } }).person.id
    owner = await syncedProvider(server(), team.documents.spec, team.tokens.owner)
  })

  const post = (path: string, token: string | undefined, body: unknown = {}) =>
    apiRequest(server(), 'POST', path, { token, body })

  it('keeps a thread on the same words while others type before and inside the sentence', async () => {
    const text = writeParagraph(owner.doc, 'what', '地域の課題 ワイン生産者 をつなぐ')
    const opened = await post(`/api/teams/${team.teamId}/rounds`, undefined, {
      reviewerIds: [reviewerId],
    })
    expect(opened.status).toBe(201)
    const round = Round.parse(opened.body)

    const from = text.toString().indexOf('ワイン生産者')
    const anchor = {
      start: encode(Y.createRelativePositionFromTypeIndex(text, from)),
      end: encode(Y.createRelativePositionFromTypeIndex(text, from + 'ワイン生産者'.length, -1)),
    }
    await sleep(100) // the owner's edit has reached the server
    const created = await post(`/api/teams/${team.teamId}/threads`, team.tokens.reviewer, {
      sectionKey: 'what',
      anchor,
      quote: 'ワイン生産者',
      body: 'どの生産者ですか？',
    })
    expect(created.status).toBe(201)
    const thread = Thread.parse(created.body)
    expect(thread.roundNumber).toBe(round.number)
    expect(thread.author).toMatchObject({ personId: reviewerId, role: 'reviewer' })

    // Two writers insert concurrently: one at the start, one just before the anchored words.
    const talent = await syncedProvider(server(), team.documents.spec, team.tokens.talent)
    const talentText = (talent.doc.getXmlFragment('what').get(0) as Y.XmlElement).get(
      0
    ) as Y.XmlText
    text.insert(0, '【重要】')
    talentText.insert(talentText.toString().indexOf('ワイン'), '塩尻の')
    await waitFor(
      () =>
        owner.doc.getXmlFragment('what').toString().includes('塩尻の') &&
        talent.doc.getXmlFragment('what').toString().includes('【重要】')
    )

    const feedback = await syncedProvider(server(), team.documents.feedback, team.tokens.caretaker)
    const stored = Thread.parse(feedback.doc.getMap(FEEDBACK_THREADS_MAP).get(thread.id))
    expect(anchoredText(talent.doc, stored.anchor!)).toBe('ワイン生産者')
    feedback.destroy()
    talent.destroy()
  })

  it('refuses a comment on words that were deleted, and a reply to a deleted thread', async () => {
    const text = writeParagraph(owner.doc, 'why', 'この一文は 消える 予定です')
    const from = text.toString().indexOf('消える')
    const anchor = {
      start: encode(Y.createRelativePositionFromTypeIndex(text, from)),
      end: encode(Y.createRelativePositionFromTypeIndex(text, from + 3, -1)),
    }
    text.delete(from, 3)
    await sleep(100)
    const gone = await post(`/api/teams/${team.teamId}/threads`, team.tokens.reviewer, {
      sectionKey: 'why',
      anchor,
      quote: '消える',
      body: 'x',
    })
    expect(gone.status).toBe(409)
    expect(gone.body).toMatchObject({ error: { code: 'range_gone' } })

    const whole = Thread.parse(
      (
        await post(`/api/teams/${team.teamId}/threads`, team.tokens.reviewer, {
          sectionKey: 'why',
          body: '全体について',
        })
      ).body
    )
    expect(
      (
        await apiRequest(server(), 'DELETE', `/api/teams/${team.teamId}/threads/${whole.id}`, {
          token: team.tokens.reviewer,
        })
      ).status
    ).toBe(204)
    const reply = await post(
      `/api/teams/${team.teamId}/threads/${whole.id}/replies`,
      team.tokens.owner,
      { body: '返信' }
    )
    expect(reply.status).toBe(404)
    expect(
      (
        await post(`/api/teams/${team.teamId}/threads`, team.tokens.reviewer, {
          sectionKey: 'nope',
          body: 'x',
        })
      ).status
    ).toBe(400)
  })

  it('diffs the frozen drafts, closes with a summary, and never changes a snapshot afterwards', async () => {
    expect(
      (await post(`/api/teams/${team.teamId}/rounds`, undefined, { reviewerIds: [] })).status
    ).toBe(409)
    writeParagraph(owner.doc, 'future', 'ABC')
    await sleep(100)
    expect(
      (await post(`/api/teams/${team.teamId}/rounds/1/close`, undefined, { note: '' })).status
    ).toBe(200)
    expect((await post(`/api/teams/${team.teamId}/rounds/1/close`, undefined, {})).status).toBe(409)
    expect(
      (await post(`/api/teams/${team.teamId}/rounds`, undefined, { reviewerIds: [reviewerId] }))
        .status
    ).toBe(201)

    const threadId = Thread.parse(
      (
        await post(`/api/teams/${team.teamId}/threads`, team.tokens.reviewer, {
          sectionKey: 'future',
          body: '具体的に',
        })
      ).body
    ).id
    await post(`/api/teams/${team.teamId}/threads`, team.tokens.reviewer, {
      sectionKey: 'future',
      body: 'もう一点',
    })
    await post(`/api/teams/${team.teamId}/threads/${threadId}/replies`, team.tokens.owner, {
      body: '直しました',
    })
    const futureText = (owner.doc.getXmlFragment('future').get(0) as Y.XmlElement).get(
      0
    ) as Y.XmlText
    futureText.insert(2, 'X')
    await sleep(100)
    expect(
      (await post(`/api/teams/${team.teamId}/threads/${threadId}/resolve`, team.tokens.owner))
        .status
    ).toBe(200)
    expect(
      (await post(`/api/teams/${team.teamId}/threads/${threadId}/resolve`, team.tokens.owner))
        .status
    ).toBe(409)

    const closed = Round.parse(
      (
        await post(`/api/teams/${team.teamId}/rounds/2/close`, undefined, {
          note: '良くなりました',
        })
      ).body
    )
    expect(closed.state).toBe('closed')
    expect(closed.summary!.note).toBe('良くなりました')
    expect(closed.summary!.sections.find((s) => s.sectionKey === 'future')).toEqual({
      sectionKey: 'future',
      threadsOpened: 2,
      threadsResolved: 1,
      threadsStillOpen: 1,
      changed: true,
    })
    expect(closed.summary!.changedSections).toBe(1)

    const diff = async (from: string, to: string) =>
      SheetDiff.parse(
        (await apiRequest(server(), 'GET', `/api/teams/${team.teamId}/diff?from=${from}&to=${to}`))
          .body
      )
    const during = await diff('round:2', 'round:2:close')
    expect(during.changedSections).toBe(1)
    expect(during.sections.find((s) => s.sectionKey === 'future')!.parts).toEqual([
      { kind: 'same', text: 'AB' },
      { kind: 'insert', text: 'X' },
      { kind: 'same', text: 'C' },
    ])
    const between = await diff('round:1', 'round:2')
    expect(between.sections.find((s) => s.sectionKey === 'future')!.parts).toEqual([
      { kind: 'insert', text: 'ABC' },
    ])

    // Edits after the close change "since", never the round's own snapshots.
    futureText.delete(0, 1)
    await sleep(100)
    expect(await diff('round:2', 'round:2:close')).toEqual(during)
    const since = await diff('round:2', 'current')
    expect(since.sections.find((s) => s.sectionKey === 'future')!.parts).toEqual([
      { kind: 'delete', text: 'A' },
      { kind: 'same', text: 'B' },
      { kind: 'insert', text: 'X' },
      { kind: 'same', text: 'C' },
    ])
    expect(
      (await apiRequest(server(), 'GET', `/api/teams/${team.teamId}/diff?from=round:9`)).status
    ).toBe(404)
    const bytes = new Uint8Array([0])
    await expect(
      queryStore(server(), 'UPDATE rounds SET open_snapshot = ?', [bytes])
    ).rejects.toThrow(/immutable/)
    await expect(
      queryStore(server(), 'UPDATE rounds SET close_snapshot = ?', [bytes])
    ).rejects.toThrow(/immutable/)
  })

  it('lets nobody write the feedback document over a socket', async () => {
    const caretaker = await syncedProvider(server(), team.documents.feedback, team.tokens.caretaker)
    caretaker.doc.getMap(FEEDBACK_THREADS_MAP).set('forged', { body: 'FORGED' })
    await sleep(200)
    const observer = await syncedProvider(server(), team.documents.feedback, team.tokens.owner)
    expect(observer.doc.getMap(FEEDBACK_THREADS_MAP).has('forged')).toBe(false)
    observer.destroy()
    caretaker.destroy()
  })
})
