/**
 * Publishing and selection: postings, applications, 15-minute interviews, the talent pool and a
 * program's figures.
 *
 * A posting is one team's sheet published with its job facts. Each (re)publication is a numbered,
 * immutable version holding a frozen snapshot of the sheet and the HTML rendered from it; the public
 * pages always show the current version. An application moves through stages (applied → interview
 * scheduled → interviewed → placed / pool / declined); interviews are booked on 15-minute slots cut from
 * the coordinator's availability windows. Times on the wire are ISO 8601 strings (UTC when the server
 * writes them); public pages display them in Asia/Tokyo.
 */
import { z } from 'zod'
import { CreateInviteResponse, ProgramTargets, TeamRoleSchema } from './api.ts'

/** Length of one interview slot, in minutes. */
export const INTERVIEW_MINUTES = 15

/** Longest availability window, in hours (a window is one sitting of interviews). */
export const MAX_WINDOW_HOURS = 12

/** The time zone the public pages and calendar texts speak in. */
export const DISPLAY_TIME_ZONE = 'Asia/Tokyo'

/** The stages of an application, in pipeline order. `withdrawn` is set only by the applicant. */
export const APPLICATION_STAGES = [
  'applied',
  'interview_scheduled',
  'interviewed',
  'placed',
  'pool',
  'declined',
  'withdrawn',
] as const
export type ApplicationStage = (typeof APPLICATION_STAGES)[number]

/** Stages a coordinator may move an application to. */
export const MANAGED_STAGES = [
  'applied',
  'interview_scheduled',
  'interviewed',
  'placed',
  'pool',
  'declined',
] as const
export type ManagedStage = (typeof MANAGED_STAGES)[number]

/** Stages after which the selection of an application is decided. */
export const FINAL_STAGES: readonly ApplicationStage[] = ['placed', 'pool', 'declined', 'withdrawn']

/** How the work is done: fully remote, remote with some visits, or on site. */
export const WORK_STYLES = ['remote', 'hybrid', 'onsite'] as const
export type WorkStyle = (typeof WORK_STYLES)[number]

/** What the pay amount is per. */
export const PAY_UNITS = ['month', 'hour', 'total'] as const
export type PayUnit = (typeof PAY_UNITS)[number]

/** schema.org JobPosting employmentType values a side job can have. */
export const EMPLOYMENT_TYPES = ['CONTRACTOR', 'PART_TIME'] as const

/**
 * Stages that mean the interview took place: marked held, or decided after it (placed, pool). The
 * figures and the CSV count an interview from these, however it was scheduled.
 */
export const INTERVIEWED_STAGES = [
  'interviewed',
  'placed',
  'pool',
] as const satisfies readonly ApplicationStage[]

/** Where a talent-pool entry came from. */
export const POOL_SOURCES = ['applicant', 'placed', 'pitch_lead'] as const
export type PoolSource = (typeof POOL_SOURCES)[number]

const text = (min: number, max: number) =>
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

const uniqueTags = (max: number) =>
  z
    .array(SkillTag)
    .max(max, `must have at most ${max} tags`)
    .transform((tags) => [...new Set(tags)])

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

/** Applications per stage; every stage is present. */
export const StageCounts = z.record(z.enum(APPLICATION_STAGES), z.number().int())
export type StageCounts = z.infer<typeof StageCounts>

/** Every stage at zero: a count object that always has all keys. */
export function emptyStageCounts(): StageCounts {
  return Object.fromEntries(APPLICATION_STAGES.map((s) => [s, 0])) as StageCounts
}

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

// ——— Applications ———

/**
 * The public application form, as `application/x-www-form-urlencoded` fields. Messages are Japanese: they
 * are shown on the public page. `website` is the honeypot and must stay empty.
 */
