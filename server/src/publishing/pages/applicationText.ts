/** The words of the applicant's status page and the pool's withdrawal page, in Japanese and English. */
import type { ApplicationStage } from '@specboard/shared'
import type { PublicLang } from './publicLang.ts'

const ja = {
  title: '応募状況',
  done: {
    applied: '応募を受け付けました。',
    booked: '面談を予約しました。',
    cancelled: '面談をキャンセルしました。別の日時を選べます。',
    'left-pool': '人材プールへの同意を取り消し、登録を削除しました。',
    erased: '個人情報を削除しました。',
  },
  erased: 'この応募の個人情報は削除されました。ご利用ありがとうございました。',
  savedLink:
    'このページのURLが、あなた専用の確認用リンクです。面談の予約や状況の確認に使いますので、ブックマークするか控えておいてください。',
  steps: ['応募受付', '面談予定', '面談済み', '結果'],
  stepsLabel: '選考の段階',
  stage: {
    applied: 'ご応募ありがとうございます。15分の面談の日時を選んでください。',
    interview_scheduled: '面談の日時が決まりました。当日はオンラインでお話しします。',
    interviewed: '面談ありがとうございました。結果のご連絡をお待ちください。',
    placed: '採用が決まりました。担当者からご連絡します。',
    pool: '今回は採用に至りませんでしたが、人材プールに登録しました。今後のプロジェクトでご相談させてください。',
    declined: '今回はご縁がありませんでした。ご応募ありがとうございました。',
    withdrawn: 'この応募は取り下げられました。',
  } satisfies Record<ApplicationStage, string>,
  leftPool:
    '今回は採用に至りませんでした。人材プールへの登録は、ご希望により取り消しました。ご応募ありがとうございました。',
  interview: '面談',
  movedTitle: '日時が変更されました',
  movedBefore: (when: string) => `変更前: ${when}`,
  online: '（15分・オンライン）',
  addToCalendar: 'カレンダーに追加（.ics）',
  cancelInterview: 'この面談をキャンセルする',
  pickTitle: '面談の日時を選ぶ',
  cancelledByOffice: (when: string) => `${when} の面談はキャンセルされました`,
  pickAgain: 'お手数ですが、別の日時を選んでください。',
  noSlots: 'いま選べる面談枠はありません。枠が追加されると、このページに表示されます。',
  pickLegend: 'ご都合のよい枠を1つ選んでください（日本時間）',
  book: 'この日時で予約する',
  dataTitle: '登録情報',
  inPool:
    '人材プールへの登録に同意しています。今後の案内が不要な場合は、同意を取り消して登録を削除できます。',
  leavePool: '人材プールへの同意を取り消す',
  eraseNote:
    '個人情報の取り扱いへの同意を取り消すと、お名前・連絡先・応募内容を削除し、選考中の応募は取り下げます。元に戻せません。',
  eraseConfirm: '同意を取り消して、個人情報を削除します',
  erase: '個人情報を削除する',
  poolTitle: '人材プールの登録',
  poolDoneTitle: '登録を削除しました',
  poolDone: '人材プールからお名前と連絡先を削除しました。ご協力ありがとうございました。',
  poolIntro: (name: string) =>
    `${name} さんは人材プールに登録されています。今後の案内が不要な場合は、登録を削除できます（元に戻せません）。`,
  poolDelete: '登録を削除する',
  renewTitle: '人材プールへの登録の継続',
  renewIntro: (name: string, until: string) =>
    `${name} さんは人材プールに登録されています。登録から時間がたったため、今後もプロジェクトの案内を受け取るかを確認しています。${until}までに「登録を続ける」を押さない場合、登録を削除します。`,
  renewButton: '登録を続ける',
  renewOr: '案内が不要な場合は、登録を削除できます。',
  renewDoneTitle: '登録を続けます',
  renewDone: 'ありがとうございます。引き続き、関われそうなプロジェクトをご案内します。',
  renewNotAsked: (name: string) =>
    `${name} さんの人材プールへの登録は有効です。いまお手続きは必要ありません。`,
}

export type ApplicationText = typeof ja

const en: ApplicationText = {
  title: 'Your application',
  done: {
    applied: 'We have received your application.',
    booked: 'Your interview is booked.',
    cancelled: 'The interview is cancelled. You can pick another time.',
    'left-pool': 'You have left the talent pool; your entry is deleted.',
    erased: 'Your personal data has been deleted.',
  },
  erased: 'The personal data of this application has been deleted. Thank you for applying.',
  savedLink:
    'The address of this page is your private status link: you book your interview and follow your application here. Bookmark it or keep a copy.',
  steps: ['Received', 'Interview booked', 'Interviewed', 'Result'],
  stepsLabel: 'Selection steps',
  stage: {
    applied: 'Thank you for applying. Please pick a time for a 15-minute interview.',
    interview_scheduled: 'Your interview is booked. We will talk online at that time.',
    interviewed: 'Thank you for the interview. We will let you know the result.',
    placed: 'You are placed! Someone from the team will contact you.',
    pool: 'You were not placed this time, but we have kept you in the talent pool and hope to talk about future projects.',
    declined: 'It did not work out this time. Thank you very much for applying.',
    withdrawn: 'This application was withdrawn.',
  },
  leftPool:
    'You were not placed this time, and as you asked, you are no longer in the talent pool. Thank you for applying.',
  interview: 'Interview',
  movedTitle: 'The time has changed',
  movedBefore: (when: string) => `Before: ${when}`,
  online: ' (15 minutes, online)',
  addToCalendar: 'Add to calendar (.ics)',
  cancelInterview: 'Cancel this interview',
  pickTitle: 'Pick a time for your interview',
  cancelledByOffice: (when: string) => `The interview on ${when} was cancelled`,
  pickAgain: 'Sorry for the trouble: please pick another time.',
  noSlots: 'No interview times are open right now. New ones appear on this page.',
  pickLegend: 'Pick one time that suits you (Japan time)',
  book: 'Book this time',
  dataTitle: 'Your data',
  inPool:
    'You agreed to be kept in the talent pool. If you no longer want to hear about projects, withdraw and your entry is deleted.',
  leavePool: 'Leave the talent pool',
  eraseNote:
    'Withdrawing your consent deletes your name, contact and application, and withdraws an application still in selection. This cannot be undone.',
  eraseConfirm: 'Withdraw my consent and delete my personal data',
  erase: 'Delete my personal data',
  poolTitle: 'Talent pool',
  poolDoneTitle: 'Your entry is deleted',
  poolDone: 'We deleted your name and contact from the talent pool. Thank you.',
  poolIntro: (name: string) =>
    `${name}, you are in the talent pool. If you no longer want to hear about projects, you can delete your entry (this cannot be undone).`,
  poolDelete: 'Delete my entry',
  renewTitle: 'Stay in the talent pool',
  renewIntro: (name: string, until: string) =>
    `${name}, you are in the talent pool. As it has been a while, we are checking that you still want to hear about projects. Unless you choose "Stay in the pool" by ${until}, your entry is deleted.`,
  renewButton: 'Stay in the pool',
  renewOr: 'If you no longer want to hear from us, you can delete your entry.',
  renewDoneTitle: 'You stay in the talent pool',
  renewDone: 'Thank you. We will keep telling you about projects you could join.',
  renewNotAsked: (name: string) =>
    `${name}, your place in the talent pool is valid. Nothing needs to be done now.`,
}

export function applicationTextOf(lang: PublicLang): ApplicationText {
  return lang === 'en' ? en : ja
}
