/** Field schemas the wire types share: trimmed text, dates and times, skill tags, web links. */
import { z } from 'zod'

export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min <= 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)

/** A date and time with its offset, e.g. `2026-11-25T23:59:00+09:00`. */
export const IsoDateTime = z.iso.datetime({
  offset: true,
  message: 'must be a date and time like 2026-11-25T23:59:00+09:00',
})
/** A calendar date, e.g. `2026-11-01`. */
export const IsoDate = z.iso.date({ message: 'must be a date like 2026-11-01' })

/** One skill tag: short, one line. */
export const SkillTag = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(30, 'must be at most 30 characters')
  .regex(/^[^\n\r\t]+$/, 'must be one line')

export const uniqueTags = (max: number) =>
  z
    .array(SkillTag)
    .max(max, `must have at most ${max} tags`)
    .transform((tags) => [...new Set(tags)])

/** An absolute http(s) URL (the URL parser insists on a host for these). */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
