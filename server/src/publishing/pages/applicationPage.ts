/**
 * /applications/<token>: the applicant's private page. Their stage, their interview (picked from free
 * 15-minute slots, moved or cancelled by the coordinator), the calendar file, and leaving the pool or
 * deleting their data. Every action is a plain POST form.
 */
import { html } from 'hono/html'
import { INTERVIEW_MINUTES } from '@specboard/shared'
import type {
  ApplicationRecord,
  InterviewRecord,
  PostingRecord,
  PostingVersionRecord,
  SlotRecord,
} from '../../storage/PostingStore.ts'
import { formatDay, formatSlot, formatTime, tokyoDateKey } from '../format.ts'
import { page, type Html } from './layout.ts'

/** What the page says after an action (from the redirect's `?done=`). */
export const DONE_MESSAGES = {
  applied: '応募を受け付けました。',
  booked: '面談を予約しました。',
  cancelled: '面談をキャンセルしました。別の日時を選べます。',
  'left-pool': '人材プールへの同意を取り消し、登録を削除しました。',
  erased: '個人情報を削除しました。',
} as const
export type Done = keyof typeof DONE_MESSAGES

export interface ApplicationPageModel {
  readonly application: ApplicationRecord
  readonly posting: PostingRecord
  readonly version: PostingVersionRecord
  readonly organization: string
  /** This page's own address (the private link). */
  readonly statusUrl: string
  readonly interview: InterviewRecord | undefined
  readonly freeSlots: readonly SlotRecord[]
  /** Consented to the talent pool (or is in it). */
  readonly inPool: boolean
  readonly done?: Done
  /** A refusal to show (e.g. the slot was just taken). */
  readonly error?: string
}

const STEPS = ['応募受付', '面談予定', '面談済み', '結果'] as const
const STEP_OF: Record<ApplicationRecord['stage'], number> = {
  applied: 0,
  interview_scheduled: 1,
  interviewed: 2,
  placed: 3,
  pool: 3,
  declined: 3,
  withdrawn: -1,
}
const STAGE_MESSAGE: Record<ApplicationRecord['stage'], string> = {
  applied: 'ご応募ありがとうございます。15分の面談の日時を選んでください。',
  interview_scheduled: '面談の日時が決まりました。当日はオンラインでお話しします。',
  interviewed: '面談ありがとうございました。結果のご連絡をお待ちください。',
  placed: '採用が決まりました。担当者からご連絡します。',
  pool: '今回は採用に至りませんでしたが、人材プールに登録しました。今後のプロジェクトでご相談させてください。',
  declined: '今回はご縁がありませんでした。ご応募ありがとうございました。',
  withdrawn: 'この応募は取り下げられました。',
}

/** The pool decision reads differently once the person has left the pool. */
function stageMessage(m: ApplicationPageModel): string {
  if (m.application.stage === 'pool' && !m.inPool)
    return '今回は採用に至りませんでした。人材プールへの登録は、ご希望により取り消しました。ご応募ありがとうございました。'
  return STAGE_MESSAGE[m.application.stage]
}

export function applicationPage(m: ApplicationPageModel): Html {
  const a = m.application
  const action = (path: string) => `/applications/${tokenOf(m.statusUrl)}/${path}`
  return page({
    title: '応募状況 | Specboard 求人',
    noindex: true,
    body: html`<h1 id="status">応募状況</h1>
<p class="muted"><a href="/postings/${m.posting.slug}">${m.version.facts.title}</a>（${m.organization}）</p>
${m.done ? html`<div class="notice info" role="status"><strong>${DONE_MESSAGES[m.done]}</strong>${m.done === 'applied' ? savedLink(m) : ''}</div>` : ''}
${m.error ? html`<div class="notice bad" role="alert"><p>${m.error}</p></div>` : ''}
${
  a.erasedAt
    ? html`<div class="card"><p>この応募の個人情報は削除されました。ご利用ありがとうございました。</p></div>`
    : html`${steps(a)}
<div class="card"><p>${stageMessage(m)}</p></div>
${interviewSection(m, action)}
${dataSection(m, action)}`
}`,
  })
}

function tokenOf(statusUrl: string): string {
  return statusUrl.slice(statusUrl.lastIndexOf('/') + 1)
}

function savedLink(m: ApplicationPageModel): Html {
  return html`<p>このページのURLが、あなた専用の確認用リンクです。面談の予約や状況の確認に使いますので、ブックマークするか控えておいてください。</p>
<p class="link-box">${m.statusUrl}</p>`
}

