/**
 * /applications/<token>: the applicant's private page. Their stage, their interview (picked from free
 * 15-minute slots, moved or cancelled by the coordinator), the calendar file, and leaving the pool or
 * deleting their data. Every action is a plain POST form.
 */
import { html } from 'hono/html'
import { INTERVIEW_MINUTES, tokyoDateKey } from '@specboard/shared'
import type {
  ApplicationShown,
  InterviewShown,
  PostingShown,
  SlotShown,
  VersionShown,
} from '../shown.ts'
import { formatDay, formatSlot, formatTime } from '../format.ts'
import { page, type Html } from './layout.ts'
import { type ApplicationText, applicationTextOf } from './applicationText.ts'
import type { PublicLang } from './publicLang.ts'
import { textOf } from './publicText.ts'

/** What the page says after an action (from the redirect's `?done=`). */
export const DONE_KEYS = ['applied', 'booked', 'cancelled', 'left-pool', 'erased'] as const
export type Done = (typeof DONE_KEYS)[number]

export interface ApplicationPageModel {
  readonly lang: PublicLang
  readonly application: ApplicationShown
  readonly posting: PostingShown
  readonly version: VersionShown
  readonly organization: string
  /** This page's own address (the private link). */
  readonly statusUrl: string
  readonly interview: InterviewShown | undefined
  readonly freeSlots: readonly SlotShown[]
  /** Consented to the talent pool (or is in it). */
  readonly inPool: boolean
  readonly done?: Done
  /** A refusal to show (e.g. the slot was just taken). */
  readonly error?: string
}

const STEP_OF: Record<ApplicationShown['stage'], number> = {
  applied: 0,
  interview_scheduled: 1,
  interviewed: 2,
  placed: 3,
  pool: 3,
  declined: 3,
  withdrawn: -1,
}

/** The pool decision reads differently once the person has left the pool. */
function stageMessage(m: ApplicationPageModel, t: ApplicationText): string {
  if (m.application.stage === 'pool' && !m.inPool) return t.leftPool
  return t.stage[m.application.stage]
}

export function applicationPage(m: ApplicationPageModel): Html {
  const a = m.application
  const t = applicationTextOf(m.lang)
  const action = (path: string) => `/applications/${tokenOf(m.statusUrl)}/${path}`
  return page({
    title: `${t.title} | ${textOf(m.lang).siteName}`,
    noindex: true,
    lang: m.lang,
    path: `/applications/${tokenOf(m.statusUrl)}`,
    body: html`<h1 id="status">${t.title}</h1>
<p class="muted"><a href="/postings/${m.posting.slug}">${m.version.facts.title}</a>（${m.organization}）</p>
${m.done ? html`<div class="notice info" role="status"><strong>${t.done[m.done]}</strong>${m.done === 'applied' ? savedLink(m, t) : ''}</div>` : ''}
${m.error ? html`<div class="notice bad" role="alert"><p>${m.error}</p></div>` : ''}
${
  a.erasedAt
    ? html`<div class="card"><p>${t.erased}</p></div>`
    : html`${steps(a, t)}
<div class="card"><p>${stageMessage(m, t)}</p></div>
${interviewSection(m, action, t)}
${dataSection(m, action, t)}`
}`,
  })
}

function tokenOf(statusUrl: string): string {
  return statusUrl.slice(statusUrl.lastIndexOf('/') + 1)
}

function savedLink(m: ApplicationPageModel, t: ApplicationText): Html {
  return html`<p>${t.savedLink}</p>
<p class="link-box">${m.statusUrl}</p>`
}

function steps(a: ApplicationShown, t: ApplicationText): Html {
  const current = STEP_OF[a.stage]
  if (current < 0) return html``
  return html`<ol class="steps" aria-label="${t.stepsLabel}">${t.steps.map(
    (label, i) =>
      html`<li class="${i < current ? 'done' : i === current ? 'current' : ''}"${i === current ? html` aria-current="step"` : ''}>${label}</li>`
  )}</ol>`
}

