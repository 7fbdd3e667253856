/** The talent pool as a CSV for coordinators (Japanese headers, like the other exports). */
import type { PoolEntry } from '@specboard/shared'
import { toCsv } from '../publishing/csv.ts'
import { formatDateTime } from '../publishing/format.ts'

const SOURCE_TEXT = {
  applicant: '応募者',
  placed: '採用者',
  pitch_lead: '発表会の参加希望',
} as const

export function poolCsv(entries: readonly PoolEntry[]): string {
  return toCsv(
    ['氏名', '連絡先', 'タグ', '関わったプログラム', '経緯', 'メモ', '登録日時', 'デモデータ'],
    entries.map((e) => [
      e.name,
      e.contact,
      e.tags.join('、'),
      e.programs.map((p) => p.name).join('、'),
      [...new Set(e.sources.map((s) => SOURCE_TEXT[s.source]))].join('、'),
      e.note,
      formatDateTime(e.createdAt),
      e.isDemo ? 'デモ' : '',
    ])
  )
}
