/** /postings/<slug>: the story and the facts, structured data, and the application form (no JavaScript). */
import { html } from 'hono/html'
import type { PostingFacts } from '@specboard/shared'
import type { PostingRecord, PostingVersionRecord } from '../../storage/PostingStore.ts'
import {
  formatDate,
  formatDateTime,
  payText,
  periodText,
  placeText,
  timeLeftText,
  WORK_STYLE_TEXT,
} from '../format.ts'
import { jobPostingJsonLd, scriptSafeJson } from '../jsonLd.ts'
import { page, trusted, type Html } from './layout.ts'

export interface PostingPageModel {
  readonly posting: PostingRecord
  readonly version: PostingVersionRecord
  readonly url: string
  /** The theme owner's organisation, else the program's name. */
  readonly organization: string
  readonly programName: string
  readonly isOpen: boolean
  readonly now: number
  /** A form sent back with problems; absent for a fresh page. */
  readonly form?: ApplicationFormState
}

export interface ApplicationFormState {
  readonly values: Readonly<Record<string, string>>
  /** Per field name, plus `_form` for problems of the whole submission. */
  readonly errors: Readonly<Record<string, string>>
}

const DAY_MS = 24 * 3600 * 1000

export function postingPage(m: PostingPageModel): Html {
  const { facts } = m.version
  const description = m.version.excerpt || facts.title
  const title = `${facts.title} | ${placeText(facts)} | Specboard 求人`
  const jsonLd = jobPostingJsonLd({
    url: m.url,
    postingId: m.posting.id,
    facts,
    descriptionHtml: m.version.html,
    datePosted: m.posting.firstPublishedAt,
    organization: m.organization,
  })
  const head = html`<meta property="og:type" content="website">
<meta property="og:site_name" content="Specboard 求人">
<meta property="og:title" content="${facts.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${m.url}">
<meta property="og:locale" content="ja_JP">
<meta name="twitter:card" content="summary">
<script type="application/ld+json">${trusted(scriptSafeJson(jsonLd))}</script>`
  return page({
    title,
    description,
    canonical: m.url,
    head,
    noindex: m.posting.isDemo,
    body: html`<a class="back" href="/postings">← 募集の一覧</a>
${m.posting.isDemo ? html`<div class="notice warn"><strong>デモ用の募集です</strong><p>Specboard を試すための架空の募集です。応募しても選考は行われません。</p></div>` : ''}
<div class="badges">${statusBadge(m)}</div>
<h1>${facts.title}</h1>
<p class="muted">${m.organization}（${m.programName}）</p>
${factsList(facts)}
<article class="story" aria-label="仕様書">${trusted(m.version.html)}</article>
<p class="muted">${formatDate(m.version.publishedAt)} 公開${m.version.version > 1 ? `（第${m.version.version}版）` : ''}</p>
<section id="apply" aria-labelledby="apply-title">
<h2 id="apply-title">応募する</h2>
${m.isOpen ? applicationForm(m) : closedNotice(m)}
</section>`,
  })
}

function statusBadge(m: PostingPageModel): Html {
  if (m.posting.isDemo) return html`${openBadge(m)}<span class="badge demo">デモ</span>`
  return openBadge(m)
}

function openBadge(m: PostingPageModel): Html {
  if (!m.isOpen) return html`<span class="badge closed">募集終了</span>`
  const left = Date.parse(m.version.facts.deadline) - m.now
  return html`<span class="badge open">募集中${left < 8 * DAY_MS ? `・締切まで${timeLeftText(left)}` : ''}</span>`
}

export function factsList(facts: PostingFacts): Html {
  return html`<dl class="facts">
<dt>地域</dt><dd>${placeText(facts)}</dd>
<dt>期間</dt><dd>${periodText(facts)}</dd>
<dt>稼働</dt><dd>月${facts.hoursPerMonth}時間程度</dd>
<dt>報酬</dt><dd>${payText(facts.pay)}</dd>
<dt>働き方</dt><dd>${WORK_STYLE_TEXT[facts.workStyle]}${facts.location ? html`<br><span class="muted">${facts.location}</span>` : ''}</dd>
<dt>応募締切</dt><dd>${formatDateTime(facts.deadline)}</dd>
${facts.skills.length > 0 ? html`<dt>求めるスキル</dt><dd><ul class="tags">${facts.skills.map((s) => html`<li class="tag">${s}</li>`)}</ul></dd>` : ''}
</dl>`
}

