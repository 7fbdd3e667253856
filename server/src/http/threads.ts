import { Hono } from 'hono'
import type { Context } from 'hono'
import { CreateReplyRequest, CreateThreadRequest, can, documentName } from '@specboard/shared'
import type { Author, Thread } from '@specboard/shared'
import { HttpError } from '../errors.ts'
import { newId, nowIso } from '../ids.ts'
import { checkAnchor } from '../feedback/anchors.ts'
import { getThread, putThread, removeThread } from '../feedback/threadStore.ts'
import { withSpecDoc } from '../sheets/readSheet.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { teamFor } from './middleware/access.ts'
import { readBody } from './middleware/validate.ts'

function authorOf(c: Context<AppEnv>, role: Author['role']): Author {
  const principal = c.var.principal!
  return { personId: principal.personId ?? 'admin', name: principal.name, role }
}

/** Loads a thread of the team for a change; 404 once it is deleted. */
async function existingThread(c: Context<AppEnv>, teamId: string): Promise<Thread> {
  const { live } = c.var.deps
  const thread = await live.read(documentName('feedback', teamId), (doc) =>
    getThread(doc, c.req.param('threadId')!)
  )
  if (!thread)
    throw new HttpError(404, 'thread_not_found', 'this thread was deleted or never existed')
  return thread
}

async function save(c: Context<AppEnv>, teamId: string, thread: Thread): Promise<Thread> {
  await c.var.deps.live.change(documentName('feedback', teamId), (doc) => putThread(doc, thread))
  return thread
}

async function setStatus(c: Context<AppEnv>, status: Thread['status']): Promise<Thread> {
  const { team, role } = await teamFor(c, c.req.param('teamId')!, 'feedback:write')
  const thread = await existingThread(c, team.id)
  const author = authorOf(c, role)
  if (!can(role, 'thread:resolve') && thread.author.personId !== author.personId) {
    throw new HttpError(
      403,
      'forbidden',
      'only team members and the thread’s author may resolve or reopen it'
    )
  }
  if (thread.status === status)
    throw new HttpError(409, `already_${status}`, `this thread is already ${status}`)
  return await save(c, team.id, {
    ...thread,
    status,
    statusChangedAt: nowIso(),
    statusChangedBy: author,
  })
}

/** Feedback threads on a team's sheet: comment, reply, resolve, reopen, delete. */
export const threadRoutes = new Hono<AppEnv>()
  .post('/:teamId/threads', async (c) => {
    const { team, program, role } = await teamFor(c, c.req.param('teamId'), 'feedback:write')
    const body = await readBody(c, CreateThreadRequest)
    if (!program.template.sections.some((s) => s.key === body.sectionKey)) {
      throw new HttpError(
        400,
        'invalid_body',
        `sectionKey: this sheet has no section "${body.sectionKey}"`
      )
    }
    const round = await c.var.deps.records.currentRound(team.id)
    if (role === 'reviewer' && !round)
      throw new HttpError(409, 'no_open_round', 'reviewers comment while a round is open')
    if (body.anchor) {
      const anchor = body.anchor
      const check = await withSpecDoc(c.var.deps.live, team.id, (doc) =>
        checkAnchor(doc, body.sectionKey, anchor)
      )
      if (check === 'malformed')
        throw new HttpError(400, 'invalid_body', 'anchor: not a relative position')
      if (check === 'gone')
        throw new HttpError(
          409,
          'range_gone',
          'the selected text no longer exists; select it again'
        )
    }
    const thread: Thread = {
      id: newId(),
      sectionKey: body.sectionKey,
      anchor: body.anchor,
      quote: body.quote,
      roundId: round?.id ?? null,
      roundNumber: round?.number ?? null,
      author: authorOf(c, role),
      body: body.body,
      createdAt: nowIso(),
      status: 'open',
      statusChangedAt: null,
      statusChangedBy: null,
      replies: [],
    }
    return c.json(await save(c, team.id, thread), 201)
  })
  .post('/:teamId/threads/:threadId/replies', async (c) => {
    const { team, role } = await teamFor(c, c.req.param('teamId'), 'feedback:write')
    const { body } = await readBody(c, CreateReplyRequest)
    const thread = await existingThread(c, team.id)
    const reply = { id: newId(), author: authorOf(c, role), body, createdAt: nowIso() }
    return c.json(await save(c, team.id, { ...thread, replies: [...thread.replies, reply] }), 201)
  })
  .post('/:teamId/threads/:threadId/resolve', async (c) => c.json(await setStatus(c, 'resolved')))
  .post('/:teamId/threads/:threadId/reopen', async (c) => c.json(await setStatus(c, 'open')))
  .delete('/:teamId/threads/:threadId', async (c) => {
    const { team, role } = await teamFor(c, c.req.param('teamId'), 'feedback:write')
    const thread = await existingThread(c, team.id)
    if (role !== 'coordinator' && thread.author.personId !== authorOf(c, role).personId) {
      throw new HttpError(403, 'forbidden', 'only the author or a coordinator may delete a thread')
    }
    await c.var.deps.live.change(documentName('feedback', team.id), (doc) =>
      removeThread(doc, thread.id)
    )
    return c.body(null, 204)
  })