function interviewSection(
  m: ApplicationPageModel,
  action: (path: string) => string,
  t: ApplicationText
): Html {
  const lang = m.lang
  const a = m.application
  const interview = m.interview
  const bookable = a.stage === 'applied' || a.stage === 'interview_scheduled'
  if (interview?.status === 'scheduled') {
    return html`<h2>${t.interview}</h2>
<div class="card">
${interview.movedFrom ? html`<div class="notice warn"><strong>${t.movedTitle}</strong><p>${t.movedBefore(formatSlot(interview.movedFrom, new Date(Date.parse(interview.movedFrom) + INTERVIEW_MINUTES * 60_000).toISOString(), lang))}</p></div>` : ''}
<p><strong>${formatSlot(interview.startsAt, interview.endsAt, lang)}</strong>${t.online}</p>
<p><a class="button secondary" href="${action('interview.ics')}">${t.addToCalendar}</a></p>
${
  Date.parse(interview.startsAt) > Date.now()
    ? html`<form method="post" action="${action('cancel')}"><button type="submit" class="danger">${t.cancelInterview}</button></form>`
    : ''
}
</div>`
  }
  if (!bookable) return html``
  const cancelledNotice =
    interview?.status === 'cancelled' && interview.cancelledBy === 'coordinator'
      ? html`<div class="notice warn"><strong>${t.cancelledByOffice(formatSlot(interview.startsAt, interview.endsAt, lang))}</strong>${interview.cancelReason ? html`<p>${interview.cancelReason}</p>` : ''}<p>${t.pickAgain}</p></div>`
      : ''
  return html`<h2>${t.pickTitle}</h2>
${cancelledNotice}
${
  m.freeSlots.length === 0
    ? html`<div class="card"><p>${t.noSlots}</p></div>`
    : html`<form class="card stack" method="post" action="${action('book')}">
<fieldset class="slots"><legend class="muted">${t.pickLegend}</legend>
${byDay(m.freeSlots).map(
  ([, slots]) =>
    html`<p class="slot-day">${formatDay(slots[0]!.startsAt)}</p><div class="slot-grid">${slots.map(
      (s) =>
        html`<label><input type="radio" name="slot_id" value="${s.id}" required><span>${formatTime(s.startsAt)}〜${formatTime(s.endsAt)}</span></label>`
    )}</div>`
)}
</fieldset>
<div><button type="submit">${t.book}</button></div>
</form>`
}`
}

function byDay(slots: readonly SlotShown[]): [string, SlotShown[]][] {
  const days = new Map<string, SlotShown[]>()
  for (const s of slots) {
    const key = tokyoDateKey(s.startsAt)
    days.set(key, [...(days.get(key) ?? []), s])
  }
  return [...days]
}

function dataSection(
  m: ApplicationPageModel,
  action: (path: string) => string,
  t: ApplicationText
): Html {
  return html`<h2>${t.dataTitle}</h2>
<div class="card stack">
${
  m.inPool
    ? html`<form method="post" action="${action('leave-pool')}"><p>${t.inPool}</p><button type="submit" class="secondary">${t.leavePool}</button></form>`
    : ''
}
<form method="post" action="${action('erase')}" class="stack">
<p>${t.eraseNote}</p>
<div class="check-row"><input type="checkbox" id="confirm-erase" name="confirm" value="yes" required><label for="confirm-erase">${t.eraseConfirm}</label></div>
<div><button type="submit" class="danger">${t.erase}</button></div>
</form>
</div>`
}

/** A small page about one's own pool entry: never indexed; its form posts to its own path until done. */
function poolEntryPage(
  lang: PublicLang,
  title: string,
  state: { readonly action: string } | 'done',
  body: Html
): Html {
  const path = state === 'done' ? undefined : state.action
  return page({ title: `${title} | ${textOf(lang).siteName}`, noindex: true, lang, path, body })
}

/** A page for the pool's own withdrawal link (people who came from a pitch, not an application). */
export function poolWithdrawPage(
  state: { readonly name: string; readonly action: string } | 'done',
  lang: PublicLang = 'ja'
): Html {
  const t = applicationTextOf(lang)
  const body =
    state === 'done'
      ? html`<h1>${t.poolDoneTitle}</h1><div class="card"><p>${t.poolDone}</p></div>`
      : html`<h1>${t.poolTitle}</h1>
<div class="card stack"><p>${t.poolIntro(state.name)}</p>
<form method="post" action="${state.action}"><button type="submit" class="danger">${t.poolDelete}</button></form></div>`
  return poolEntryPage(lang, t.poolTitle, state, body)
}

/** The pool's renewal page: stay (a form, no JavaScript), or go to the withdrawal page. */
export function poolRenewPage(
  state:
    | {
        readonly name: string
        readonly action: string
        readonly withdrawUrl: string
        /** The date by which to renew, already written for the reader; null when nothing is asked. */
        readonly until: string | null
      }
    | 'done',
  lang: PublicLang = 'ja'
): Html {
  const t = applicationTextOf(lang)
  const body =
    state === 'done'
      ? html`<h1>${t.renewDoneTitle}</h1><div class="card"><p>${t.renewDone}</p></div>`
      : state.until === null
        ? html`<h1>${t.renewTitle}</h1><div class="card"><p>${t.renewNotAsked(state.name)}</p>
<p><a href="${state.withdrawUrl}">${t.poolDelete}</a></p></div>`
        : html`<h1>${t.renewTitle}</h1>
<div class="card stack"><p>${t.renewIntro(state.name, state.until)}</p>
<form method="post" action="${state.action}"><button type="submit">${t.renewButton}</button></form>
<p>${t.renewOr} <a href="${state.withdrawUrl}">${t.poolDelete}</a></p></div>`
  return poolEntryPage(lang, t.renewTitle, state, body)
}
