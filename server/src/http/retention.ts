/**
 * Retention of applicants' personal data, for a program's coordinators: when each posting's unplaced,
 * unpooled applicants are erased, and erasing them now. The period itself is a program setting (PATCH
 * /api/programs/:programId, `retentionMonths`).
 */
import { Hono } from 'hono'
import { EraseNowRequest, type ErasureResult, type RetentionOverview } from '@specboard/shared'
import { HttpError } from '../errors.ts'
import { closedAtOf, erasePosting, retentionPostings } from '../selection/retention.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { programFor } from './middleware/access.ts'
import { requirePrincipal } from './middleware/auth.ts'
import { jsonBody, readBody } from './middleware/validate.ts'

/** Routes under /api/programs/:programId/retention. */
export const retentionRoutes = new Hono<AppEnv>()
  .get('/:programId/retention', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'program:manage')
    const body: RetentionOverview = {
      retentionMonths: program.retentionMonths,
      postings: await retentionPostings(c.var.deps, program.id, program.retentionMonths),
    }
    return c.json(body)
  })
  .post('/:programId/retention/erase', jsonBody(EraseNowRequest), async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'program:manage')
    const { postingId } = await readBody(c)
    const { publishing } = c.var.deps.postings
    const posting = await publishing.get(postingId)
    if (!posting || posting.programId !== program.id)
      throw new HttpError(404, 'posting_not_found', 'this program has no such posting')
    const version = (await publishing.version(posting.id, posting.currentVersion))!
    const now = Date.now()
    // While a posting takes applications, its selection is still running.
    if (!closedAtOf(posting, version, now))
      throw new HttpError(
        409,
        'posting_open',
        'the posting still takes applications; close it first'
      )
    const principal = requirePrincipal(c)
    const erased = await erasePosting(
      c.var.deps,
      posting,
      version.facts.title,
      { kind: 'coordinator', personId: principal.personId, name: principal.name },
      now,
      program.retentionMonths
    )
    const body: ErasureResult = { erased }
    return c.json(body)
  })