export const ApplicationForm = z.object({
  name: z
    .string({ message: 'お名前を入力してください' })
    .trim()
    .min(1, 'お名前を入力してください')
    .max(60, 'お名前は60文字以内で入力してください'),
  contact: z
    .string({ message: '連絡先を入力してください' })
    .trim()
    .min(1, '連絡先を入力してください')
    .max(200, '連絡先は200文字以内で入力してください')
    .refine(isContact, 'メールアドレスか電話番号を入力してください'),
  motivation: z
    .string({ message: '応募の動機を10文字以上で書いてください' })
    .trim()
    .min(10, '応募の動機を10文字以上で書いてください')
    .max(4000, '応募の動機は4000文字以内で書いてください'),
  // Optional fields may be left out of the body altogether (non-browser clients): absent means empty.
  skills: z
    .string()
    .max(600, 'スキルは600文字以内で入力してください')
    .default('')
    .transform(splitTags)
    .pipe(
      z
        .array(z.string().max(30, 'スキルは1つ30文字以内で入力してください'))
        .max(20, 'スキルは20個までです')
    ),
  links: z
    .string()
    .max(2000, 'リンクは2000文字以内で入力してください')
    .default('')
    .transform((s) => s.split(/\s+/).filter(Boolean))
    .pipe(
      z
        .array(
          z
            .string()
            .max(300, 'リンクが長すぎます')
            .refine(isWebUrl, 'リンクは http:// か https:// で始まるURLを1行に1つ入力してください')
        )
        .max(5, 'リンクは5つまでです')
    ),
  consent_data: z.literal('yes', { message: '個人情報の取り扱いへの同意が必要です' }),
  // Browsers leave an unchecked box out; an empty value means the same.
  consent_pool: z.enum(['yes', '']).optional(),
  website: z.string().max(0, 'この欄は空のままにしてください').optional(),
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

/** An absolute http(s) URL. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

export const InterviewStatus = z.enum(['scheduled', 'cancelled'])

/** An interview as both sides see it. */
export const Interview = z.object({
  id: z.string(),
  applicationId: z.string(),
  slotId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: InterviewStatus,
  cancelledBy: z.enum(['coordinator', 'applicant']).nullable(),
  cancelReason: z.string().nullable(),
  /** When the coordinator moved it: the start it had before. */
  movedFrom: z.string().nullable(),
  /** iCalendar SEQUENCE: grows with every change. */
  sequence: z.number().int(),
})
export type Interview = z.infer<typeof Interview>

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

// ——— Interview slots ———

/** POST /api/programs/:programId/interview-windows — cut into 15-minute slots from `startsAt`. */
export const CreateWindowRequest = z
  .object({
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    /** Only applicants of this posting may book it; null: any posting of the program. */
    postingId: z.string().min(1).max(64).nullable().default(null),
  })
  .superRefine((w, ctx) => {
    const minutes = (Date.parse(w.endsAt) - Date.parse(w.startsAt)) / 60_000
    if (minutes < INTERVIEW_MINUTES)
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: `must be at least ${INTERVIEW_MINUTES} minutes after startsAt`,
      })
    if (minutes > MAX_WINDOW_HOURS * 60)
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: `must be at most ${MAX_WINDOW_HOURS} hours after startsAt`,
      })
  })
export type CreateWindowRequest = z.input<typeof CreateWindowRequest>

export const Slot = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The interview holding it, if any. */
  booking: z
    .object({
      interviewId: z.string(),
      applicationId: z.string(),
      applicantName: z.string(),
      postingTitle: z.string(),
    })
    .nullable(),
})
export type Slot = z.infer<typeof Slot>

export const InterviewWindow = z.object({
  id: z.string(),
  programId: z.string(),
  postingId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  slots: z.array(Slot),
})
export type InterviewWindow = z.infer<typeof InterviewWindow>
export const WindowList = z.object({ windows: z.array(InterviewWindow) })

/** Book (coordinator, for an applicant) or move an interview onto a slot. */
export const SlotChoice = z.object({ slotId: z.string().min(1).max(64) })
export const CancelInterviewRequest = z.object({ reason: z.string().trim().max(200).optional() })

/** An interview in the program's agenda. */
export const AgendaItem = Interview.extend({
  applicantName: z.string(),
  postingId: z.string(),
  postingTitle: z.string(),
  teamName: z.string(),
})
export const Agenda = z.object({ interviews: z.array(AgendaItem) })
export type Agenda = z.infer<typeof Agenda>

// ——— Talent pool ———

export const PoolEntrySource = z.object({
  source: z.enum(POOL_SOURCES),
  programId: z.string().nullable(),
  programName: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  applicationId: z.string().nullable(),
  at: z.string(),
})