function steps(a: ApplicationRecord): Html {
  const current = STEP_OF[a.stage]
  if (current < 0) return html``
  return html`<ol class="steps" aria-label="選考の段階">${STEPS.map(
    (label, i) =>
      html`<li class="${i < current ? 'done' : i === current ? 'current' : ''}"${i === current ? html` aria-current="step"` : ''}>${label}</li>`
  )}</ol>`
}

function interviewSection(m: ApplicationPageModel, action: (path: string) => string): Html {
  const a = m.application
  const interview = m.interview
  const bookable = a.stage === 'applied' || a.stage === 'interview_scheduled'
  if (interview?.status === 'scheduled') {
    return html`<h2>面談</h2>
<div class="card">
${interview.movedFrom ? html`<div class="notice warn"><strong>日時が変更されました</strong><p>変更前: ${formatSlot(interview.movedFrom, new Date(Date.parse(interview.movedFrom) + INTERVIEW_MINUTES * 60_000).toISOString())}</p></div>` : ''}
<p><strong>${formatSlot(interview.startsAt, interview.endsAt)}</strong>（15分・オンライン）</p>
<p><a class="button secondary" href="${action('interview.ics')}">カレンダーに追加（.ics）</a></p>
${
  Date.parse(interview.startsAt) > Date.now()
    ? html`<form method="post" action="${action('cancel')}"><button type="submit" class="danger">この面談をキャンセルする</button></form>`
    : ''
}
</div>`
  }
  if (!bookable) return html``
  const cancelledNotice =
    interview?.status === 'cancelled' && interview.cancelledBy === 'coordinator'
      ? html`<div class="notice warn"><strong>${formatSlot(interview.startsAt, interview.endsAt)} の面談はキャンセルされました</strong>${interview.cancelReason ? html`<p>${interview.cancelReason}</p>` : ''}<p>お手数ですが、別の日時を選んでください。</p></div>`
      : ''
  return html`<h2>面談の日時を選ぶ</h2>
${cancelledNotice}
${
  m.freeSlots.length === 0
    ? html`<div class="card"><p>いま選べる面談枠はありません。枠が追加されると、このページに表示されます。</p></div>`
    : html`<form class="card stack" method="post" action="${action('book')}">
<fieldset class="slots"><legend class="muted">ご都合のよい枠を1つ選んでください（日本時間）</legend>
${byDay(m.freeSlots).map(
  ([, slots]) =>
    html`<p class="slot-day">${formatDay(slots[0]!.startsAt)}</p><div class="slot-grid">${slots.map(
      (s) =>
        html`<label><input type="radio" name="slot_id" value="${s.id}" required><span>${formatTime(s.startsAt)}〜${formatTime(s.endsAt)}</span></label>`
    )}</div>`
)}
</fieldset>
<div><button type="submit">この日時で予約する</button></div>
</form>`
}`
}

function byDay(slots: readonly SlotRecord[]): [string, SlotRecord[]][] {
  const days = new Map<string, SlotRecord[]>()
  for (const s of slots) {
    const key = tokyoDateKey(s.startsAt)
    days.set(key, [...(days.get(key) ?? []), s])
  }
  return [...days]
}

function dataSection(m: ApplicationPageModel, action: (path: string) => string): Html {
  return html`<h2>登録情報</h2>
<div class="card stack">
${
  m.inPool
    ? html`<form method="post" action="${action('leave-pool')}"><p>人材プールへの登録に同意しています。今後の案内が不要な場合は、同意を取り消して登録を削除できます。</p><button type="submit" class="secondary">人材プールへの同意を取り消す</button></form>`
    : ''
}
<form method="post" action="${action('erase')}" class="stack">
<p>個人情報の取り扱いへの同意を取り消すと、お名前・連絡先・応募内容を削除し、選考中の応募は取り下げます。元に戻せません。</p>
<div class="check-row"><input type="checkbox" id="confirm-erase" name="confirm" value="yes" required><label for="confirm-erase">同意を取り消して、個人情報を削除します</label></div>
<div><button type="submit" class="danger">個人情報を削除する</button></div>
</form>
</div>`
}

/** A page for the pool's own withdrawal link (people who came from a pitch, not an application). */
export function poolWithdrawPage(
  state: { readonly name: string; readonly action: string } | 'done'
): Html {
  return page({
    title: '人材プールの登録 | Specboard 求人',
    noindex: true,
    body:
      state === 'done'
        ? html`<h1>登録を削除しました</h1><div class="card"><p>人材プールからお名前と連絡先を削除しました。ご協力ありがとうございました。</p></div>`
        : html`<h1>人材プールの登録</h1>
<div class="card stack"><p>${state.name} さんは人材プールに登録されています。今後の案内が不要な場合は、登録を削除できます（元に戻せません）。</p>
<form method="post" action="${state.action}"><button type="submit" class="danger">登録を削除する</button></form></div>`,
  })
}
