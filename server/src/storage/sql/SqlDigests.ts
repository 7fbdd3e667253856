import type { DigestSetting, DigestStore } from '../DigestStore.ts'
import { SqlTable } from './SqlTable.ts'

export class SqlDigests extends SqlTable implements DigestStore {
  async settingOf(programId: string, personId: string): Promise<DigestSetting | undefined> {
    const row = await this.queryRow(
      'SELECT enabled, lang FROM digest_settings WHERE program_id = ? AND person_id = ?',
      programId,
      personId
    )
    return row && { enabled: Number(row.enabled) === 1, lang: row.lang === 'en' ? 'en' : 'ja' }
  }

  async setSetting(programId: string, personId: string, setting: DigestSetting): Promise<void> {
    await this.execute(
      `INSERT INTO digest_settings (program_id, person_id, enabled, lang, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (program_id, person_id) DO UPDATE SET enabled = excluded.enabled, lang = excluded.lang,
           updated_at = excluded.updated_at`,
      programId,
      personId,
      setting.enabled ? 1 : 0,
      setting.lang,
      new Date().toISOString()
    )
  }

  async claimDay(
    programId: string,
    personId: string,
    day: string,
    at: string
  ): Promise<{ readonly since: string | null } | undefined> {
    const claimed = await this.execute(
      `INSERT INTO digest_days (program_id, person_id, day, claimed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (program_id, person_id, day) DO NOTHING`,
      programId,
      personId,
      day,
      at
    )
    if (claimed !== 1) return undefined
    const previous = await this.queryRow(
      `SELECT MAX(claimed_at) AS since FROM digest_days
         WHERE program_id = ? AND person_id = ? AND day < ?`,
      programId,
      personId,
      day
    )
    return { since: (previous?.since as string | null) ?? null }
  }
}