export const PoolInvitation = z.object({
  inviteId: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  programId: z.string(),
  programName: z.string(),
  role: TeamRoleSchema,
  createdAt: z.string(),
})

/** A person in the talent pool, with the programs they touched. */
export const PoolEntry = z.object({
  id: z.string(),
  name: z.string(),
  contact: z.string(),
  tags: z.array(z.string()),
  note: z.string(),
  isDemo: z.boolean(),
  sources: z.array(PoolEntrySource),
  programs: z.array(z.object({ id: z.string(), name: z.string() })),
  invitations: z.array(PoolInvitation),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type PoolEntry = z.infer<typeof PoolEntry>
export const PoolList = z.object({ entries: z.array(PoolEntry), total: z.number().int() })
export type PoolList = z.infer<typeof PoolList>

/** GET /api/pool query: free text over name, contact, note and tags; a tag; a program touched. */
export const PoolQuery = z.object({
  q: z.string().max(100).optional(),
  tag: z.string().max(30).optional(),
  programId: z.string().max(64).optional(),
})

export const UpdatePoolEntryRequest = z
  .object({ tags: uniqueTags(30).optional(), note: z.string().max(4000).optional() })
  .refine((b) => b.tags !== undefined || b.note !== undefined, 'send tags or note')

/** POST /api/pool/:entryId/invite — an invite link into a team, to hand to the person. */
export const InvitePoolEntryRequest = z.object({
  teamId: z.string().min(1).max(64),
  role: TeamRoleSchema.default('talent'),
  expiresInDays: z.number().int().min(1).max(90).default(14),
})
export type InvitePoolEntryRequest = z.input<typeof InvitePoolEntryRequest>
export const InvitePoolEntryResponse = z.object({
  entryId: z.string(),
  invite: CreateInviteResponse,
})

// ——— Program figures ———

export const FigureKey = z.enum([
  'members',
  'teams',
  'sheetsComplete',
  'roundsHeld',
  'pitchAudience',
  'joinRequests',
  'postings',
  'applicants',
  'interviews',
  'placements',
  'talentPool',
])
export type FigureKey = z.infer<typeof FigureKey>

/** GET /api/programs/:programId/figures — targets and actuals, with series for charts. */
export const ProgramFigures = z.object({
  programId: z.string(),
  programName: z.string(),
  generatedAt: z.string(),
  targets: ProgramTargets,
  /** null: this server does not record the figure (yet). */
  actuals: z.record(FigureKey, z.number().int().nullable()),
  /** Each target next to its actual; `actual` is what the target is measured against. */
  progress: z.array(
    z.object({
      key: z.enum(['participants', 'applicants', 'placements', 'talentPool']),
      target: z.number().nullable(),
      actual: z.number(),
    })
  ),
  /** Applicants → interviewed → placed, for a funnel chart. */
  funnel: z.array(
    z.object({
      key: z.enum(['applicants', 'interviewed', 'placed', 'pool']),
      count: z.number().int(),
    })
  ),
  stageCounts: StageCounts,
  interviewsScheduled: z.number().int(),
  /** Applications per day (Asia/Tokyo dates), oldest first. */
  applicationsByDay: z.array(z.object({ date: z.string(), count: z.number().int() })),
  perPosting: z.array(
    z.object({
      postingId: z.string(),
      teamId: z.string(),
      teamName: z.string(),
      title: z.string(),
      isOpen: z.boolean(),
      counts: StageCounts,
    })
  ),
  perTeam: z.array(
    z.object({
      teamId: z.string(),
      name: z.string(),
      completeness: z.number(),
      rounds: z.number().int(),
      members: z.number().int(),
    })
  ),
  talentPoolBySource: z.record(z.enum(POOL_SOURCES), z.number().int()),
})
export type ProgramFigures = z.infer<typeof ProgramFigures>

// ——— Mail to applicants ———

/**
 * GET /api/programs/:programId/mail-problems — applicant mail of this program given up on after every
 * retry (since the server started), newest first, so a coordinator can reach those people another way.
 */
export const MailProblems = z.object({
  failures: z.array(
    z.object({
      kind: z.string(),
      to: z.string(),
      subject: z.string(),
      at: z.string(),
      error: z.string(),
    })
  ),
})
export type MailProblems = z.infer<typeof MailProblems>
