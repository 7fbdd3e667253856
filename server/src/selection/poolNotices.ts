/** Mail to someone who left the talent pool through its own withdrawal link (e.g. a pitch lead). */
import { renderMail } from '../mail/renderMail.ts'
import type { Mailer } from '../mail/Mailer.ts'
import type { PoolEntryRecord } from '../storage/PostingStore.ts'
import { isEmailAddress } from './applicantNotices.ts'
import { formatDate } from '../publishing/format.ts'

/** Confirms the removal to the address the person gave, when it is one; demo entries get nothing. */
export function confirmPoolWithdrawal(mailer: Mailer, entry: PoolEntryRecord): void {
  const to = entry.contact.trim()
  if (entry.isDemo || !isEmailAddress(to)) return
  mailer.send(
    renderMail({
      kind: 'pool-left',
      to,
      subject: '人材プールの登録を削除しました（Specboard）',
      paragraphs: [
        `${entry.name} 様`,
        '人材プールの登録削除を承り、お名前と連絡先を削除しました。今後、人材プールからのご案内はお送りしません。',
        'お手続きに心当たりがない場合は、このメールにご返信ください。',
      ],
      footer: ['Specboard 求人'],
    })
  )
}

/**
 * Asks a person whose pool consent is two years old whether to stay, in Japanese with the same in
 * English below (the pool spans programs and keeps no language): the renewal link as the button, the
 * withdrawal link and the date the entry lapses in the text. Demo entries and phone contacts get nothing
 * (the entry lapses all the same unless a coordinator reaches them and they join again).
 */
export function askPoolRenewal(
  mailer: Mailer,
  entry: PoolEntryRecord,
  links: { readonly renewUrl: string; readonly withdrawUrl: string; readonly until: string }
): void {
  const to = entry.contact.trim()
  if (entry.isDemo || !isEmailAddress(to)) return
  const until = formatDate(links.until)
  const untilEn = formatDate(links.until, 'en')
  mailer.send(
    renderMail({
      kind: 'pool-renewal',
      to,
      subject: '人材プールへの登録を続けますか / Stay in the talent pool?（Specboard）',
      paragraphs: [
        `${entry.name} 様`,
        '以前、Specboard の人材プールへの登録にご同意いただきました。登録から2年がたったため、今後もプロジェクトの案内を受け取るかを確認させてください。',
        `続ける場合は、${until}までに下のボタンから「登録を続ける」を押してください。お手続きがない場合は、お名前と連絡先を削除し、今後はご案内しません。`,
        `案内が不要な場合は、こちらからすぐに削除できます:\n${links.withdrawUrl}`,
        `Dear ${entry.name}, you agreed to be kept in Specboard's talent pool two years ago. To keep hearing about projects, open the link below and choose "Stay in the pool" by ${untilEn}; otherwise your name and contact are deleted. To leave now: ${links.withdrawUrl}`,
      ],
      action: { label: '登録を続ける / Stay in the pool', url: links.renewUrl },
      footer: ['Specboard 求人'],
    })
  )
}
