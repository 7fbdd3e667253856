/** /postings/<slug>: the story and the facts, structured data, and the application form (no JavaScript). */
import { html } from 'hono/html'
import { type PostingFacts, WORK_STYLE_NAMES_JA } from '@specboard/shared'
import type { PostingShown, VersionShown } from '../shown.ts'
import {
  formatDate,
  formatDateTime,
  payText,
  periodText,
  placeText,
  timeLeftText,
} from '../format.ts'
import { jobPostingJsonLd, scriptSafeJson } from '../jsonLd.ts'
import { page, trusted, type Html } from './layout.ts'
import type { PublicLang } from './publicLang.ts'
import { type PublicText, textOf, WORK_STYLE_EN } from './publicText.ts'

export interface PostingPageModel {
  readonly lang: PublicLang
  readonly posting: PostingShown
  readonly version: VersionShown
  readonly url: string
  /** The theme owner's organisation, else the program's name. */
  readonly organization: string
  readonly programName: string
  /** The program's retention period: the form says when unkept applicants' data is erased. */
  readonly retentionMonths: number
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
  const t = textOf(m.lang)
  const description = m.version.excerpt || facts.title
  const title = `${facts.title} | ${placeText(facts)} | ${t.siteName}`
  // Structured data stays in the posting's language, whichever language the page is read in.
  const jsonLd = jobPostingJsonLd({
    url: m.url,
    postingId: m.posting.id,
    facts,
    descriptionHtml: m.version.html,
    datePosted: m.posting.firstPublishedAt,
    organization: m.organization,
  })
  const head = html`<meta property="og:type" content="website">
<meta property="og:site_name" content="${t.siteName}">
<meta property="og:title" content="${facts.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${m.url}">
<meta property="og:locale" content="${m.lang === 'en' ? 'en_US' : 'ja_JP'}">
<meta name="twitter:card" content="summary">
<script type="application/ld+json">${trusted(scriptSafeJson(jsonLd))}</script>`
  return page({
    title,
    description,
    canonical: m.url,
    head,
    noindex: m.posting.isDemo,
    lang: m.lang,
    path: `/postings/${m.posting.slug}`,
    body: html`<a class="back" href="/postings">${t.backToList}</a>
${m.posting.isDemo ? html`<div class="notice warn"><strong>${t.demoNoticeTitle}</strong><p>${t.demoNotice}</p></div>` : ''}
<div class="badges">${statusBadge(m)}</div>
<h1>${facts.title}</h1>
<p class="muted">${m.organization}（${m.programName}）</p>
${factsList(facts, m.lang)}
<article class="story" aria-label="${t.story}" lang="ja">${trusted(m.version.html)}</article>
<p class="muted">${t.published(formatDate(m.version.publishedAt, m.lang), m.version.version)}</p>
<section id="apply" aria-labelledby="apply-title">
<h2 id="apply-title">${t.apply}</h2>
${m.isOpen ? applicationForm(m) : closedNotice(m)}
</section>`,
  })
}

function statusBadge(m: PostingPageModel): Html {
  if (m.posting.isDemo)
    return html`${openBadge(m)}<span class="badge demo">${textOf(m.lang).demo}</span>`
  return openBadge(m)
}

function openBadge(m: PostingPageModel): Html {
  const t = textOf(m.lang)
  if (!m.isOpen) return html`<span class="badge closed">${t.closed}</span>`
  const left = Date.parse(m.version.facts.deadline) - m.now
  return html`<span class="badge open">${t.open}${left < 8 * DAY_MS ? t.leftUntilDeadline(timeLeftText(left, m.lang)) : ''}</span>`
}

export function factsList(facts: PostingFacts, lang: PublicLang = 'ja'): Html {
  const t = textOf(lang)
  const style = (lang === 'en' ? WORK_STYLE_EN : WORK_STYLE_NAMES_JA)[facts.workStyle]
  return html`<dl class="facts">
<dt>${t.factPlace}</dt><dd>${placeText(facts)}</dd>
<dt>${t.factPeriod}</dt><dd>${periodText(facts, lang)}</dd>
<dt>${t.factHours}</dt><dd>${t.hoursPerMonth(facts.hoursPerMonth)}</dd>
<dt>${t.factPay}</dt><dd>${payText(facts.pay, lang)}</dd>
<dt>${t.factStyle}</dt><dd>${style}${facts.location ? html`<br><span class="muted">${facts.location}</span>` : ''}</dd>
<dt>${t.factDeadline}</dt><dd>${formatDateTime(facts.deadline, lang)}</dd>
${facts.skills.length > 0 ? html`<dt>${t.factSkills}</dt><dd><ul class="tags">${facts.skills.map((s) => html`<li class="tag">${s}</li>`)}</ul></dd>` : ''}
</dl>`
}

