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
import { InvitePoolEntryRequest, PoolQuery, UpdatePoolEntryRequest, can } from '@specboard/shared'
import type { PoolEntry, PoolList } from '@specboard/shared'
import type { PoolEntryRecord } from '../storage/PostingStore.ts'
import { HttpError } from '../errors.ts'
import { toCsv } from '../publishing/csv.ts'
import { formatDateTime } from '../publishing/format.ts'
import { poolEntryView } from '../selection/views.ts'
import { searchPool } from '../selection/poolSearch.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { describeIssues, readBody } from './middleware/validate.ts'
import { requirePrincipal } from './middleware/auth.ts'
import { recordAudit } from './middleware/recordAudit.ts'
import { csvResponse } from './middleware/csvResponse.ts'
import { teamFor } from './middleware/access.ts'
import { originOf } from './middleware/origin.ts'
import { inviteIntoTeam } from '../teams/invites.ts'

/** The operations token, or anyone who coordinates some program. */
async function requirePoolAccess(c: Context<AppEnv>): Promise<void> {
  const principal = requirePrincipal(c)
  if (principal.isAdmin) return
  const coordinates = (await c.var.deps.records.membershipsOfPerson(principal.personId!)).some(
    (m) => can(m.role, 'pool:manage')
  )
  if (!coordinates) throw new HttpError(403, 'forbidden', 'only coordinators see the talent pool')
}

async function entryFor(c: Context<AppEnv>): Promise<PoolEntryRecord> {
  await requirePoolAccess(c)
  const entry = await c.var.deps.postings.pool.get(c.req.param('entryId') ?? '')
  if (!entry) throw new HttpError(404, 'pool_entry_not_found', 'no talent-pool entry has this id')
  return entry
}

/** The entries matching the query in the URL. */
async function search(c: Context<AppEnv>): Promise<PoolEntry[]> {
  const parsed = PoolQuery.safeParse(c.req.query())
  if (!parsed.success) throw new HttpError(400, 'invalid_query', describeIssues(parsed.error))
  return await searchPool(c.var.deps, parsed.data)
}

const SOURCE_TEXT = {
  applicant: '応募者',
  placed: '採用者',
  pitch_lead: '発表会の参加希望',
} as const

/** Routes /api/pool, /api/pool.csv and /api/pool/:entryId…, mounted at /api. */
export const poolRoutes = new Hono<AppEnv>()
  .get('/pool', async (c) => {
    await requirePoolAccess(c)
    const entries = await search(c)
    const body: PoolList = { entries, total: entries.length }
    return c.json(body)
  })
  .get('/pool.csv', async (c) => {
    await requirePoolAccess(c)
    const rows = (await search(c)).map((e) => [
      e.name,
      e.contact,
      e.tags.join('、'),
      e.programs.map((p) => p.name).join('、'),
      [...new Set(e.sources.map((s) => SOURCE_TEXT[s.source]))].join('、'),
      e.note,
      formatDateTime(e.createdAt),
      e.isDemo ? 'デモ' : '',
    ])
    return csvResponse(
      c,
      'talent-pool',
      toCsv(
        ['氏名', '連絡先', 'タグ', '関わったプログラム', '経緯', 'メモ', '登録日時', 'デモデータ'],
        rows
      )
    )
  })
  .patch('/pool/:entryId', async (c) => {
    const entry = await entryFor(c)
    const body = await readBody(c, UpdatePoolEntryRequest)
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
  .post('/pool/:entryId/invite', async (c) => {
    const entry = await entryFor(c)
    const body = await readBody(c, InvitePoolEntryRequest)
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
