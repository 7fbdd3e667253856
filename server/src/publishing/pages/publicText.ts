/** Every word of the public pages in Japanese and English; pages pick one set with `textOf(lang)`. */
import type { ApplicationFormProblem, ApplicationStage, WorkStyle } from '@specboard/shared'
import type { PublicLang } from './publicLang.ts'

const ja = {
  htmlLang: 'ja',
  siteName: 'Specboard 求人',
  brandSuffix: '求人',
  feed: 'フィード',
  feedTitle: '募集中の求人',
  switchTo: 'English',
  switchLang: 'en',
  footer: '地域の課題を仕様書にして、副業・プロボノで関わる人を募集しています。',
  notFoundTitle: 'ページが見つかりません',
  notFound:
    'お探しのページは見つかりませんでした。公開が終了したか、URLが正しくない可能性があります。',
  toList: '募集の一覧へ',
  backToList: '← 募集の一覧',
  // list
  listTitle: '副業・プロボノの募集',
  listDescription:
    '地域の事業者や自治体が、課題を仕様書にして外部の人材を募集しています。リモートで関われる募集も多数。',
  listLead:
    '地域の事業者や自治体が、取り組みたい課題を仕様書にまとめて、一緒に動いてくれる人を探しています。',
  keyword: 'キーワード',
  keywordPlaceholder: '例: 広報、ワイン、リモート',
  region: '地域',
  any: 'すべて',
  workStyle: '働き方',
  search: '探す',
  showClosed: '締め切った募集も表示する',
  count: (n: number) => `${n}件の募集`,
  clear: '条件をクリア',
  noMatch: '条件に合う募集は見つかりませんでした。',
  open: '募集中',
  closed: '募集終了',
  demo: 'デモ',
  deadlineShort: (date: string) => `締切 ${date}`,
  // posting
  story: '仕様書',
  demoNoticeTitle: 'デモ用の募集です',
  demoNotice: 'Specboard を試すための架空の募集です。応募しても選考は行われません。',
  leftUntilDeadline: (left: string) => `・締切まで${left}`,
  published: (date: string, version: number) =>
    `${date} 公開${version > 1 ? `（第${version}版）` : ''}`,
  apply: '応募する',
  factPlace: '地域',
  factPeriod: '期間',
  factHours: '稼働',
  hoursPerMonth: (h: number) => `月${h}時間程度`,
  factPay: '報酬',
  factStyle: '働き方',
  factDeadline: '応募締切',
  factSkills: '求めるスキル',
  closedTitle: 'この募集は締め切りました',
  closedBody: (date: string) =>
    `応募の受付は${date}で終了しました。ほかの募集中の求人もご覧ください。`,
  otherPostings: '募集中の求人を見る',
  checkForm: '入力内容を確認してください',
  required: '必須',
  optional: '任意',
  fieldName: 'お名前',
  fieldContact: '連絡先',
  hintContact:
    'メールアドレスか電話番号。面談の調整に使います。メールアドレスなら、受付と結果をメールでお知らせします。',
  fieldMotivation: '応募の動機',
  hintMotivation: 'この仕様書を読んで感じたこと、関わりたい理由、活かせる経験など。',
  fieldSkills: 'スキル',
  hintSkills: '読点やカンマで区切ってください（例: 編集、SNS運用、データ分析）。',
  fieldLinks: 'リンク',
  hintLinks: 'ポートフォリオやSNSなど。1行に1つ、http:// か https:// で始まるURL。',
  honeypot: 'この欄は空のままにしてください（スパム対策）',
  consentData: '個人情報の取り扱いに同意します',
  consentDataNote: (org: string) =>
    `入力いただいた内容は、この募集の選考と連絡のためだけに、${org}と運営事務局が使います。応募後に届く確認用ページから、いつでも削除できます。`,
  retentionNote: (months: number) =>
    `採用や人材プールへの登録に至らなかった場合、入力内容は募集の締切から${months}か月後に自動で削除します。`,
  consentPool: '人材プールへの登録を希望します',
  consentPoolNote:
    '選考の結果にかかわらず、今後ほかの地域を含むプログラムの運営者から、関われそうなプロジェクトの案内が届くことがあります。',
  submit: 'この内容で応募する',
  alreadyApplied:
    'この連絡先からの応募はすでに受け付けています。応募のときに表示された確認用リンク（応募受付のメールにも記載）から状況をご確認ください。',
  tooMany: '短い時間に多くの応募がありました。しばらく待ってから、もう一度送信してください。',
  /** Per field, for the English page; Japanese pages say each problem (formProblems). */
  fieldProblems: null as Readonly<Record<string, string>> | null,
  /** Each problem the application form can have, in words. */
  formProblems: {
    name_missing: 'お名前を入力してください',
    name_too_long: 'お名前は60文字以内で入力してください',
    contact_missing: '連絡先を入力してください',
    contact_too_long: '連絡先は200文字以内で入力してください',
    contact_invalid: 'メールアドレスか電話番号を入力してください',
    motivation_too_short: '応募の動機を10文字以上で書いてください',
    motivation_too_long: '応募の動機は4000文字以内で書いてください',
    skills_too_long: 'スキルは600文字以内で入力してください',
    skill_too_long: 'スキルは1つ30文字以内で入力してください',
    skills_too_many: 'スキルは20個までです',
    links_too_long: 'リンクは2000文字以内で入力してください',
    link_too_long: 'リンクが長すぎます',
    link_invalid: 'リンクは http:// か https:// で始まるURLを1行に1つ入力してください',
    links_too_many: 'リンクは5つまでです',
    consent_missing: '個人情報の取り扱いへの同意が必要です',
    honeypot_filled: 'この欄は空のままにしてください',
  } as Readonly<Record<ApplicationFormProblem, string>> | null,
}

