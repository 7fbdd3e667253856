/**
 * Postings: one team's sheet published with its job facts. Each (re)publication is a numbered, immutable
 * version holding a frozen snapshot of the sheet and the HTML rendered from it; the public pages always
 * show the current version. Times on the wire are ISO 8601 strings (UTC when the server writes them);
 * public pages display them in Asia/Tokyo.
 */
import { z } from 'zod'
import { IsoDate, IsoDateTime, text, uniqueTags } from './fields.ts'
import { StageCounts } from './stages.ts'

/** How the work is done: fully remote, remote with some visits, or on site. */
export const WORK_STYLES = ['remote', 'hybrid', 'onsite'] as const
export type WorkStyle = (typeof WORK_STYLES)[number]

/** What the pay amount is per. */
export const PAY_UNITS = ['month', 'hour', 'total'] as const
export type PayUnit = (typeof PAY_UNITS)[number]

/** schema.org JobPosting employmentType values a side job can have. */
export const EMPLOYMENT_TYPES = ['CONTRACTOR', 'PART_TIME'] as const

/** A posting's address: lowercase letters, digits and hyphens. */
export const PostingSlug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$/,
    'must be 3–60 lowercase letters, digits or hyphens, not starting or ending with a hyphen'
  )

/** The job facts a coordinator enters when publishing. */
export const PostingFacts = z
  .object({
    title: text(1, 120),
    /** Prefecture (or wider area), e.g. 長野県. */
    region: text(1, 40),
    /** City, town or village, e.g. 塩尻市. */
    municipality: text(1, 60).nullable().default(null),
    periodStart: IsoDate,
    periodEnd: IsoDate,
    hoursPerMonth: z.number().int().min(1, 'must be at least 1').max(300, 'must be at most 300'),
    pay: z.object({
      /** Yen; 0 is pro bono. */
      amount: z.number().int().min(0).max(10_000_000),
      unit: z.enum(PAY_UNITS),
    }),
    workStyle: z.enum(WORK_STYLES),
    /** Where on-site work happens and how often; required unless fully remote. */
    location: text(1, 120).nullable().default(null),
    skills: uniqueTags(20).default([]),
    /** Applications are accepted until this moment. */
    deadline: IsoDateTime,
    employmentType: z.enum(EMPLOYMENT_TYPES).default('CONTRACTOR'),
  })
  .superRefine((f, ctx) => {
    if (f.periodEnd < f.periodStart)
      ctx.addIssue({
        code: 'custom',
        path: ['periodEnd'],
        message: 'must not be before periodStart',
      })
    if (f.workStyle !== 'remote' && !f.location) {
      ctx.addIssue({
        code: 'custom',
        path: ['location'],
        message: 'is required unless the work is fully remote',
      })
    }
  })
export type PostingFacts = z.output<typeof PostingFacts>
export type PostingFactsInput = z.input<typeof PostingFacts>

/**
 * Publish (or republish) a team's sheet. Freezes the sheet as it is now into a new version. `slug` may be
 * chosen on the first publication only; later it must be absent or equal. The deadline must lie ahead.
 */
export const PublishPostingRequest = z.object({ facts: PostingFacts, slug: PostingSlug.optional() })
export type PublishPostingRequest = z.input<typeof PublishPostingRequest>

export const PostingStatus = z.enum(['published', 'unpublished'])

export const PostingVersionSummary = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  title: z.string(),
  deadline: z.string(),
})
export type PostingVersionSummary = z.infer<typeof PostingVersionSummary>

/** A posting as the coordinator sees it. */
export const PostingDetail = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  programId: z.string(),
  slug: z.string(),
  /** The public page. */
  url: z.string(),
  status: PostingStatus,
  /** Published and before the deadline: takes applications. */
  isOpen: z.boolean(),
  isDemo: z.boolean(),
  version: z.number().int(),
  facts: PostingFacts,
  firstPublishedAt: z.string(),
  updatedAt: z.string(),
  versions: z.array(PostingVersionSummary),
  counts: StageCounts,
})
export type PostingDetail = z.infer<typeof PostingDetail>

/** GET /api/teams/:teamId/posting — the team's posting if any, and facts to prefill a first publication. */
export const TeamPosting = z.object({
  posting: PostingDetail.nullable(),
  defaults: z.object({ title: z.string(), region: z.string() }),
  completeness: z.number(),
})
export type TeamPosting = z.infer<typeof TeamPosting>

export const PostingListItem = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  slug: z.string(),
  url: z.string(),
  status: PostingStatus,
  isOpen: z.boolean(),
  isDemo: z.boolean(),
  title: z.string(),
  deadline: z.string(),
  version: z.number().int(),
  counts: StageCounts,
})
export type PostingListItem = z.infer<typeof PostingListItem>
/** A published posting as anyone may see it: its public page, nothing about applicants. */
export const PublicPostingLink = z.object({
  id: z.string(),
  teamName: z.string(),
  title: z.string(),
  url: z.string(),
  isOpen: z.boolean(),
  deadline: z.string(),
})
export type PublicPostingLink = z.infer<typeof PublicPostingLink>

/**
 * GET /api/programs/:programId/postings — the postings whose selection the caller may follow, and the
 * program's other published postings as public links (a talent sees what is open without applicants).
 */
export const PostingList = z.object({
  postings: z.array(PostingListItem),
  published: z.array(PublicPostingLink),
})
export type PostingList = z.infer<typeof PostingList>
