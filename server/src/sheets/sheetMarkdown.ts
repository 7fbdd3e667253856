import type { SheetExport } from '@specboard/shared'

const LABELS = {
  ja: {
    program: 'プログラム',
    owner: 'テーマオーナー',
    empty: '（未記入）',
    status: { draft: '下書き', ready: 'レビュー待ち', done: '完了' },
    assignee: '担当',
  },
  en: {
    program: 'Program',
    owner: 'Theme owner',
    empty: '(not written yet)',
    status: { draft: 'Draft', ready: 'Ready for review', done: 'Done' },
    assignee: 'Assignee',
  },
} as const

/** A whole sheet as one Markdown file: title, facts, then each section under its title. */
export function sheetToMarkdown(sheet: SheetExport, lang: 'ja' | 'en'): string {
  const l = LABELS[lang]
  const lines = [`# ${sheet.team.name}`, '']
  lines.push(`- ${l.program}: ${sheet.program.name}（${sheet.program.region}）`)
  if (sheet.team.organization) lines.push(`- ${l.owner}: ${sheet.team.organization}`)
  for (const s of sheet.sections) {
    const facts = [l.status[s.status], s.assignee ? `${l.assignee}: ${s.assignee}` : null]
      .filter(Boolean)
      .join(' / ')
    lines.push('', `## ${s.title}`, '', `_${facts}_`, '', s.markdown || l.empty)
  }
  return `${lines.join('\n')}\n`
}
