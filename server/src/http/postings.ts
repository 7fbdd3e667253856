/**
 * The coordinator's side of publishing: a team's posting, publishing a new version, unpublishing, and the
 * postings of a program. The public pages are in publicPostings.ts and publicApplications.ts.
 */
import { Hono } from 'hono'
import { PublishPostingRequest, can } from '@specboard/shared'
import type { PostingList, TeamPosting } from '@specboard/shared'
import { HttpError } from '../errors.ts'
import { publishPosting } from '../postings/publishPosting.ts'
import type { PostingRecord } from '../storage/PostingStore.ts'
import { postingDetail, postingListItem, publicPostingLink } from '../postings/views.ts'
import { recordAudit } from './middleware/recordAudit.ts'
import { sheetOf, withSpecDoc } from '../sheets/readSheet.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { programFor, teamFor } from './middleware/access.ts'
import { originOf } from './middleware/origin.ts'
import { postingFor } from './middleware/postingAccess.ts'
import { jsonBody, readBody } from './middleware/validate.ts'

const PUBLISH_REFUSALS = {
  sheet_empty: [409, 'the sheet has no text yet; write it before publishing'],
  slug_taken: [409, 'slug: another posting uses this address'],
  slug_fixed: [409, 'slug: a published posting keeps its address; leave slug out'],
} as const

/** Routes under /api/teams/:teamId/posting. */
export const teamPostingRoutes = new Hono<AppEnv>()
  .get('/:teamId/posting', async (c) => {
    const { team, program } = await teamFor(c, c.req.param('teamId'), 'selection:read')
    const deps = c.var.deps
    const posting = await deps.postings.publishing.byTeam(team.id)
    const { completeness } = await withSpecDoc(deps.live, team.id, (doc) =>
      sheetOf(doc, program.template)
    )
    const body: TeamPosting = {
      posting: posting ? await postingDetail(deps, posting, originOf(c)) : null,
      defaults: { title: team.name, region: program.region },
      completeness: completeness.percent,
    }
    return c.json(body)
  })
  .post('/:teamId/posting', jsonBody(PublishPostingRequest), async (c) => {
    const { team, program } = await teamFor(c, c.req.param('teamId'), 'posting:publish')
    const body = await readBody(c)
    if (Date.parse(body.facts.deadline) <= Date.now())
      throw new HttpError(400, 'invalid_body', 'facts.deadline: must be in the future')
    const deps = c.var.deps
    const outcome = await publishPosting(deps, {
      team,
      program,
      facts: body.facts,
      slug: body.slug,
      publishedBy: c.var.principal!.personId,
    })
    if (!outcome.ok) {
      const [status, message] = PUBLISH_REFUSALS[outcome.code]
      throw new HttpError(status, outcome.code, message)
    }
    await recordAudit(c, program.id, 'posting.publish', body.facts.title ?? team.name, {
      team: team.name,
      slug: outcome.published.posting.slug,
      version: String(outcome.published.posting.currentVersion),
    })
    const published = outcome.published.posting
    deps.events.emit(program.id, 'posting.published', {
      postingId: published.id,
      teamId: team.id,
      slug: published.slug,
      version: published.currentVersion,
    })
    return c.json(await postingDetail(deps, published, originOf(c)), 201)
  })
  .post('/:teamId/posting/unpublish', async (c) => {
    const { team } = await teamFor(c, c.req.param('teamId'), 'posting:publish')
    const deps = c.var.deps
    const posting = await deps.postings.publishing.byTeam(team.id)
    if (!posting)
      throw new HttpError(404, 'posting_not_found', 'this team has not published a posting')
    const unpublished = (await deps.postings.publishing.unpublish(posting.id))!
    await recordAudit(c, team.programId, 'posting.unpublish', team.name, { slug: posting.slug })
    deps.events.emit(team.programId, 'posting.unpublished', {
      postingId: posting.id,
      teamId: team.id,
      slug: posting.slug,
    })
    return c.json(await postingDetail(deps, unpublished, originOf(c)))
  })

/** GET /api/programs/:programId/postings — the postings of the teams whose pipeline the caller may read. */
export const programPostingRoutes = new Hono<AppEnv>().get('/:programId/postings', async (c) => {
  const principal = c.var.principal
  const { program } = await programFor(c, c.req.param('programId'), 'program:read')
  const deps = c.var.deps
  const readable: PostingRecord[] = []
  const others: PostingRecord[] = []
  for (const p of await deps.postings.publishing.listByProgram(program.id)) {
    if (can(await deps.access.roleInTeam(principal!, p.teamId), 'selection:read')) readable.push(p)
    else if (p.status === 'published') others.push(p)
  }
  const body: PostingList = {
    postings: await Promise.all(readable.map((p) => postingListItem(deps, p, originOf(c)))),
    published: await Promise.all(others.map((p) => publicPostingLink(deps, p, originOf(c)))),
  }
  return c.json(body)
})

/** GET /api/postings/:postingId */
export const postingRoutes = new Hono<AppEnv>().get('/:postingId', async (c) => {
  const { posting } = await postingFor(c, c.req.param('postingId'), 'selection:read')
  return c.json(await postingDetail(c.var.deps, posting, originOf(c)))
})
