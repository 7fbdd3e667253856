/** A program's audit trail as coordinators read it: in the API and as CSV. */
import type { AuditLog } from '@specboard/shared'
import type { AccountStore } from '../storage/AccountStore.ts'
import { toCsv } from '../publishing/csv.ts'

export async function auditLog(accounts: AccountStore, programId: string): Promise<AuditLog> {
  return {
    entries: (await accounts.listAudit(programId)).map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      actor: { personId: e.actorId, name: e.actorName },
      subject: e.subject,
      detail: { ...e.detail },
    })),
  }
}

export function auditCsv({ entries }: AuditLog): string {
  return toCsv(
    ['at', 'action', 'actor', 'subject', 'detail'],
    entries.map((e) => [
      e.at,
      e.action,
      e.actor.name,
      e.subject,
      Object.entries(e.detail)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
    ])
  )
}
