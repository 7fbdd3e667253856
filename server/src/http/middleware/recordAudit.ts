import type { Context } from 'hono'
import type { AuditAction } from '@specboard/shared'
import type { AccountStore } from '../../storage/AccountStore.ts'
import type { AppEnv } from './AppEnv.ts'
import { requirePrincipal } from './auth.ts'

/**
 * Records that the caller did `action` to `subject` in a program. Inside a transaction, pass that
 * transaction's `accounts`, so the trail never claims what did not happen.
 */
export async function recordAudit(
  c: Context<AppEnv>,
  programId: string,
  action: AuditAction,
  subject: string,
  detail: Record<string, string> = {},
  accounts: AccountStore = c.var.deps.accounts
): Promise<unknown> {
  const actor = requirePrincipal(c)
  return await accounts.addAudit({
    programId,
    actorId: actor.personId,
    actorName: actor.name,
    action,
    subject,
    detail,
  })
}
