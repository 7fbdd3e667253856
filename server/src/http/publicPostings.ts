/**
 * The public list of postings, a posting with its application form, and the Atom feed: server-rendered
 * and usable without JavaScript; mounted before the SPA fallback. The applicant's own pages are in
 * publicApplications.ts.
 *
 * Abuse resistance without third parties: a honeypot field, a per-address limit on applications, and an
 * Origin/Referer check on every POST (middleware/publicForms.ts). The client address is the socket's;
 * `X-Forwarded-For` is believed only when TRUST_PROXY says how many reverse proxies in front set it.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import {
  ApplicationForm,
  type ApplicationFormProblem,
  DEFAULT_RETENTION_MONTHS,
  WORK_STYLES,
  type WorkStyle,
} from '@specboard/shared'
import type { PostingRecord, PostingVersionRecord } from '../storage/PostingStore.ts'
import { hashSecret } from '../ids.ts'
import type { LimiterFactory } from '../ports/Limiter.ts'
import { organizationOf } from '../postings/organization.ts'
import { publishedPosting } from '../postings/publishedPosting.ts'
import { searchPostings } from '../postings/postingSearch.ts'
import { isOpen } from '../postings/publishPosting.ts'
import { postingUrl } from '../postings/views.ts'
import { buildAtomFeed } from '../publishing/atom.ts'
import { errorPage, notFoundPage, SITE_CSS, type Html } from '../publishing/pages/layout.ts'
import { listPage, type ListFilters } from '../publishing/pages/listPage.ts'
import { postingPage, type ApplicationFormState } from '../publishing/pages/postingPage.ts'
import { textOf } from '../publishing/pages/publicText.ts'
import { notifyApplicant } from '../selection/applicantNotices.ts'
import { newStatusToken } from '../selection/statusToken.ts'
import { emitApplicationReceived } from '../webhooks/selectionEvents.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { clientAddress } from './middleware/clientAddress.ts'
import { originOf } from './middleware/origin.ts'
import { formLimit, formValues, isSameOrigin, withPublicCsp } from './middleware/publicForms.ts'
import { publicLangOf } from './middleware/publicLangCookie.ts'

/** Applications accepted per client address per this window (APPLY_RATE_LIMIT of them). */
const APPLY_WINDOW_MS = 10 * 60_000
const FEED_ENTRIES = 50

