/**
 * The frame of every public page: Japanese, mobile-first, one stylesheet, no scripts. Pages are built
 * with Hono's `html` template, which escapes every interpolated value; only HTML this server produced and
 * checked (the rendered sheet, other templates) goes in through `raw`.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { PublicLang } from './publicLang.ts'
import { textOf } from './publicText.ts'

/** The stylesheet, read once; its hash in the URL lets browsers cache it for good. */
export const SITE_CSS = readFileSync(fileURLToPath(new URL('./site.css', import.meta.url)), 'utf8')
export const SITE_CSS_PATH = `/postings/assets/site.css?v=${createHash('sha256').update(SITE_CSS).digest('hex').slice(0, 10)}`

/**
 * No script may run on these pages, whatever a sheet contains; forms post only here. JSON-LD is a data
 * block, which script-src does not govern.
 */
export const PUBLIC_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>

export interface PageOptions {
  readonly title: string
  readonly description?: string
  readonly canonical?: string
  /** Extra tags for <head> (Open Graph, JSON-LD, feed links). */
  readonly head?: Html
  readonly noindex?: boolean
  readonly body: Html
  /** The page's language; Japanese unless the applicant picked English. */
  readonly lang?: PublicLang
  /** This page's path, for the language switch (`?lang=` is added). */
  readonly path?: string
}

export function page(options: PageOptions): Html {
  const t = textOf(options.lang ?? 'ja')
  const switchHref = `${options.path ?? '/postings'}?lang=${t.switchLang}`
  return html`<!doctype html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<!-- Same-origin referrers, so our own form posts carry an Origin the server can check. -->
<meta name="referrer" content="same-origin">
<title>${options.title}</title>
${options.description ? html`<meta name="description" content="${options.description}">` : ''}
${options.canonical ? html`<link rel="canonical" href="${options.canonical}">` : ''}
${options.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="stylesheet" href="${SITE_CSS_PATH}">
<link rel="alternate" type="application/atom+xml" title="${t.feedTitle}" href="/postings.atom">
${options.head ?? ''}
</head>
<body>
<header class="site-header"><div class="wrap">
<a class="brand" href="/postings">Specboard <span>${t.brandSuffix}</span></a>
<nav><a href="${switchHref}" lang="${t.switchLang}" hreflang="${t.switchLang}">${t.switchTo}</a><a href="/postings.atom">${t.feed}</a></nav>
</div></header>
<main><div class="wrap">
${options.body}
</div></main>
<footer class="site-footer"><div class="wrap">${t.footer}</div></footer>
</body>
</html>`
}

/** Trusted HTML made by this server (the sanitized sheet). */
export function trusted(value: string): HtmlEscapedString {
  return raw(value)
}

export function notFoundPage(message?: string, lang: PublicLang = 'ja'): Html {
  const t = textOf(lang)
  return page({
    title: `${t.notFoundTitle} | ${t.siteName}`,
    noindex: true,
    lang,
    body: html`<h1>${t.notFoundTitle}</h1><p>${message ?? t.notFound}</p><p><a href="/postings">${t.toList}</a></p>`,
  })
}

/** A refused form, in words, with the way back to the list. */
export function errorPage(message: string): Html {
  return page({
    title: 'エラー | Specboard 求人',
    noindex: true,
    body: html`<h1>送信できませんでした</h1><div class="card"><p>${message}</p><p><a href="/postings">募集の一覧へ</a></p></div>`,
  })
}
