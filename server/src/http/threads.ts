import { Hono } from 'hono'
import type { Context } from 'hono'
import { CreateReplyRequest, CreateThreadRequest } from '@specboard/shared'
import type { Author, Thread } from '@specboard/shared'
import { deleteThread, replyToThread, setThreadStatus, startThread } from '../feedback/threads.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { teamFor } from './middleware/access.ts'
import { jsonBody, readBody } from './middleware/validate.ts'

function authorOf(c: Context<AppEnv>, role: Author['role']): Author {
  const principal = c.var.principal!
  return { personId: principal.personId ?? 'admin', name: principal.name, role }
}

/** Resolves or reopens the thread in the path. */
async function setStatus(c: Context<AppEnv>, status: Thread['status']): Promise<Thread> {
  const { team, role } = await teamFor(c, c.req.param('teamId')!, 'feedback:write')
  return await setThreadStatus(
    c.var.deps.live,
    team.id,
    c.req.param('threadId')!,
    authorOf(c, role),
    status
  )
}

/** Feedback threads on a team's sheet: comment, reply, resolve, reopen, delete. */
export const threadRoutes = new Hono<AppEnv>()
  .post('/:teamId/threads', jsonBody(CreateThreadRequest), async (c) => {
    const { team, program, role } = await teamFor(c, c.req.param('teamId'), 'feedback:write')
    const body = await readBody(c)
    const thread = await startThread(c.var.deps, team, program, authorOf(c, role), body)
    return c.json(thread, 201)
  })
  .post('/:teamId/threads/:threadId/replies', jsonBody(CreateReplyRequest), async (c) => {
    const { team, role } = await teamFor(c, c.req.param('teamId'), 'feedback:write')
    const { body } = await readBody(c)
    const thread = await replyToThread(
      c.var.deps.live,
      team.id,
      c.req.param('threadId'),
      authorOf(c, role),
      body
    )
    return c.json(thread, 201)
  })
  .post('/:teamId/threads/:threadId/resolve', async (c) => c.json(await setStatus(c, 'resolved')))
  .post('/:teamId/threads/:threadId/reopen', async (c) => c.json(await setStatus(c, 'open')))
  .delete('/:teamId/threads/:threadId', async (c) => {
    const { team, role } = await teamFor(c, c.req.param('teamId'), 'feedback:write')
    await deleteThread(c.var.deps.live, team.id, c.req.param('threadId'), authorOf(c, role))
    return c.body(null, 204)
  })