function closedNotice(m: PostingPageModel): Html {
  return html`<div class="notice info" role="status"><strong>この募集は締め切りました</strong>
<p>応募の受付は${formatDateTime(m.version.facts.deadline)}で終了しました。ほかの<a href="/postings">募集中の求人</a>もご覧ください。</p></div>`
}

interface FieldSpec {
  readonly name: string
  readonly label: string
  readonly hint?: string
  readonly required: boolean
  readonly multiline?: boolean
  readonly autocomplete?: string
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'name', label: 'お名前', required: true, autocomplete: 'name' },
  {
    name: 'contact',
    label: '連絡先',
    hint: 'メールアドレスか電話番号。面談の調整に使います。',
    required: true,
    autocomplete: 'email',
  },
  {
    name: 'motivation',
    label: '応募の動機',
    hint: 'この仕様書を読んで感じたこと、関わりたい理由、活かせる経験など。',
    required: true,
    multiline: true,
  },
  {
    name: 'skills',
    label: 'スキル',
    hint: '読点やカンマで区切ってください（例: 編集、SNS運用、データ分析）。',
    required: false,
  },
  {
    name: 'links',
    label: 'リンク',
    hint: 'ポートフォリオやSNSなど。1行に1つ、http:// か https:// で始まるURL。',
    required: false,
    multiline: true,
  },
]

function applicationForm(m: PostingPageModel): Html {
  const values = m.form?.values ?? {}
  const errors = m.form?.errors ?? {}
  const problems = Object.entries(errors)
  return html`${
    problems.length > 0
      ? html`<div class="notice bad" role="alert" id="form-errors"><strong>入力内容を確認してください</strong><ul>${problems.map(
          ([field, message]) =>
            field === '_form'
              ? html`<li>${message}</li>`
              : html`<li><a href="#f-${field}">${message}</a></li>`
        )}</ul></div>`
      : ''
  }
<form class="stack card" method="post" action="/postings/${m.posting.slug}/apply#apply" accept-charset="utf-8">
${FIELDS.map((f) => field(f, values[f.name] ?? '', errors[f.name]))}
<div class="hp" aria-hidden="true">
<label for="f-website">この欄は空のままにしてください（スパム対策）</label>
<input type="text" id="f-website" name="website" value="${values.website ?? ''}" tabindex="-1" autocomplete="off">
</div>
<div class="field">
<div class="check-row">
<input type="checkbox" id="f-consent_data" name="consent_data" value="yes"${values.consent_data === 'yes' ? ' checked' : ''}${errors.consent_data ? html` aria-invalid="true" aria-describedby="e-consent_data"` : ''} required>
<label for="f-consent_data"><strong>個人情報の取り扱いに同意します</strong><span class="req">必須</span><br>
<span class="muted">入力いただいた内容は、この募集の選考と連絡のためだけに、${m.organization}と運営事務局が使います。応募後に届く確認用ページから、いつでも削除できます。</span></label>
</div>
${errors.consent_data ? html`<p class="error-text" id="e-consent_data">${errors.consent_data}</p>` : ''}
</div>
<div class="field">
<div class="check-row">
<input type="checkbox" id="f-consent_pool" name="consent_pool" value="yes"${values.consent_pool === 'yes' ? ' checked' : ''}>
<label for="f-consent_pool">人材プールへの登録を希望します<span class="opt">任意</span><br>
<span class="muted">選考の結果にかかわらず、今後ほかの地域を含むプログラムの運営者から、関われそうなプロジェクトの案内が届くことがあります。</span></label>
</div>
</div>
<div><button type="submit">この内容で応募する</button></div>
</form>`
}

function field(f: FieldSpec, value: string, error: string | undefined): Html {
  const id = `f-${f.name}`
  const described = [f.hint ? `h-${f.name}` : '', error ? `e-${f.name}` : '']
    .filter(Boolean)
    .join(' ')
  const attrs = html` id="${id}" name="${f.name}"${f.required ? ' required' : ''}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${error ? ' aria-invalid="true"' : ''}`
  return html`<div class="field">
<label for="${id}">${f.label}${f.required ? html`<span class="req">必須</span>` : html`<span class="opt">任意</span>`}</label>
${f.hint ? html`<span class="hint" id="h-${f.name}">${f.hint}</span>` : ''}
${f.multiline ? html`<textarea${attrs} rows="${f.name === 'links' ? 3 : 8}">${value}</textarea>` : html`<input type="text"${attrs} value="${value}">`}
${error ? html`<p class="error-text" id="e-${f.name}">${error}</p>` : ''}
</div>`
}
