/**
 * Feedback threads on a team's sheet, written by the server into the team's `feedback:` document:
 * start, reply, resolve or reopen, delete. Takes the record store and the live documents.
 */
import { can, documentName } from '@specboard/shared'
import type { Author, Thread } from '@specboard/shared'
import type { LiveDocuments } from '../ports/LiveDocuments.ts'
import type { ProgramRecord, RecordStore, TeamRecord } from '../storage/Storage.ts'
import { HttpError } from '../errors.ts'
import { newId, nowIso } from '../ids.ts'
import { withSpecDoc } from '../sheets/readSheet.ts'
import { checkAnchor } from './anchors.ts'
import { getThread, putThread, removeThread } from './threadStore.ts'

export interface ThreadDeps {
  readonly records: RecordStore
  readonly live: LiveDocuments
}

/** Loads a thread of the team for a change; 404 once it is deleted. */
async function existingThread(live: LiveDocuments, teamId: string, id: string): Promise<Thread> {
  const thread = await live.read(documentName('feedback', teamId), (doc) => getThread(doc, id))
  if (!thread)
    throw new HttpError(404, 'thread_not_found', 'this thread was deleted or never existed')
  return thread
}

async function save(live: LiveDocuments, teamId: string, thread: Thread): Promise<Thread> {
  await live.change(documentName('feedback', teamId), (doc) => putThread(doc, thread))
  return thread
}

/** A new thread on a section (and, with an anchor, on a range of its text that still exists). */
export async function startThread(
  deps: ThreadDeps,
  team: TeamRecord,
  program: ProgramRecord,
  author: Author,
  body: Pick<Thread, 'sectionKey' | 'anchor' | 'quote' | 'body'>
): Promise<Thread> {
  if (!program.template.sections.some((s) => s.key === body.sectionKey)) {
    throw new HttpError(
      400,
      'invalid_body',
      `sectionKey: this sheet has no section "${body.sectionKey}"`
    )
  }
  const round = await deps.records.currentRound(team.id)
  if (author.role === 'reviewer' && !round)
    throw new HttpError(409, 'no_open_round', 'reviewers comment while a round is open')
  if (body.anchor) {
    const anchor = body.anchor
    const check = await withSpecDoc(deps.live, team.id, (doc) =>
      checkAnchor(doc, body.sectionKey, anchor)
    )
    if (check === 'malformed')
      throw new HttpError(400, 'invalid_body', 'anchor: not a relative position')
    if (check === 'gone')
      throw new HttpError(409, 'range_gone', 'the selected text no longer exists; select it again')
  }
  const thread: Thread = {
    id: newId(),
    sectionKey: body.sectionKey,
    anchor: body.anchor,
    quote: body.quote,
    roundId: round?.id ?? null,
    roundNumber: round?.number ?? null,
    author,
    body: body.body,
    createdAt: nowIso(),
    status: 'open',
    statusChangedAt: null,
    statusChangedBy: null,
    replies: [],
  }
  return await save(deps.live, team.id, thread)
}

export async function replyToThread(
  live: LiveDocuments,
  teamId: string,
  threadId: string,
  author: Author,
  body: string
): Promise<Thread> {
  const thread = await existingThread(live, teamId, threadId)
  const reply = { id: newId(), author, body, createdAt: nowIso() }
  return await save(live, teamId, { ...thread, replies: [...thread.replies, reply] })
}

/** Resolves or reopens a thread: team members may, and the thread's own author. */
export async function setThreadStatus(
  live: LiveDocuments,
  teamId: string,
  threadId: string,
  author: Author,
  status: Thread['status']
): Promise<Thread> {
  const thread = await existingThread(live, teamId, threadId)
  if (!can(author.role, 'thread:resolve') && thread.author.personId !== author.personId) {
    throw new HttpError(
      403,
      'forbidden',
      'only team members and the thread’s author may resolve or reopen it'
    )
  }
  if (thread.status === status)
    throw new HttpError(409, `already_${status}`, `this thread is already ${status}`)
  return await save(live, teamId, {
    ...thread,
    status,
    statusChangedAt: nowIso(),
    statusChangedBy: author,
  })
}

/** Deletes a thread: its author or a coordinator may. */
export async function deleteThread(
  live: LiveDocuments,
  teamId: string,
  threadId: string,
  author: Author
): Promise<void> {
  const thread = await existingThread(live, teamId, threadId)
  if (author.role !== 'coordinator' && thread.author.personId !== author.personId) {
    throw new HttpError(403, 'forbidden', 'only the author or a coordinator may delete a thread')
  }
  await live.change(documentName('feedback', teamId), (doc) => removeThread(doc, thread.id))
}
