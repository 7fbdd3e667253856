/** /postings: postings across programs and regions, filtered by a plain GET form. */
import { html } from 'hono/html'
import { WORK_STYLES, type WorkStyle } from '@specboard/shared'
import type { PostingWithVersion } from '../../storage/PostingStore.ts'
import { formatDate, payText, placeText, WORK_STYLE_TEXT } from '../format.ts'
import { page, type Html } from './layout.ts'

export interface ListFilters {
  readonly q: string
  readonly region: string
  /** '' any; else exactly this way of working, so fully remote and partly remote stay apart. */
  readonly style: '' | WorkStyle
  readonly closed: boolean
}

export interface ListItem {
  readonly item: PostingWithVersion
  readonly organization: string
  readonly isOpen: boolean
}

export interface ListPageModel {
  readonly filters: ListFilters
  readonly items: readonly ListItem[]
  /** Regions of all listed postings, for the select. */
  readonly regions: readonly string[]
  readonly canonical: string
}

export function listPage(m: ListPageModel): Html {
  const f = m.filters
  const filtered = f.q !== '' || f.region !== '' || f.style !== '' || f.closed
  return page({
    title: '副業・プロボノの募集 | Specboard 求人',
    description:
      '地域の事業者や自治体が、課題を仕様書にして外部の人材を募集しています。リモートで関われる募集も多数。',
    canonical: m.canonical,
    noindex: filtered,
    head: html`<meta property="og:type" content="website"><meta property="og:title" content="副業・プロボノの募集 | Specboard 求人"><meta property="og:url" content="${m.canonical}">`,
    body: html`<h1>副業・プロボノの募集</h1>
<p class="lead">地域の事業者や自治体が、取り組みたい課題を仕様書にまとめて、一緒に動いてくれる人を探しています。</p>
<form class="filters" method="get" action="/postings" role="search">
<div class="q"><label for="q">キーワード</label><input type="search" id="q" name="q" value="${f.q}" placeholder="例: 広報、ワイン、リモート"></div>
<div><label for="region">地域</label><select id="region" name="region"><option value="">すべて</option>${m.regions.map(
      (r) => html`<option value="${r}"${r === f.region ? ' selected' : ''}>${r}</option>`
    )}</select></div>
<div><label for="style">働き方</label><select id="style" name="style">
<option value="">すべて</option>
${WORK_STYLES.map((s) => html`<option value="${s}"${f.style === s ? ' selected' : ''}>${WORK_STYLE_TEXT[s]}</option>`)}
</select></div>
<div><button type="submit">探す</button></div>
<div class="check check-row"><input type="checkbox" id="closed" name="closed" value="1"${f.closed ? ' checked' : ''}><label for="closed">締め切った募集も表示する</label></div>
</form>
<p class="muted" role="status">${m.items.length}件の募集${filtered ? html`（<a href="/postings">条件をクリア</a>）` : ''}</p>
${
  m.items.length === 0
    ? html`<div class="card"><p>条件に合う募集は見つかりませんでした。</p></div>`
    : html`<ul class="listing">${m.items.map(card)}</ul>`
}`,
  })
}

function card({ item, organization, isOpen }: ListItem): Html {
  const { facts } = item.version
  return html`<li class="card posting-card">
<div class="badges">${isOpen ? html`<span class="badge open">募集中</span>` : html`<span class="badge closed">募集終了</span>`}${item.posting.isDemo ? html`<span class="badge demo">デモ</span>` : ''}</div>
<h2><a href="/postings/${item.posting.slug}">${facts.title}</a></h2>
<p class="org">${organization}</p>
<ul class="meta">
<li>${placeText(facts)}</li>
<li>${WORK_STYLE_TEXT[facts.workStyle]}</li>
<li>月${facts.hoursPerMonth}時間程度</li>
<li>${payText(facts.pay)}</li>
<li>締切 ${formatDate(facts.deadline)}</li>
</ul>
${item.version.excerpt ? html`<p class="excerpt">${item.version.excerpt}</p>` : ''}
${facts.skills.length > 0 ? html`<ul class="tags">${facts.skills.map((s) => html`<li class="tag">${s}</li>`)}</ul>` : ''}
</li>`
}
