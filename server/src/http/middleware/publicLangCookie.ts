/**
 * Which language a public page is shown in: the switch in the header sets `?lang=en`, remembered in a
 * cookie so forms and redirects keep it.
 */
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { PublicLang } from '../../publishing/pages/publicLang.ts'

const COOKIE = 'sb_public_lang'

/** The language for this request; a `?lang=` choice is remembered for the next pages. */
export function publicLangOf(c: Context): PublicLang {
  const asked = c.req.query('lang')
  // Pages differ by the cookie: shared caches must keep the languages apart.
  c.header('vary', 'Cookie', { append: true })
  if (asked === 'en' || asked === 'ja') {
    setCookie(c, COOKIE, asked, { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600 })
    return asked
  }
  return getCookie(c, COOKIE) === 'en' ? 'en' : 'ja'
}
