/**
 * The language of the public pages: Japanese first, English when the applicant picks it
 * (http/middleware/publicLangCookie.ts). Structured data (JSON-LD) and the feed stay in the posting's own
 * language.
 */
export type PublicLang = 'ja' | 'en'
