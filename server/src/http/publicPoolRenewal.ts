/**
 * The talent pool's renewal link, server-rendered and usable without JavaScript: the page asks whether to
 * stay (with the date the entry lapses) and links to the withdrawal page; its form renews the consent.
 * The link's secret also opens /pool/withdraw/<secret>, so the renewal mail offers both.
 */
import { Hono } from 'hono'
import { hashSecret } from '../ids.ts'
import { formatDate } from '../publishing/format.ts'
import { poolRenewPage } from '../publishing/pages/applicationPage.ts'
import { errorPage, notFoundPage } from '../publishing/pages/layout.ts'
import { lapsesAt } from '../selection/poolRenewal.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { formLimit, isSameOrigin, withPublicCsp } from './middleware/publicForms.ts'
import { publicLangOf } from './middleware/publicLangCookie.ts'

const LINK_GONE = 'このリンクの登録は見つかりませんでした。すでに削除されている可能性があります。'

export function publicPoolRenewalRoutes() {
  const app = new Hono<AppEnv>()
  withPublicCsp(app, ['/pool/renew/*'])

  app.get('/pool/renew/:token', async (c) => {
    const token = c.req.param('token')
    const lang = publicLangOf(c)
    const entry = await c.var.deps.postings.pool.byRenewTokenHash(hashSecret(token))
    if (!entry) return c.html(notFoundPage(LINK_GONE, lang), 404)
    c.header('cache-control', 'no-store')
    return c.html(
      poolRenewPage(
        {
          name: entry.name,
          action: `/pool/renew/${token}`,
          withdrawUrl: `/pool/withdraw/${token}`,
          until: entry.renewalAskedAt && formatDate(lapsesAt(entry.renewalAskedAt), lang),
        },
        lang
      )
    )
  })

  app.post('/pool/renew/:token', formLimit, async (c) => {
    if (!isSameOrigin(c))
      return c.html(errorPage('このフォームは、登録のページから送信してください。'), 403)
    const renewed = await c.var.deps.postings.pool.renew(
      hashSecret(c.req.param('token')),
      new Date().toISOString()
    )
    if (!renewed) return c.html(notFoundPage(LINK_GONE, publicLangOf(c)), 404)
    return c.html(poolRenewPage('done', publicLangOf(c)))
  })

  return app
}
