/**
 * The talent pool for coordinators: people across programs who agreed to be kept and contacted later —
 * applicants sent to the pool, placed applicants, and "I want to join" leads from pitches. Search, tags
 * and notes, CSV, invite into a team, and erasure on request.
 *
 * The pool is deliberately shared by every coordinator of this server: talent moving between regions'
 * programs is the point of keeping it, and the consent people give says so.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { InvitePoolEntryRequest, PoolQuery, UpdatePoolEntryRequest } from '@specboard/shared'
import type { PoolEntry, PoolList } from '@specboard/shared'
import type { PoolEntryRecord } from '../storage/PostingStore.ts'
import { HttpError } from '../errors.ts'
import { poolEntryView } from '../selection/views.ts'
import { searchPool } from '../selection/poolSearch.ts'
import { assertPoolAccess, poolEntryOf } from '../selection/poolAccess.ts'
import { poolCsv } from '../selection/poolCsv.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { describeIssues, jsonBody, readBody } from './middleware/validate.ts'
import { requirePrincipal } from './middleware/auth.ts'
import { recordAudit } from './middleware/recordAudit.ts'
import { csvResponse } from './middleware/csvResponse.ts'
import { teamFor } from './middleware/access.ts'
import { originOf } from './middleware/origin.ts'
import { inviteIntoTeam } from '../teams/invites.ts'

/** The pool entry the URL names, for a caller who may see the pool. */
async function entryFor(c: Context<AppEnv>): Promise<PoolEntryRecord> {
  await assertPoolAccess(c.var.deps.records, requirePrincipal(c))
  return await poolEntryOf(c.var.deps.postings, c.req.param('entryId'))
}

/** The entries matching the query in the URL. */
async function search(c: Context<AppEnv>): Promise<PoolEntry[]> {
  const parsed = PoolQuery.safeParse(c.req.query())
  if (!parsed.success) throw new HttpError(400, 'invalid_query', describeIssues(parsed.error))
  return await searchPool(c.var.deps, parsed.data)
}

/** Routes /api/pool, /api/pool.csv and /api/pool/:entryId…, mounted at /api. */
export const poolRoutes = new Hono<AppEnv>()
  .get('/pool', async (c) => {
    await assertPoolAccess(c.var.deps.records, requirePrincipal(c))
    const entries = await search(c)
    const body: PoolList = { entries, total: entries.length }
    return c.json(body)
  })
  .get('/pool.csv', async (c) => {
    await assertPoolAccess(c.var.deps.records, requirePrincipal(c))
    return csvResponse(c, 'talent-pool', poolCsv(await search(c)))
  })
  .patch('/pool/:entryId', jsonBody(UpdatePoolEntryRequest), async (c) => {
    const entry = await entryFor(c)
    const body = await readBody(c)
    const updated = (await c.var.deps.postings.pool.update(entry.id, body))!
    return c.json(await poolEntryView(c.var.deps.records, updated))
  })
  .delete('/pool/:entryId', async (c) => {
    const entry = await entryFor(c)
    const programs = new Set(entry.sources.flatMap((s) => (s.programId ? [s.programId] : [])))
    await c.var.deps.tx(async ({ postings, accounts }) => {
      await postings.pool.delete(entry.id)
      // The erased person's name is not kept here either: the trail says an entry was erased, and by whom.
      for (const programId of programs)
        await recordAudit(
          c,
          programId,
          'pool.erase',
          `pool entry ${entry.id}`,
          { createdAt: entry.createdAt },
          accounts
        )
    })
    return c.body(null, 204)
  })
  .post('/pool/:entryId/invite', jsonBody(InvitePoolEntryRequest), async (c) => {
    const entry = await entryFor(c)
    const body = await readBody(c)
    const { team, role } = await teamFor(c, body.teamId, 'team:invite')
    const invite = await inviteIntoTeam(c.var.deps.records, {
      team,
      inviterRole: role,
      inviterId: c.var.principal!.personId,
      invited: body.role,
      expiresInDays: body.expiresInDays,
      origin: originOf(c),
    })
    await c.var.deps.postings.pool.recordInvitation(entry.id, invite.id)
    return c.json({ entryId: entry.id, invite }, 201)
  })
