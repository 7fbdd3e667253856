import type { MailFailure } from '../../mail/Mailer.ts'
import type { MailFailureStore } from '../MailFailureStore.ts'
import { SqlTable } from './SqlTable.ts'

export class SqlMailFailures extends SqlTable implements MailFailureStore {
  async add(programId: string, failure: MailFailure): Promise<void> {
    await this.insert('mail_failures', {
      id: failure.id,
      program_id: programId,
      kind: failure.kind,
      recipient: failure.to,
      subject: failure.subject,
      at: failure.at,
      error: failure.error,
    })
  }

  async list(programId: string, limit: number): Promise<MailFailure[]> {
    return (
      await this.queryRows(
        'SELECT * FROM mail_failures WHERE program_id = ? ORDER BY at DESC, id DESC LIMIT ?',
        programId,
        limit
      )
    ).map((r) => ({
      id: r.id as string,
      kind: r.kind as string,
      to: r.recipient as string,
      subject: r.subject as string,
      at: r.at as string,
      error: r.error as string,
    }))
  }

  async dismiss(programId: string, id: string): Promise<boolean> {
    const deleted = await this.execute(
      'DELETE FROM mail_failures WHERE program_id = ? AND id = ?',
      programId,
      id
    )
    return deleted > 0
  }
}
