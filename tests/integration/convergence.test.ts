import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { notesText } from '../helpers/notes.ts'
import { createTeamFixture, useServer, type TeamFixture } from '../helpers/fixtures.ts'
import { deleteToken, insertToken, seededRandom, sorted, tokensOf } from '../helpers/tokens.ts'
import { sleep, syncedProvider, waitFor, type ProviderClient } from '../helpers/wsClient.ts'

/** Everything a client shows of the test's shared types, for comparing clients. */
function snapshot(doc: Y.Doc) {
  return {
    fragment: doc.getXmlFragment('what').toJSON(),
    notes: notesText(doc).toString(),
    stateVector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b),
  }
}

function firstParagraphText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment('what').get(0) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

/** Paragraph tokens: the text of every paragraph but the first (the shared one). */
function paragraphTokens(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('what')
    .toArray()
    .slice(1)
    .flatMap((p) => tokensOf(((p as Y.XmlElement).get(0) as Y.XmlText).toString()))
}

interface Writer {
  readonly client: ProviderClient
  readonly name: string
  /** Tokens this writer inserted and did not delete, per target. */
  readonly kept: { notes: Set<string>; shared: Set<string>; paragraphs: Set<string> }
}

/** `ops` random edits by one writer, yielding now and then so both writers' messages cross in flight. */
async function type(writer: Writer, seed: number, ops: number): Promise<void> {
  const random = seededRandom(seed)
  const { doc } = writer.client
  const notes = notesText(doc)
  for (let i = 0; i < ops; i++) {
    const token = `[${writer.name}${i}]`
    const dice = random()
    if (dice < 0.35) {
      insertToken(notes, token, random)
      writer.kept.notes.add(token)
    } else if (dice < 0.7) {
      insertToken(firstParagraphText(doc), token, random)
      writer.kept.shared.add(token)
    } else if (dice < 0.85) {
      const fragment = doc.getXmlFragment('what')
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(token)])
      // Never before the shared first paragraph.
      fragment.insert(1 + Math.floor(random() * fragment.length), [paragraph])
      writer.kept.paragraphs.add(token)
    } else {
      // Delete one of our own earlier tokens from the notes.
      const mine = [...writer.kept.notes]
      const victim = mine[Math.floor(random() * mine.length)]
      if (victim && deleteToken(notes, victim)) writer.kept.notes.delete(victim)
    }
    if (random() < 0.3) await sleep(Math.floor(random() * 4))
  }
}

function newWriter(client: ProviderClient, name: string): Writer {
  return { client, name, kept: { notes: new Set(), shared: new Set(), paragraphs: new Set() } }
}

describe('convergence of concurrent writers', () => {
  const server = useServer()
  let team: TeamFixture

  beforeAll(async () => {
    team = await createTeamFixture(server())
  })

  it('converges two concurrent writers and loads the result into a client that joins later', async () => {
    const doc = team.documents.spec
    const owner = newWriter(await syncedProvider(server(), doc, team.tokens.owner), 'o')
    const talent = newWriter(await syncedProvider(server(), doc, team.tokens.talent), 't')
    try {
      // The owner starts the shared paragraph; the talent waits until it has it from the server.
      owner.client.doc.transact(() => {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText()])
        owner.client.doc.getXmlFragment('what').insert(0, [paragraph])
        notesText(owner.client.doc)
      })
      await waitFor(() => talent.client.doc.getXmlFragment('what').length === 1, {
        what: 'the shared paragraph at the talent',
      })

      await Promise.all([type(owner, 1, 150), type(talent, 2, 150)])

      await waitFor(
        () =>
          JSON.stringify(snapshot(owner.client.doc)) ===
          JSON.stringify(snapshot(talent.client.doc)),
        { timeoutMs: 10_000, what: 'both writers to converge' }
      )
      const expectNotes = sorted([...owner.kept.notes, ...talent.kept.notes])
      const expectShared = sorted([...owner.kept.shared, ...talent.kept.shared])
      const expectParagraphs = sorted([...owner.kept.paragraphs, ...talent.kept.paragraphs])
      // Each side holds the other's edits, which only the server could have carried.
      for (const { client } of [owner, talent]) {
        expect(sorted(tokensOf(notesText(client.doc).toString()))).toEqual(expectNotes)
        expect(sorted(tokensOf(firstParagraphText(client.doc).toString()))).toEqual(expectShared)
        expect(sorted(paragraphTokens(client.doc))).toEqual(expectParagraphs)
      }
      expect(
        talent.kept.notes.size + talent.kept.shared.size + talent.kept.paragraphs.size
      ).toBeGreaterThan(50)

      const late = await syncedProvider(server(), doc, team.tokens.caretaker)
      try {
        expect(snapshot(late.doc)).toEqual(snapshot(owner.client.doc))
      } finally {
        late.destroy()
      }
    } finally {
      owner.client.destroy()
      talent.client.destroy()
    }
  })

  it('merges edits made offline with edits made meanwhile by another writer', async () => {
    const doc = team.documents.spec
    const a = await syncedProvider(server(), doc, team.tokens.owner)
    const b = await syncedProvider(server(), doc, team.tokens.talent)
    try {
      notesText(a.doc, 'missing').insert(0, '[online]')
      await waitFor(() => b.doc.getXmlFragment('missing').toString().includes('[online]'), {
        what: 'the first edit at b',
      })

      a.provider.disconnect()
      notesText(a.doc, 'missing').insert(0, '[offline-a]')
      notesText(b.doc, 'missing').insert(notesText(b.doc, 'missing').length, '[meanwhile-b]')
      await sleep(200)
      expect(notesText(b.doc, 'missing').toString()).not.toContain('[offline-a]')

      a.provider.connect()
      const expected = sorted(['[online]', '[offline-a]', '[meanwhile-b]'])
      await waitFor(
        () =>
          JSON.stringify(sorted(tokensOf(notesText(a.doc, 'missing').toString()))) ===
            JSON.stringify(expected) &&
          notesText(a.doc, 'missing').toString() === notesText(b.doc, 'missing').toString(),
        { what: 'the offline edit and the concurrent one on both sides' }
      )
    } finally {
      a.destroy()
      b.destroy()
    }
  })
})
