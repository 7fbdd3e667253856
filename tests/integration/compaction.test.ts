import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SECTION_META_MAP } from '@specboard/shared'
import {
  appendRowOnDisk,
  createTeamFixture,
  loadDocFromDisk,
  readUpdateRows,
  useServer,
  type TeamFixture,
} from '../helpers/fixtures.ts'
import { notesText } from '../helpers/notes.ts'
import { seededRandom, insertToken } from '../helpers/tokens.ts'
import { sleep, syncedProvider, waitFor, type ProviderClient } from '../helpers/wsClient.ts'

/** Rows a burst of typing may add while one compaction is under way. */
const COMPACTION_SLACK = 8
const COMPACT_AFTER = 20
const UNLOAD_DELAY_MS = 300

/** What a client shows of everything these tests write, for comparing one load with another. */
function contentOf(doc: Y.Doc) {
  return {
    what: doc.getXmlFragment('what').toJSON(),
    notes: notesText(doc).toString(),
    meta: doc.getMap(SECTION_META_MAP).toJSON(),
    stateVector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b),
  }
}

/** `count` single-update edits of several kinds, paced under the server's per-socket rate limit. */
async function writeUpdates(
  client: ProviderClient,
  count: number,
  seed: number,
  onEach?: (i: number) => Promise<void>
) {
  const random = seededRandom(seed)
  const { doc } = client
  const fragment = doc.getXmlFragment('what')
  for (let i = 0; i < count; i++) {
    const dice = random()
    if (fragment.length === 0 || dice < 0.1) {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(`[p${i}]`)])
      fragment.insert(fragment.length, [paragraph])
    } else if (dice < 0.6) {
      const paragraph = fragment.get(Math.floor(random() * fragment.length)) as Y.XmlElement
      insertToken(paragraph.get(0) as Y.XmlText, `[w${i}]`, random)
    } else if (dice < 0.9) {
      insertToken(notesText(doc), `[n${i}]`, random)
    } else if (notesText(doc).length > 0) {
      notesText(doc).delete(0, Math.min(3, notesText(doc).length))
    }
    if (i % 7 === 0)
      doc
        .getMap(SECTION_META_MAP)
        .set('what', { status: i % 2 ? 'ready' : 'draft', assigneeId: null })
    await onEach?.(i)
    await sleep(5)
  }
}

describe('compaction and unloading', () => {
  const server = useServer({
    env: { COMPACT_AFTER: String(COMPACT_AFTER), UNLOAD_DELAY_MS: String(UNLOAD_DELAY_MS) },
  })
  let team: TeamFixture

  beforeAll(async () => {
    team = await createTeamFixture(server())
  })

  it('keeps the update log of a document bounded, and a fresh load after a restart identical', async () => {
    const spec = team.documents.spec
    const writer = await syncedProvider(server(), spec, team.tokens.owner)
    const observer = await syncedProvider(server(), spec, team.tokens.talent)
    let maxRows = 0
    let before!: ReturnType<typeof contentOf>
    try {
      await writeUpdates(writer, 200, 5, async (i) => {
        if (i % 10 !== 9) return
        await waitFor(
          () => JSON.stringify(contentOf(observer.doc)) === JSON.stringify(contentOf(writer.doc)),
          {
            what: `update ${i} at the observer`,
          }
        )
        maxRows = Math.max(maxRows, (await readUpdateRows(server(), spec)).length)
      })
      await waitFor(
        () => JSON.stringify(contentOf(observer.doc)) === JSON.stringify(contentOf(writer.doc)),
        { what: 'the last update at the observer' }
      )
      await sleep(100)
      before = contentOf(observer.doc)
      const rows = await readUpdateRows(server(), spec)
      expect(rows.length).toBeLessThanOrEqual(COMPACT_AFTER)
      // Compaction runs beside the appends (it awaits its own transaction), so a few rows may arrive
      // while it merges; the log stays bounded all the same.
      expect(maxRows).toBeLessThanOrEqual(COMPACT_AFTER + COMPACTION_SLACK)
      expect(maxRows).toBeGreaterThan(1)
      // What the file holds is exactly what the clients hold.
      expect(contentOf(await loadDocFromDisk(server(), spec))).toEqual(before)
    } finally {
      writer.destroy()
      observer.destroy()
    }
    expect(before.what.length).toBeGreaterThan(200)

    await server().restart()
    const fresh = await syncedProvider(server(), spec, team.tokens.caretaker)
    try {
      expect(contentOf(fresh.doc)).toEqual(before)
    } finally {
      fresh.destroy()
    }
  })

  it('unloads a document nobody has open after UNLOAD_DELAY_MS and loads it again from disk', async () => {
    const other = await createTeamFixture(server(), 'Unloaded')
    const spec = other.documents.spec
    const writer = await syncedProvider(server(), spec, other.tokens.owner)
    const observer = await syncedProvider(server(), spec, other.tokens.talent)
    await writeUpdates(writer, 12, 9)
    await waitFor(
      () => JSON.stringify(contentOf(observer.doc)) === JSON.stringify(contentOf(writer.doc)),
      { what: 'the updates at the observer' }
    )
    const before = contentOf(observer.doc)
    expect((await readUpdateRows(server(), spec)).length).toBeGreaterThan(1)
    writer.destroy()
    observer.destroy()

    // Unloading compacts what is left in the log into one row: that is how the test sees it happen.
    const deadline = Date.now() + UNLOAD_DELAY_MS + 3000
    while ((await readUpdateRows(server(), spec)).length !== 1) {
      if (Date.now() > deadline)
        throw new Error('timed out waiting for the room to unload and compact')
      await sleep(20)
    }
    expect(contentOf(await loadDocFromDisk(server(), spec))).toEqual(before)

    // A row written behind the server's back shows up only if the next client's room is read from disk.
    const onDisk = await loadDocFromDisk(server(), spec)
    const vector = Y.encodeStateVector(onDisk)
    onDisk.getText('disk').insert(0, '[written-on-disk]')
    await appendRowOnDisk(server(), spec, Y.encodeStateAsUpdate(onDisk, vector))

    const fresh = await syncedProvider(server(), spec, other.tokens.caretaker)
    try {
      expect(fresh.doc.getText('disk').toString()).toBe('[written-on-disk]')
      const { stateVector: _ignored, ...content } = contentOf(fresh.doc)
      const { stateVector: _before, ...expected } = before
      expect(content).toEqual(expected)
    } finally {
      fresh.destroy()
    }
  })
})