function closedNotice(m: PostingPageModel): Html {
  const t = textOf(m.lang)
  return html`<div class="notice info" role="status"><strong>${t.closedTitle}</strong>
<p>${t.closedBody(formatDateTime(m.version.facts.deadline, m.lang))} <a href="/postings">${t.otherPostings}</a></p></div>`
}

interface FieldSpec {
  readonly name: string
  readonly label: string
  readonly hint?: string
  readonly required: boolean
  readonly multiline?: boolean
  readonly autocomplete?: string
}

function fieldsOf(t: PublicText): readonly FieldSpec[] {
  return [
    { name: 'name', label: t.fieldName, required: true, autocomplete: 'name' },
    {
      name: 'contact',
      label: t.fieldContact,
      hint: t.hintContact,
      required: true,
      autocomplete: 'email',
    },
    {
      name: 'motivation',
      label: t.fieldMotivation,
      hint: t.hintMotivation,
      required: true,
      multiline: true,
    },
    { name: 'skills', label: t.fieldSkills, hint: t.hintSkills, required: false },
    { name: 'links', label: t.fieldLinks, hint: t.hintLinks, required: false, multiline: true },
  ]
}

function applicationForm(m: PostingPageModel): Html {
  const t = textOf(m.lang)
  const values = m.form?.values ?? {}
  const errors = m.form?.errors ?? {}
  const problems = Object.entries(errors)
  return html`${
    problems.length > 0
      ? html`<div class="notice bad" role="alert" id="form-errors"><strong>${t.checkForm}</strong><ul>${problems.map(
          ([field, message]) =>
            field === '_form'
              ? html`<li>${message}</li>`
              : html`<li><a href="#f-${field}">${message}</a></li>`
        )}</ul></div>`
      : ''
  }
<form class="stack card" method="post" action="/postings/${m.posting.slug}/apply#apply" accept-charset="utf-8">
${fieldsOf(t).map((f) => field(f, values[f.name] ?? '', errors[f.name], t))}
<div class="hp" aria-hidden="true">
<label for="f-website">${t.honeypot}</label>
<input type="text" id="f-website" name="website" value="${values.website ?? ''}" tabindex="-1" autocomplete="off">
</div>
<div class="field">
<div class="check-row">
<input type="checkbox" id="f-consent_data" name="consent_data" value="yes"${values.consent_data === 'yes' ? ' checked' : ''}${errors.consent_data ? html` aria-invalid="true" aria-describedby="e-consent_data"` : ''} required>
<label for="f-consent_data"><strong>${t.consentData}</strong><span class="req">${t.required}</span><br>
<span class="muted">${t.consentDataNote(m.organization)}${t.retentionNote(m.retentionMonths)}</span></label>
</div>
${errors.consent_data ? html`<p class="error-text" id="e-consent_data">${errors.consent_data}</p>` : ''}
</div>
<div class="field">
<div class="check-row">
<input type="checkbox" id="f-consent_pool" name="consent_pool" value="yes"${values.consent_pool === 'yes' ? ' checked' : ''}>
<label for="f-consent_pool">${t.consentPool}<span class="opt">${t.optional}</span><br>
<span class="muted">${t.consentPoolNote}</span></label>
</div>
</div>
<div><button type="submit">${t.submit}</button></div>
</form>`
}

function field(f: FieldSpec, value: string, error: string | undefined, t: PublicText): Html {
  const id = `f-${f.name}`
  const described = [f.hint ? `h-${f.name}` : '', error ? `e-${f.name}` : '']
    .filter(Boolean)
    .join(' ')
  const attrs = html` id="${id}" name="${f.name}"${f.required ? ' required' : ''}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${error ? ' aria-invalid="true"' : ''}`
  return html`<div class="field">
<label for="${id}">${f.label}${f.required ? html`<span class="req">${t.required}</span>` : html`<span class="opt">${t.optional}</span>`}</label>
${f.hint ? html`<span class="hint" id="h-${f.name}">${f.hint}</span>` : ''}
${f.multiline ? html`<textarea${attrs} rows="${f.name === 'links' ? 3 : 8}">${value}</textarea>` : html`<input type="text"${attrs} value="${value}">`}
${error ? html`<p class="error-text" id="e-${f.name}">${error}</p>` : ''}
</div>`
}
