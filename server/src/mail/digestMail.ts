/**
 * The coordinators' daily digest of one program: applicants who arrived since the last digest and
 * tomorrow's interviews (Japan time), with links to the selection screens and to the setting that turns
 * it off. Only names and posting titles — contact details stay on the screens coordinators sign in to.
 */
import type { OutgoingMail } from './Mailer.ts'
import { type MailLang, renderMail } from './renderMail.ts'

export interface DigestFacts {
  readonly to: string
  readonly programId: string
  readonly programName: string
  readonly newApplicants: readonly { readonly name: string; readonly postingTitle: string }[]
  /** Tomorrow's interviews, soonest first, with their times already written for the reader. */
  readonly interviews: readonly {
    readonly when: string
    readonly applicantName: string
    readonly postingTitle: string
  }[]
  readonly selectionUrl: string
  readonly settingsUrl: string
}

const MAX_LISTED = 30

function listed<T>(items: readonly T[], line: (item: T) => string, more: (n: number) => string) {
  const lines = items.slice(0, MAX_LISTED).map((item) => `・${line(item)}`)
  if (items.length > MAX_LISTED) lines.push(more(items.length - MAX_LISTED))
  return lines.join('\n')
}

export function digestMail(facts: DigestFacts, lang: MailLang = 'ja'): OutgoingMail {
  const isEn = lang === 'en'
  const paragraphs: string[] = [
    isEn ? `Today in ${facts.programName}:` : `${facts.programName} の選考の動きをお知らせします。`,
  ]
  if (facts.newApplicants.length > 0)
    paragraphs.push(
      `${isEn ? `New applicants since the last digest: ${facts.newApplicants.length}` : `前回のお知らせ以降の新しい応募: ${facts.newApplicants.length}件`}\n${listed(
        facts.newApplicants,
        (a) => `${a.name || (isEn ? '(deleted)' : '（削除済み）')} — ${a.postingTitle}`,
        (n) => (isEn ? `…and ${n} more` : `ほか${n}件`)
      )}`
    )
  if (facts.interviews.length > 0)
    paragraphs.push(
      `${isEn ? `Interviews tomorrow: ${facts.interviews.length}` : `明日の面談: ${facts.interviews.length}件`}\n${listed(
        facts.interviews,
        (i) =>
          `${i.when} ${i.applicantName || (isEn ? '(deleted)' : '（削除済み）')} — ${i.postingTitle}`,
        (n) => (isEn ? `…and ${n} more` : `ほか${n}件`)
      )}`
    )
  return {
    ...renderMail({
      kind: 'coordinator-digest',
      to: facts.to,
      subject: isEn
        ? `Daily digest: ${facts.programName}`
        : `【${facts.programName}】選考の毎日のお知らせ`,
      paragraphs,
      action: { label: isEn ? 'Open the selection' : '選考の画面を開く', url: facts.selectionUrl },
      footer: [
        isEn
          ? `You get this as a coordinator of ${facts.programName}. Turn it off in the program settings: ${facts.settingsUrl}`
          : `${facts.programName} のコーディネーターにお送りしています。不要な場合はプログラムの設定で止められます: ${facts.settingsUrl}`,
      ],
    }),
    programId: facts.programId,
  }
}
