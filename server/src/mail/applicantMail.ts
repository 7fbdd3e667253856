/**
 * Mail to applicants: what happened to their application, in plain words, always with their private
 * status link (or, for the pool, what leaving means). Nothing about anyone else is in them: only the
 * posting, the organisation that offers it, and the applicant's own interview.
 */
import type { MailAttachment, OutgoingMail } from './Mailer.ts'
import { renderMail } from './renderMail.ts'

/** What every applicant mail is about. */
export interface ApplicantMailFacts {
  readonly to: string
  readonly name: string
  readonly postingTitle: string
  readonly organization: string
  readonly programId: string
  /** The private status page; absent only for applications made before links were derivable. */
  readonly statusUrl: string | null
}

/** The events an applicant hears about. */
export type ApplicantEvent =
  | { readonly type: 'received' }
  | { readonly type: 'interview_booked'; readonly when: string; readonly ics: string }
  | {
      readonly type: 'interview_moved'
      readonly when: string
      readonly before: string
      readonly ics: string
    }
  | {
      readonly type: 'interview_cancelled'
      readonly when: string
      readonly reason: string | null
      readonly byApplicant: boolean
      readonly ics: string
    }
  | { readonly type: 'placed' }
  | { readonly type: 'pool' }
  | { readonly type: 'declined' }
  | { readonly type: 'left_pool' }

const FOOTER = [
  'このメールは、Specboard で公開された募集に応募された方にお送りしています。',
  '個人情報の削除や人材プールへの同意の取り消しは、応募状況のページからいつでもできます。',
  'Specboard 求人',
]

export function applicantMail(facts: ApplicantMailFacts, event: ApplicantEvent): OutgoingMail {
  const { subject, paragraphs, attachment } = wordsFor(facts, event)
  const mail = renderMail({
    kind: `applicant-${event.type.replace(/_/g, '-')}`,
    to: facts.to,
    subject: `${subject}｜${facts.postingTitle}`,
    paragraphs: [`${facts.name} 様`, ...paragraphs],
    action: facts.statusUrl ? { label: '応募状況を見る', url: facts.statusUrl } : undefined,
    footer: facts.statusUrl
      ? FOOTER
      : ['応募状況は、応募の直後に表示された確認用リンクからご覧いただけます。', ...FOOTER],
  })
  return {
    ...mail,
    programId: facts.programId,
    ...(attachment ? { attachments: [attachment] } : {}),
  }
}

function ics(content: string): MailAttachment {
  return { filename: 'interview.ics', contentType: 'text/calendar; charset=utf-8', content }
}

function wordsFor(
  f: ApplicantMailFacts,
  e: ApplicantEvent
): { subject: string; paragraphs: string[]; attachment?: MailAttachment } {
  const posting = `「${f.postingTitle}」（${f.organization}）`
  switch (e.type) {
    case 'received':
      return {
        subject: '応募を受け付けました',
        paragraphs: [
          `${posting}へのご応募ありがとうございます。応募内容を確かに受け取りました。`,
          '次は15分のオンライン面談です。下のリンクの応募状況のページから、ご都合のよい日時を選んでください。選考の結果もこのページとメールでお知らせします。',
          'このリンクはあなた専用です。ほかの方には教えないでください。',
        ],
      }
    case 'interview_booked':
      return {
        subject: `面談の日時が決まりました（${e.when}）`,
        paragraphs: [
          `${posting}の面談を ${e.when}（15分・オンライン）で承りました。`,
          '添付のカレンダーファイル（interview.ics）を開くと、予定に追加できます。日時の変更やキャンセルは応募状況のページからできます。',
        ],
        attachment: ics(e.ics),
      }
    case 'interview_moved':
      return {
        subject: `面談の日時が変わりました（${e.when}）`,
        paragraphs: [
          `${posting}の面談の日時を変更しました。`,
          `新しい日時: ${e.when}（15分・オンライン）\n変更前: ${e.before}`,
          '添付のカレンダーファイルを開くと、予定が新しい日時に更新されます。ご都合が合わない場合は、応募状況のページからキャンセルして選び直してください。',
        ],
        attachment: ics(e.ics),
      }
    case 'interview_cancelled':
      return {
        subject: '面談がキャンセルされました',
        paragraphs: e.byApplicant
          ? [
              `${e.when} の面談のキャンセルを承りました。`,
              '別の日時で面談を希望される場合は、応募状況のページから選び直してください。',
            ]
          : [
              `申し訳ありません。${posting}の ${e.when} の面談は、運営側の都合でキャンセルになりました。`,
              ...(e.reason ? [`理由: ${e.reason}`] : []),
              'お手数ですが、応募状況のページから別の日時を選んでください。',
            ],
        attachment: ics(e.ics),
      }
    case 'placed':
      return {
        subject: 'ぜひ一緒に取り組ませてください',
        paragraphs: [
          `${posting}の選考の結果、ぜひあなたと一緒に取り組みたいと考えています。`,
          'これからの進め方や契約については、担当者から改めてご連絡します。どうぞよろしくお願いします。',
        ],
      }
    case 'pool':
      return {
        subject: '選考の結果と、これからのご相談',
        paragraphs: [
          `${posting}にご応募いただき、面談でもお話しいただきありがとうございました。`,
          '今回は採用には至りませんでしたが、あなたの経験や想いをこれからのプロジェクトで活かしていただきたく、ご同意いただいた人材プールに登録しました。合いそうなプロジェクトが生まれたときに、ご連絡させてください。',
          '案内が不要な場合は、応募状況のページから人材プールへの同意をいつでも取り消せます。',
        ],
      }
    case 'declined':
      return {
        subject: '選考の結果について',
        paragraphs: [
          `${posting}にご応募いただき、ありがとうございました。`,
          '慎重に検討しましたが、今回はご期待に沿えない結果となりました。仕様書を読み、時間をかけて応募してくださったことに、チーム一同心から感謝しています。',
          'またほかの地域の募集でお会いできることを願っています。',
        ],
      }
    case 'left_pool':
      return {
        subject: '人材プールの登録を削除しました',
        paragraphs: [
          '人材プールへの同意の取り消しを承り、人材プールからお名前と連絡先を削除しました。今後、人材プールからのご案内はお送りしません。',
          'お手続きに心当たりがない場合は、このメールにご返信ください。',
        ],
      }
  }
}
