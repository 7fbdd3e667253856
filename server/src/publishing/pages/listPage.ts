/** /postings: postings across programs and regions, filtered by a plain GET form. */
import { html } from 'hono/html'
import { WORK_STYLE_NAMES_JA, WORK_STYLES, type WorkStyle } from '@specboard/shared'
import type { PostingWithVersionShown } from '../shown.ts'
import { formatDate, payText, placeText } from '../format.ts'
import { page, type Html } from './layout.ts'
import type { PublicLang } from './publicLang.ts'
import { textOf, WORK_STYLE_EN } from './publicText.ts'

export interface ListFilters {
  readonly q: string
  readonly region: string
  /** '' any; else exactly this way of working, so fully remote and partly remote stay apart. */
  readonly style: '' | WorkStyle
  readonly closed: boolean
}

export interface ListItem {
  readonly item: PostingWithVersionShown
  readonly organization: string
  readonly isOpen: boolean
}

export interface ListPageModel {
  readonly lang: PublicLang
  readonly filters: ListFilters
  readonly items: readonly ListItem[]
  /** Regions of all listed postings, for the select. */
  readonly regions: readonly string[]
  readonly canonical: string
}

export function listPage(m: ListPageModel): Html {
  const f = m.filters
  const t = textOf(m.lang)
  const styleText = m.lang === 'en' ? WORK_STYLE_EN : WORK_STYLE_NAMES_JA
  const filtered = f.q !== '' || f.region !== '' || f.style !== '' || f.closed
  return page({
    title: `${t.listTitle} | ${t.siteName}`,
    description: t.listDescription,
    canonical: m.canonical,
    noindex: filtered,
    lang: m.lang,
    path: '/postings',
    head: html`<meta property="og:type" content="website"><meta property="og:title" content="${t.listTitle} | ${t.siteName}"><meta property="og:url" content="${m.canonical}">`,
    body: html`<h1>${t.listTitle}</h1>
<p class="lead">${t.listLead}</p>
<form class="filters" method="get" action="/postings" role="search">
<div class="q"><label for="q">${t.keyword}</label><input type="search" id="q" name="q" value="${f.q}" placeholder="${t.keywordPlaceholder}"></div>
<div><label for="region">${t.region}</label><select id="region" name="region"><option value="">${t.any}</option>${m.regions.map(
      (r) => html`<option value="${r}"${r === f.region ? ' selected' : ''}>${r}</option>`
    )}</select></div>
<div><label for="style">${t.workStyle}</label><select id="style" name="style">
<option value="">${t.any}</option>
${WORK_STYLES.map((s) => html`<option value="${s}"${f.style === s ? ' selected' : ''}>${styleText[s]}</option>`)}
</select></div>
<div><button type="submit">${t.search}</button></div>
<div class="check check-row"><input type="checkbox" id="closed" name="closed" value="1"${f.closed ? ' checked' : ''}><label for="closed">${t.showClosed}</label></div>
</form>
<p class="muted" role="status">${t.count(m.items.length)}${filtered ? html`${m.lang === 'en' ? ' (' : '（'}<a href="/postings">${t.clear}</a>${m.lang === 'en' ? ')' : '）'}` : ''}</p>
${
  m.items.length === 0
    ? html`<div class="card"><p>${t.noMatch}</p></div>`
    : html`<ul class="listing">${m.items.map((item) => card(item, m.lang))}</ul>`
}`,
  })
}

function card({ item, organization, isOpen }: ListItem, lang: PublicLang): Html {
  const { facts } = item.version
  const t = textOf(lang)
  return html`<li class="card posting-card">
<div class="badges">${isOpen ? html`<span class="badge open">${t.open}</span>` : html`<span class="badge closed">${t.closed}</span>`}${item.posting.isDemo ? html`<span class="badge demo">${t.demo}</span>` : ''}</div>
<h2><a href="/postings/${item.posting.slug}">${facts.title}</a></h2>
<p class="org">${organization}</p>
<ul class="meta">
<li>${placeText(facts)}</li>
<li>${(lang === 'en' ? WORK_STYLE_EN : WORK_STYLE_NAMES_JA)[facts.workStyle]}</li>
<li>${t.hoursPerMonth(facts.hoursPerMonth)}</li>
<li>${payText(facts.pay, lang)}</li>
<li>${t.deadlineShort(formatDate(facts.deadline, lang))}</li>
</ul>
${item.version.excerpt ? html`<p class="excerpt">${item.version.excerpt}</p>` : ''}
${facts.skills.length > 0 ? html`<ul class="tags">${facts.skills.map((s) => html`<li class="tag">${s}</li>`)}</ul>` : ''}
</li>`
}
