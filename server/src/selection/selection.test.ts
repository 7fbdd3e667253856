import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATE, PostingFacts } from '@specboard/shared'
import type { Storage } from '../ports/Storage.ts'
import type { ApplicationRecord, SlotRecord } from '../storage/PostingStore.ts'
import { openSqliteStorage } from '../storage/sqlite/SqliteStorage.ts'
import {
  bookSlot,
  cancelInterview,
  changeStage,
  eraseApplication,
  SelectionError,
} from './selection.ts'

const HOUR = 3600_000

let storage: Storage
let application: ApplicationRecord
let slots: SlotRecord[]

function apply(
  name: string,
  consentPool: boolean,
  postingId: string,
  programId: string,
  teamId: string
): Promise<ApplicationRecord> {
  return storage.postings.applications.create({
    postingId,
    postingVersion: 1,
    programId,
    teamId,
    statusTokenHash: name,
    name,
    contact: `${name}@example.com`,
    motivation: 'やってみたいです。',
    skills: ['編集'],
    links: [],
    consentPool,
  })
}

beforeEach(async () => {
  storage = openSqliteStorage(
    join(mkdtempSync(join(tmpdir(), 'specboard-selection-')), 'db.sqlite')
  )
  const program = await storage.records.createProgram({
    name: 'P',
    region: 'R',
    targets: {},
    template: DEFAULT_TEMPLATE,
    createdBy: null,
  })
  const team = await storage.records.createTeam({
    programId: program.id,
    name: 'T',
    organization: null,
  })
  const facts = PostingFacts.parse({
    title: 't',
    region: 'r',
    periodStart: '2027-01-01',
    periodEnd: '2027-02-01',
    hoursPerMonth: 1,
    pay: { amount: 0, unit: 'month' },
    workStyle: 'remote',
    deadline: '2030-01-01T00:00:00Z',
  })
  const { posting } = await storage.postings.publishing.publish({
    teamId: team.id,
    programId: program.id,
    slug: 'job',
    facts,
    snapshot: new Uint8Array(),
    html: '',
    excerpt: '',
    publishedBy: null,
  })
  application = await apply('a', true, posting.id, program.id, team.id)
  const start = Date.now() + 24 * HOUR
  const window = await storage.postings.interviews.createWindow({
    programId: program.id,
    postingId: null,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + HOUR).toISOString(),
    createdBy: null,
    slots: [0, 1].map((i) => ({
      startsAt: new Date(start + i * 15 * 60_000).toISOString(),
      endsAt: new Date(start + (i + 1) * 15 * 60_000).toISOString(),
    })),
  })
  slots = await storage.postings.interviews.slotsOfWindow(window.id)
})

describe('selection', () => {
  it('books a slot and moves the application to interview_scheduled; a second booking is refused', async () => {
    const interview = await bookSlot(storage, application, slots[0].id)
    expect(interview.startsAt).toBe(slots[0].startsAt)
    expect((await storage.postings.applications.get(application.id))!.stage).toBe(
      'interview_scheduled'
    )
    const other = await apply(
      'b',
      false,
      application.postingId,
      application.programId,
      application.teamId
    )
    await expect(bookSlot(storage, other, slots[0].id)).rejects.toMatchObject({
      code: 'slot_taken',
    })
    await expect(
      bookSlot(storage, (await storage.postings.applications.get(application.id))!, slots[1].id)
    ).rejects.toThrow(SelectionError)
  })

  it('cancelling puts the application back to applied so a new slot can be picked', async () => {
    const interview = await bookSlot(storage, application, slots[0].id)
    await cancelInterview(storage, interview, 'applicant', null)
    expect((await storage.postings.applications.get(application.id))!.stage).toBe('applied')
    expect(
      (
        await bookSlot(
          storage,
          (await storage.postings.applications.get(application.id))!,
          slots[0].id
        )
      ).status
    ).toBe('scheduled')
  })

  it('a decision cancels an interview that has not happened yet', async () => {
    await bookSlot(storage, application, slots[0].id)
    await changeStage(
      storage,
      (await storage.postings.applications.get(application.id))!,
      'declined'
    )
    expect((await storage.postings.interviews.latestOf(application.id))!.status).toBe('cancelled')
  })

  it('adds to the pool only with consent, and takes the entry out again when the stage moves back', async () => {
    const pooled = await changeStage(storage, application, 'pool')
    expect(await storage.postings.pool.list()).toHaveLength(1)
    await changeStage(storage, pooled, 'interviewed')
    expect(await storage.postings.pool.list()).toHaveLength(0)
    const other = await apply(
      'b',
      false,
      application.postingId,
      application.programId,
      application.teamId
    )
    await expect(changeStage(storage, other, 'pool')).rejects.toMatchObject({
      code: 'no_pool_consent',
    })
    await changeStage(storage, other, 'placed')
    expect(await storage.postings.pool.list()).toHaveLength(0)
  })

  it('erasing blanks the personal data, withdraws an undecided application and deletes the pool entry', async () => {
    await bookSlot(storage, application, slots[0].id)
    await storage.postings.pool.add({
      source: 'applicant',
      programId: application.programId,
      teamId: application.teamId,
      applicationId: application.id,
      name: 'a',
      contact: 'a@example.com',
      consent: true,
    })
    const erased = await eraseApplication(
      storage,
      (await storage.postings.applications.get(application.id))!
    )
    expect(erased).toMatchObject({
      name: '',
      contact: '',
      motivation: '',
      stage: 'withdrawn',
      consentPool: false,
    })
    expect(erased.erasedAt).not.toBeNull()
    expect(await storage.postings.pool.list()).toHaveLength(0)
    expect((await storage.postings.interviews.latestOf(application.id))!.status).toBe('cancelled')
  })
})
