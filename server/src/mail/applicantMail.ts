/**
 * Mail to applicants: what happened to their application, in plain words, always with their private
 * status link (or, for the pool, what leaving means). Nothing about anyone else is in them: only the
 * posting, the organisation that offers it, and the applicant's own interview.
 */
import type { MailAttachment, OutgoingMail } from './Mailer.ts'
import { type MailLang, renderMail } from './renderMail.ts'

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

const FOOTER_EN = [
  'You get this mail because you applied to a posting on Specboard.',
  'You can delete your personal data or leave the talent pool at any time from your status page.',
  'Specboard Jobs',
]

/**
 * The mail for `event`, in the applicant's language: the one they applied in (stored with the
 * application), or the one of their status page when they act there themselves.
 */
export function applicantMail(
  facts: ApplicantMailFacts,
  event: ApplicantEvent,
  lang: MailLang = 'ja'
): OutgoingMail {
  const isEn = lang === 'en'
  const { subject, paragraphs, attachment } = isEn ? wordsEn(facts, event) : wordsFor(facts, event)
  const footer = isEn ? FOOTER_EN : FOOTER
  const mail = renderMail({
    kind: `applicant-${event.type.replace(/_/g, '-')}`,
    to: facts.to,
    subject: `${subject}${isEn ? ' | ' : '｜'}${facts.postingTitle}`,
    paragraphs: [isEn ? `Dear ${facts.name},` : `${facts.name} 様`, ...paragraphs],
    action: facts.statusUrl
      ? { label: isEn ? 'See your application' : '応募状況を見る', url: facts.statusUrl }
      : undefined,
    footer: facts.statusUrl
      ? footer
      : [
          isEn
            ? 'Your status page is at the private link shown right after you applied.'
            : '応募状況は、応募の直後に表示された確認用リンクからご覧いただけます。',
          ...footer,
        ],
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

function wordsEn(
  f: ApplicantMailFacts,
  e: ApplicantEvent
): { subject: string; paragraphs: string[]; attachment?: MailAttachment } {
  const posting = `“${f.postingTitle}” (${f.organization})`
  switch (e.type) {
    case 'received':
      return {
        subject: 'We have received your application',
        paragraphs: [
          `Thank you for applying to ${posting}. Your application has arrived.`,
          'Next comes a 15-minute online interview: pick a time that suits you on your status page (the link below). We will also tell you the result there and by mail.',
          'This link is yours alone; please do not share it.',
        ],
      }
    case 'interview_booked':
      return {
        subject: `Your interview is booked (${e.when})`,
        paragraphs: [
          `Your interview for ${posting} is booked for ${e.when} (15 minutes, online).`,
          'Open the attached calendar file (interview.ics) to add it to your calendar. You can cancel and pick another time on your status page.',
        ],
        attachment: ics(e.ics),
      }
    case 'interview_moved':
      return {
        subject: `Your interview has moved (${e.when})`,
        paragraphs: [
          `The time of your interview for ${posting} has changed.`,
          `New time: ${e.when} (15 minutes, online)\nBefore: ${e.before}`,
          'Opening the attached calendar file updates the event. If the new time does not suit you, cancel and pick another on your status page.',
        ],
        attachment: ics(e.ics),
      }
    case 'interview_cancelled':
      return {
        subject: 'Your interview is cancelled',
        paragraphs: e.byApplicant
          ? [
              `Your interview on ${e.when} is cancelled, as you asked.`,
              'If you would like another time, pick one on your status page.',
            ]
          : [
              `We are sorry: your interview for ${posting} on ${e.when} had to be cancelled.`,
              ...(e.reason ? [`Reason: ${e.reason}`] : []),
              'Please pick another time on your status page.',
            ],
        attachment: ics(e.ics),
      }
    case 'placed':
      return {
        subject: 'We would love to work with you',
        paragraphs: [
          `After the selection for ${posting}, we would very much like to take this on with you.`,
          'Someone from the team will contact you about the next steps and the agreement.',
        ],
      }
    case 'pool':
      return {
        subject: 'The result, and what comes next',
        paragraphs: [
          `Thank you for applying to ${posting} and for talking with us.`,
          'We could not place you this time, but we would like your experience in future projects, so we have kept you in the talent pool you agreed to. We will be in touch when something fits.',
          'If you would rather not hear from us, you can leave the talent pool at any time on your status page.',
        ],
      }
    case 'declined':
      return {
        subject: 'About the result of your application',
        paragraphs: [
          `Thank you for applying to ${posting}.`,
          'We thought about it carefully, but it did not work out this time. The whole team is grateful that you read the sheet and took the time to apply.',
          'We hope to meet you again in another region’s posting.',
        ],
      }
    case 'left_pool':
      return {
        subject: 'You have left the talent pool',
        paragraphs: [
          'As you asked, we removed your name and contact from the talent pool. You will get no more messages from it.',
          'If you did not ask for this, please reply to this mail.',
        ],
      }
  }
}
