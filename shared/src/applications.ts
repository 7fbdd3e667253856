/**
 * Applications: the public form, how a person is recognised by their contact, an application in a
 * pipeline as coordinators see it, and applicant mail given up on. An application moves through stages
 * (stages.ts): applied → interview scheduled → interviewed → placed / pool / declined.
 */
import { z } from 'zod'
import { APPLICATION_STAGES, MANAGED_STAGES, StageCounts } from './stages.ts'
import { Interview } from './interviews.ts'
import { isWebUrl } from './fields.ts'

/**
 * What can be wrong with a field of the application form: the form's issue messages are these keys, and
 * the public pages say each in words (server/src/publishing/pages/publicText.ts).
 */
export const APPLICATION_FORM_PROBLEMS = [
  'name_missing',
  'name_too_long',
  'contact_missing',
  'contact_too_long',
  'contact_invalid',
  'motivation_too_short',
  'motivation_too_long',
  'skills_too_long',
  'skill_too_long',
  'skills_too_many',
  'links_too_long',
  'link_too_long',
  'link_invalid',
  'links_too_many',
  'consent_missing',
  'honeypot_filled',
] as const
export type ApplicationFormProblem = (typeof APPLICATION_FORM_PROBLEMS)[number]

/**
 * The public application form, as `application/x-www-form-urlencoded` fields; each issue's message is an
 * ApplicationFormProblem. `website` is the honeypot and must stay empty.
 */
export const ApplicationForm = z.object({
  name: z
    .string({ message: 'name_missing' })
    .trim()
    .min(1, 'name_missing')
    .max(60, 'name_too_long'),
  contact: z
    .string({ message: 'contact_missing' })
    .trim()
    .min(1, 'contact_missing')
    .max(200, 'contact_too_long')
    .refine(isContact, 'contact_invalid'),
  motivation: z
    .string({ message: 'motivation_too_short' })
    .trim()
    .min(10, 'motivation_too_short')
    .max(4000, 'motivation_too_long'),
  // Optional fields may be left out of the body altogether (non-browser clients): absent means empty.
  skills: z
    .string()
    .max(600, 'skills_too_long')
    .default('')
    .transform(splitTags)
    .pipe(z.array(z.string().max(30, 'skill_too_long')).max(20, 'skills_too_many')),
  links: z
    .string()
    .max(2000, 'links_too_long')
    .default('')
    .transform((s) => s.split(/\s+/).filter(Boolean))
    .pipe(
      z
        .array(z.string().max(300, 'link_too_long').refine(isWebUrl, 'link_invalid'))
        .max(5, 'links_too_many')
    ),
  consent_data: z.literal('yes', { message: 'consent_missing' }),
  // Browsers leave an unchecked box out; an empty value means the same.
  consent_pool: z.enum(['yes', '']).optional(),
  website: z.string().max(0, 'honeypot_filled').optional(),
})
export type ApplicationForm = z.output<typeof ApplicationForm>

/**
 * The key one person is recognised by: an email address case-folded, a phone number reduced to its
 * digits (full-width digits folded by NFKC first). The pool merges people by it; a posting refuses a
 * second application with it.
 */
export function contactKey(contact: string): string {
  const folded = contact.normalize('NFKC').trim().toLowerCase()
  if (folded.includes('@')) return folded.replace(/\s+/g, '')
  const digits = folded.replace(/\D/g, '')
  return digits.length >= 8 ? `tel:${digits}` : folded
}

/** Tags typed as one line: split on commas (also Japanese ones), slashes and newlines. */
export function splitTags(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[,，、/／\n]/)
        .map((t) => t.trim())
        .filter(Boolean)
    ),
  ]
}

/** An email address or a phone number (digits with the usual separators). */
export function isContact(value: string): boolean {
  const v = value.trim()
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return true
  return /^\+?[0-9０-９()（）\-‐－ー\s]{8,20}$/.test(v) && v.replace(/[^0-9０-９]/g, '').length >= 8
}

/** An application in a pipeline. Personal fields are empty once the applicant withdrew consent. */
export const Application = z.object({
  id: z.string(),
  postingId: z.string(),
  postingVersion: z.number().int(),
  stage: z.enum(APPLICATION_STAGES),
  name: z.string(),
  contact: z.string(),
  motivation: z.string(),
  skills: z.array(z.string()),
  links: z.array(z.string()),
  consentPool: z.boolean(),
  note: z.string(),
  rating: z.number().int().min(1).max(5).nullable(),
  isDemo: z.boolean(),
  /** The applicant withdrew consent: personal data was deleted. */
  isErased: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  stageChangedAt: z.string(),
  /** The current (or last cancelled) interview. */
  interview: Interview.nullable(),
})
export type Application = z.infer<typeof Application>

/** GET /api/postings/:postingId/applications */
export const Pipeline = z.object({
  posting: z.object({
    id: z.string(),
    title: z.string(),
    slug: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    isOpen: z.boolean(),
  }),
  counts: StageCounts,
  applications: z.array(Application),
  /** Whether the caller may change stages, notes and ratings (the theme owner only reads). */
  canManage: z.boolean(),
})
export type Pipeline = z.infer<typeof Pipeline>

/** PATCH /api/applications/:id — any of stage, note, rating (null clears it). */
export const UpdateApplicationRequest = z
  .object({
    stage: z.enum(MANAGED_STAGES).optional(),
    note: z.string().max(4000, 'must be at most 4000 characters').optional(),
    rating: z.number().int().min(1).max(5).nullable().optional(),
  })
  .refine(
    (b) => b.stage !== undefined || b.note !== undefined || b.rating !== undefined,
    'send stage, note or rating'
  )
export type UpdateApplicationRequest = z.infer<typeof UpdateApplicationRequest>

/**
 * GET /api/programs/:programId/mail-problems — applicant mail of this program given up on after every
 * retry, newest first, so a coordinator can reach those people another way (kept until the applicant is erased).
 */
export const MailProblems = z.object({
  failures: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      to: z.string(),
      subject: z.string(),
      at: z.string(),
      error: z.string(),
    })
  ),
})
export type MailProblems = z.infer<typeof MailProblems>