export function publicPostingRoutes(
  applyLimit: number,
  trustProxy: number,
  limiters: LimiterFactory
) {
  // One budget across instances: `applyLimit` at once, refilled over the window.
  const limiter = limiters('applications', {
    burst: applyLimit,
    perSecond: applyLimit / (APPLY_WINDOW_MS / 1000),
  })

  const app = new Hono<AppEnv>()
  withPublicCsp(app, ['/postings', '/postings/*', '/postings.atom'])

  app.get('/postings/assets/site.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8')
    c.header('cache-control', 'public, max-age=31536000, immutable')
    return c.body(SITE_CSS)
  })

  app.get('/postings.atom', async (c) => {
    const deps = c.var.deps
    const origin = originOf(c)
    const open = (await deps.postings.publishing.listPublished())
      .filter((p) => isOpen(p.posting, p.version))
      .slice(0, FEED_ENTRIES)
    const authors = await Promise.all(open.map((p) => organizationOf(deps.records, p.posting)))
    const xml = buildAtomFeed({
      selfUrl: `${origin}/postings.atom`,
      pageUrl: `${origin}/postings`,
      title: 'Specboard 求人 — 募集中の副業・プロボノ',
      subtitle: '地域の課題から生まれた仕様書と募集',
      updated:
        open
          .map((p) => p.version.publishedAt)
          .sort()
          .at(-1) ?? new Date(0).toISOString(),
      entries: open.map(({ posting, version }, i) => ({
        url: postingUrl(origin, posting.slug),
        title: posting.isDemo ? `[デモ] ${version.facts.title}` : version.facts.title,
        published: posting.firstPublishedAt,
        updated: version.publishedAt,
        summary: version.excerpt,
        contentHtml: version.html,
        categories: version.facts.skills,
        author: authors[i]!,
      })),
    })
    c.header('content-type', 'application/atom+xml; charset=utf-8')
    c.header('cache-control', 'public, max-age=300')
    return c.body(xml)
  })

  app.get('/postings', async (c) => {
    const filters = listFilters(c)
    const deps = c.var.deps
    const all = await Promise.all(
      (await deps.postings.publishing.listPublished()).map(async (item) => ({
        item,
        organization: await organizationOf(deps.records, item.posting),
        isOpen: isOpen(item.posting, item.version),
      }))
    )
    const { items, regions } = searchPostings(all, filters)
    c.header('cache-control', 'public, max-age=60')
    return c.html(
      listPage({
        lang: publicLangOf(c),
        filters,
        items,
        regions,
        canonical: `${originOf(c)}/postings`,
      })
    )
  })

  app.get('/postings/:slug', async (c) => {
    const found = await publishedBySlug(c)
    if (!found) return c.html(notFoundPage(undefined, publicLangOf(c)), 404)
    c.header('cache-control', 'public, max-age=60')
    return c.html(await renderPosting(c, found.posting, found.version))
  })

  app.get('/postings/:slug/apply', (c) =>
    c.redirect(`/postings/${encodeURIComponent(c.req.param('slug'))}#apply`, 303)
  )

  app.post('/postings/:slug/apply', formLimit, async (c) => {
    const found = await publishedBySlug(c)
    if (!found) return c.html(notFoundPage(undefined, publicLangOf(c)), 404)
    if (!isSameOrigin(c))
      return c.html(errorPage('このフォームは、募集ページから送信してください。'), 403)
    const { posting, version } = found
    if (!isOpen(posting, version)) return c.html(await renderPosting(c, posting, version), 409)
    const values = await formValues(c)
    if (values === null) return c.html(errorPage('フォームの形式で送信してください。'), 415)
    const parsed = ApplicationForm.safeParse(values)
    const t = textOf(publicLangOf(c))
    if (!parsed.success) {
      const errors: Record<string, string> = {}
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '_form')
        errors[field] ??=
          t.fieldProblems?.[field] ??
          t.formProblems?.[issue.message as ApplicationFormProblem] ??
          issue.message
      }
      return c.html(await renderPosting(c, posting, version, { values, errors }), 400)
    }
    if (!(await limiter.take(clientAddress(c, trustProxy)))) {
      const errors = { _form: t.tooMany }
      return c.html(await renderPosting(c, posting, version, { values, errors }), 429)
    }
    const form = parsed.data
    const { applicationId, token } = newStatusToken(c.var.deps.secretKey)
    const created = await c.var.deps.postings.applications.createUnlessApplied({
      id: applicationId,
      postingId: posting.id,
      postingVersion: version.version,
      programId: posting.programId,
      teamId: posting.teamId,
      statusTokenHash: hashSecret(token),
      name: form.name,
      contact: form.contact,
      motivation: form.motivation,
      skills: form.skills,
      links: form.links,
      consentPool: form.consent_pool === 'yes',
      isDemo: posting.isDemo,
      lang: publicLangOf(c),
    })
    if (!created) {
      // Said in words, not silently doubled: the person most likely lost their status link.
      const errors = { contact: t.alreadyApplied }
      return c.html(await renderPosting(c, posting, version, { values, errors }), 409)
    }
    emitApplicationReceived(c.var.deps, created)
    await notifyApplicant(c.var.deps, originOf(c), created, { type: 'received' }, publicLangOf(c))
    return c.redirect(`/applications/${token}?done=applied#status`, 303)
  })

  return app
}

function listFilters(c: Context): ListFilters {
  const q = (c.req.query('q') ?? '').slice(0, 100).trim()
  const region = (c.req.query('region') ?? '').slice(0, 40)
  // `remote=1` is what earlier versions of the form sent; it meant remote work, now "fully remote".
  const style = c.req.query('style') ?? (c.req.query('remote') === '1' ? 'remote' : '')
  return {
    q,
    region,
    style: (WORK_STYLES as readonly string[]).includes(style) ? (style as WorkStyle) : '',
    closed: c.req.query('closed') === '1',
  }
}

const publishedBySlug = (c: Context<AppEnv>) =>
  publishedPosting(c.var.deps.postings.publishing, c.req.param('slug'))

async function renderPosting(
  c: Context<AppEnv>,
  posting: PostingRecord,
  version: PostingVersionRecord,
  form?: ApplicationFormState
): Promise<Html> {
  if (form) c.header('cache-control', 'no-store')
  const program = await c.var.deps.records.getProgram(posting.programId)
  return postingPage({
    lang: publicLangOf(c),
    posting,
    version,
    url: postingUrl(originOf(c), posting.slug),
    organization: await organizationOf(c.var.deps.records, posting),
    programName: program?.name ?? '',
    retentionMonths: program?.retentionMonths ?? DEFAULT_RETENTION_MONTHS,
    isOpen: isOpen(posting, version),
    now: Date.now(),
    form,
  })
}
