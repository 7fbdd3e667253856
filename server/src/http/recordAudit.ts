import type { Context } from 'hono'
import type { AuditAction } from '@specboard/shared'
import type { AppEnv } from './AppEnv.ts'
import { requirePrincipal } from './middleware/auth.ts'

/**
 * Records that the caller did `action` to `subject` in a program. Call it inside the same transaction as
 * the act when there is one, so the trail never claims what did not happen.
 */
export function recordAudit(
  c: Context<AppEnv>,
  programId: string,
  action: AuditAction,
  subject: string,
  detail: Record<string, string> = {}
): void {
  const actor = requirePrincipal(c)
  c.var.deps.accounts.addAudit({
    programId,
    actorId: actor.personId,
    actorName: actor.name,
    action,
    subject,
    detail,
  })
}
