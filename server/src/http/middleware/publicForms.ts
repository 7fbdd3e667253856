/**
 * What the public pages' plain POST forms share: a body limit, reading the form, an Origin/Referer check
 * (defence in depth — these forms carry no session, and the status forms are bound to a secret in their
 * URL), and the content security policy of every public page.
 */
import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { errorPage, PUBLIC_CSP } from '../../publishing/pages/layout.ts'
import type { AppEnv } from './AppEnv.ts'

const FORM_BYTES = 64 * 1024

export const formLimit = bodyLimit({
  maxSize: FORM_BYTES,
  onError: (c) => c.html(errorPage('送信された内容が大きすぎます。'), 413),
})

/** The public pages' content security policy on `paths`. */
export function withPublicCsp(app: Hono<AppEnv>, paths: readonly string[]): void {
  // Scoped paths, not '*': mounted at the root, a '*' middleware would reach the API and the SPA too.
  for (const path of paths) {
    app.use(path, async (c, next) => {
      await next()
      c.header('content-security-policy', PUBLIC_CSP)
    })
  }
}

/** The form's text fields; null when the body is not a form. Files and repeated fields are ignored. */
export async function formValues(c: Context): Promise<Record<string, string> | null> {
  const type = (c.req.header('content-type') ?? '').toLowerCase()
  if (
    !type.startsWith('application/x-www-form-urlencoded') &&
    !type.startsWith('multipart/form-data')
  )
    return null
  const body = await c.req.parseBody()
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(body))
    if (typeof value === 'string') values[key] = value
  return values
}

/**
 * Whether a POST comes from one of our pages: its Origin (or, without one, its Referer) is the app's.
 * Requests with neither (non-browser clients) pass: the check only stops other sites' pages.
 */
export function isSameOrigin(c: Context<AppEnv>): boolean {
  const claimed = c.req.header('origin') ?? c.req.header('referer')
  return claimed === undefined || c.var.deps.origin.allows(claimed)
}
