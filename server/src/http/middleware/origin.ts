import type { Context } from 'hono'
import type { AppEnv } from './AppEnv.ts'

/** The public address of this server: PUBLIC_URL when set, else the origin it listens on (not Host). */
export function originOf(c: Context<AppEnv>): string {
  return c.var.deps.origin.url
}
