/** Mail to someone who left the talent pool through its own withdrawal link (e.g. a pitch lead). */
import { renderMail } from '../mail/renderMail.ts'
import type { Mailer } from '../mail/Mailer.ts'
import type { PoolEntryRecord } from '../storage/PostingStore.ts'
import { isEmailAddress } from './applicantNotices.ts'

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
