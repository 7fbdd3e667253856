import type { Context } from 'hono'
import type { AppEnv } from './AppEnv.ts'

/** The public address of this server: PUBLIC_URL when set, else the origin the caller reached. */
export function originOf(c: Context<AppEnv>): string {
  return c.var.deps.publicUrl ?? new URL(c.req.url).origin
}