export type PublicText = typeof ja

const en: PublicText = {
  htmlLang: 'en',
  siteName: 'Specboard Jobs',
  brandSuffix: 'Jobs',
  feed: 'Feed',
  feedTitle: 'Open postings',
  switchTo: '日本語',
  switchLang: 'ja',
  footer:
    'Local problems written up as spec sheets, looking for people to take them on as a side job or pro bono.',
  notFoundTitle: 'Page not found',
  notFound: 'We could not find this page. The posting may have ended, or the address may be wrong.',
  toList: 'All postings',
  backToList: '← All postings',
  listTitle: 'Side jobs and pro bono work',
  listDescription:
    'Local businesses and offices describe their problems as spec sheets and look for people from outside the region. Many can be done remotely.',
  listLead:
    'Local businesses and municipalities wrote up what they want to tackle, and are looking for people to work on it with them.',
  keyword: 'Keyword',
  keywordPlaceholder: 'e.g. PR, wine, remote',
  region: 'Region',
  any: 'Any',
  workStyle: 'Way of working',
  search: 'Search',
  showClosed: 'Also show closed postings',
  count: (n: number) => `${n} ${n === 1 ? 'posting' : 'postings'}`,
  clear: 'clear filters',
  noMatch: 'No posting matches these filters.',
  open: 'Open',
  closed: 'Closed',
  demo: 'Demo',
  deadlineShort: (date: string) => `Apply by ${date}`,
  story: 'Spec sheet',
  demoNoticeTitle: 'This is a demo posting',
  demoNotice: 'A made-up posting for trying Specboard. Applications are not reviewed.',
  leftUntilDeadline: (left: string) => ` · ${left} left`,
  published: (date: string, version: number) =>
    `Published ${date}${version > 1 ? ` (version ${version})` : ''}`,
  apply: 'Apply',
  factPlace: 'Region',
  factPeriod: 'Period',
  factHours: 'Time',
  hoursPerMonth: (h: number) => `About ${h} hours a month`,
  factPay: 'Pay',
  factStyle: 'Way of working',
  factDeadline: 'Apply by',
  factSkills: 'Skills wanted',
  closedTitle: 'This posting is closed',
  closedBody: (date: string) =>
    `Applications closed on ${date}. Have a look at the postings that are still open.`,
  otherPostings: 'See open postings',
  checkForm: 'Please check what you entered',
  required: 'required',
  optional: 'optional',
  fieldName: 'Name',
  fieldContact: 'Contact',
  hintContact:
    'An email address or a phone number, to arrange the interview. With an email address you hear by mail when we receive it and about the result.',
  fieldMotivation: 'Why you want to join',
  hintMotivation:
    'What you felt reading this sheet, why you want to be part of it, what experience you bring.',
  fieldSkills: 'Skills',
  hintSkills: 'Separate them with commas (e.g. editing, social media, data analysis).',
  fieldLinks: 'Links',
  hintLinks: 'Portfolio, social media… One per line, starting with http:// or https://.',
  honeypot: 'Leave this field empty (spam protection)',
  consentData: 'I agree to how my personal data is handled',
  consentDataNote: (org: string) =>
    `What you enter is used only by ${org} and the program office, for this selection and to contact you. You can delete it at any time from the status page you get after applying.`,
  retentionNote: (months: number) =>
    ` If you are neither placed nor kept in the talent pool, what you entered is deleted automatically ${months === 1 ? 'one month' : `${months} months`} after the posting closes.`,
  consentPool: 'Keep me in the talent pool',
  consentPoolNote:
    'Whatever the result, coordinators of programs (also in other regions) may tell you about projects you could join.',
  submit: 'Send my application',
  alreadyApplied:
    'We already have an application from this contact. Please use the status link shown when you applied (it is also in the confirmation mail).',
  tooMany: 'Many applications came in a short time. Please wait a little and send again.',
  fieldProblems: {
    name: 'Enter your name (at most 60 characters).',
    contact: 'Enter an email address or a phone number.',
    motivation: 'Tell us in at least 10 characters (at most 4000) why you want to join.',
    skills: 'At most 20 skills, each at most 30 characters.',
    links: 'At most 5 links, one per line, each starting with http:// or https://.',
    consent_data: 'Please agree to how your personal data is handled.',
    website: 'Leave this field empty.',
  },
  formProblems: null,
}

const TEXTS: Record<PublicLang, PublicText> = { ja, en }

export function textOf(lang: PublicLang): PublicText {
  return TEXTS[lang]
}

/** Work styles as the English pages say them (Japanese: WORK_STYLE_NAMES_JA in shared/src/names.ts). */
export const WORK_STYLE_EN: Record<WorkStyle, string> = {
  remote: 'Fully remote',
  hybrid: 'Mostly remote, some visits',
  onsite: 'On site',
}

export const STAGE_EN: Record<ApplicationStage, string> = {
  applied: 'Received',
  interview_scheduled: 'Interview booked',
  interviewed: 'Interviewed',
  placed: 'Placed',
  pool: 'Talent pool',
  declined: 'Not selected',
  withdrawn: 'Withdrawn',
}
