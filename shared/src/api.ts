/**
 * Request and response shapes of the JSON API under `/api`. Both the server (validation, OpenAPI) and the
 * client (typed calls) use these; nothing is declared twice.
 */
import { z } from 'zod'
import { ROLES, TEAM_ROLES } from './roles.ts'
import { DOCUMENT_KINDS } from './documents.ts'
import { SheetTemplate } from './template.ts'
import { EmailAddress, MailLanguage } from './accounts.ts'
import { RetentionMonths } from './retention.ts'

const trimmed = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)

/** Display names people choose for themselves. */
export const PersonName = trimmed(60)

/** Error bodies: `{ error: { code, message } }`. */
export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) })
export type ApiError = z.infer<typeof ApiError>

export const Health = z.object({
  ok: z.literal(true),
  /** Mail waiting for (re)delivery and mail given up on since the start: a failing mail server shows here. */
  mail: z.object({ pending: z.number(), failed: z.number() }),
})

/** What a program sets a year's target for, in the order the figures page compares them. */
export const TARGET_KEYS = [
  'participants',
  'applicants',
  'interviews',
  'placements',
  'talentPool',
] as const
export type TargetKey = (typeof TARGET_KEYS)[number]

export const ProgramTargets = z
  .object({
    participants: z.number().int().min(0).max(100000),
    applicants: z.number().int().min(0).max(100000),
    /** Interviews held (the figure `interviews`), however they were scheduled. */
    interviews: z.number().int().min(0).max(100000),
    placements: z.number().int().min(0).max(100000),
    talentPool: z.number().int().min(0).max(100000),
  })
  .partial()
export type ProgramTargets = z.infer<typeof ProgramTargets>

export const CreateProgramRequest = z.object({
  name: trimmed(120),
  region: trimmed(120),
  targets: ProgramTargets.optional(),
  template: SheetTemplate.optional(),
})
export type CreateProgramRequest = z.infer<typeof CreateProgramRequest>

/**
 * PATCH /api/programs/:programId — any of the fields. A new template must keep every section key of the
 * old one (retire a section instead of removing it), so no sheet loses text.
 */
export const UpdateProgramRequest = z
  .object({
    name: trimmed(120),
    region: trimmed(120),
    targets: ProgramTargets,
    template: SheetTemplate,
    /** Months after a posting closes until unplaced, unpooled applicants' personal data is erased. */
    retentionMonths: RetentionMonths,
  })
  .partial()
  .refine(
    (p) => Object.keys(p).length > 0,
    'send at least one of name, region, targets, template, retentionMonths'
  )
export type UpdateProgramRequest = z.infer<typeof UpdateProgramRequest>

export const CreatedId = z.object({ id: z.string() })

export const DocumentNames = z.object(
  Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, z.string()])) as Record<
    (typeof DOCUMENT_KINDS)[number],
    z.ZodString
  >
)
export type DocumentNames = z.infer<typeof DocumentNames>

export const RoleSchema = z.enum(ROLES)
export const TeamRoleSchema = z.enum(TEAM_ROLES)

export const ActivePerson = z.object({ personId: z.string(), name: z.string(), role: RoleSchema })
export type ActivePerson = z.infer<typeof ActivePerson>

export const CompletenessSchema = z.object({
  total: z.number(),
  written: z.number(),
  ready: z.number(),
  done: z.number(),
  percent: z.number(),
})

export const TeamSummary = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.string().nullable(),
  documents: DocumentNames,
  memberCount: z.number(),
  completeness: CompletenessSchema,
  activeNow: z.array(ActivePerson),
})
export type TeamSummary = z.infer<typeof TeamSummary>

export const Program = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  targets: ProgramTargets,
  template: SheetTemplate,
  /** Months after a posting closes until unplaced, unpooled applicants' personal data is erased. */
  retentionMonths: RetentionMonths,
  createdAt: z.string(),
  myRole: RoleSchema.nullable(),
  teams: z.array(TeamSummary),
})
export type Program = z.infer<typeof Program>

export const ProgramListItem = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  teamCount: z.number(),
  myRole: RoleSchema.nullable(),
})
export const ProgramList = z.object({ programs: z.array(ProgramListItem) })
export type ProgramList = z.infer<typeof ProgramList>

export const CreateTeamRequest = z.object({
  name: trimmed(120),
  organization: trimmed(120).optional(),
})
export type CreateTeamRequest = z.infer<typeof CreateTeamRequest>

export const CreateTeamResponse = z.object({ id: z.string(), documents: DocumentNames })

export const TeamMember = z.object({
  memberId: z.string(),
  personId: z.string(),
  name: z.string(),
  role: RoleSchema,
})
export type TeamMember = z.infer<typeof TeamMember>

export const Team = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.string().nullable(),
  programId: z.string(),
  programName: z.string(),
  region: z.string(),
  template: SheetTemplate,
  documents: DocumentNames,
  myRole: RoleSchema,
  members: z.array(TeamMember),
})
export type Team = z.infer<typeof Team>

export const CreateInviteRequest = z.object({
  role: TeamRoleSchema,
  expiresInDays: z.number().int().min(1).max(90).default(14),
  /** How many people may accept the link: one by default, so a forwarded link does not let others in. */
  maxUses: z.number().int().min(1).max(500).default(1),
})
export type CreateInviteRequest = z.input<typeof CreateInviteRequest>

export const CreateInviteResponse = z.object({
  id: z.string(),
  token: z.string(),
  url: z.string(),
  role: TeamRoleSchema,
  expiresAt: z.string(),
  maxUses: z.number(),
})
export type CreateInviteResponse = z.infer<typeof CreateInviteResponse>

/** `used`: every acceptance the link allows has happened. */
export const InviteStatus = z.enum(['valid', 'expired', 'revoked', 'used'])

export const InviteListItem = z.object({
  id: z.string(),
  role: TeamRoleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedCount: z.number(),
  maxUses: z.number(),
  status: InviteStatus,
})
export type InviteListItem = z.infer<typeof InviteListItem>
export const InviteList = z.object({ invites: z.array(InviteListItem) })

export const InviteInfo = z.object({
  role: TeamRoleSchema,
  teamId: z.string(),
  teamName: z.string(),
  programName: z.string(),
  region: z.string(),
  expiresAt: z.string(),
  status: InviteStatus,
})
export type InviteInfo = z.infer<typeof InviteInfo>

/** Accepting an invite: who you are, and the address you will sign in with on any device. */
export const AcceptInviteRequest = z.object({
  name: PersonName,
  email: EmailAddress,
  lang: MailLanguage.default('ja'),
})
export type AcceptInviteRequest = z.input<typeof AcceptInviteRequest>
export const AcceptInviteResponse = z.object({
  accessToken: z.string(),
  memberId: z.string(),
  role: TeamRoleSchema,
  teamId: z.string(),
  programId: z.string(),
})
export type AcceptInviteResponse = z.infer<typeof AcceptInviteResponse>
/**
 * 202 to accepting an invite with an address that already has an account, by someone not signed in as
 * it: a link went to that address, and opening it joins the team as that same person.
 */
export const AcceptInvitePending = z.object({
  status: z.literal('confirm_by_mail'),
  email: z.string(),
})
export type AcceptInvitePending = z.infer<typeof AcceptInvitePending>

export const SetupRequest = z.object({
  token: z.string().min(1).max(200),
  name: PersonName,
  /** The address the setup account signs in with again later. */
  email: EmailAddress.optional(),
})
export const SetupResponse = z.object({ accessToken: z.string(), personId: z.string() })
export const SetupStatus = z.object({ needed: z.boolean() })

export const Membership = z.object({
  memberId: z.string(),
  role: RoleSchema,
  programId: z.string(),
  programName: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
})
export type Membership = z.infer<typeof Membership>

export const Me = z.object({
  person: z.object({
    id: z.string(),
    name: z.string(),
    isAdmin: z.boolean(),
    /** The address this person signs in with; null for the operations token and older accounts. */
    email: z.string().nullable(),
    /** An address given but not confirmed yet by following the mailed link: it signs nobody in. */
    unconfirmedEmail: z.string().nullable(),
  }),
  memberships: z.array(Membership),
})
export type Me = z.infer<typeof Me>

/** A sheet exported as data: the template's sections with their text as Markdown. */
/** What a sheet repair removed: blocks, keyed values, meta and foreign roots the editor cannot show. */
export const RepairSheetResponse = z.object({ removed: z.number().int().min(0) })
export type RepairSheetResponse = z.infer<typeof RepairSheetResponse>

export const SheetExport = z.object({
  team: z.object({ id: z.string(), name: z.string(), organization: z.string().nullable() }),
  program: z.object({ id: z.string(), name: z.string(), region: z.string() }),
  exportedAt: z.string(),
  completeness: CompletenessSchema,
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      status: z.enum(['draft', 'ready', 'done']),
      assignee: z.string().nullable(),
      markdown: z.string(),
      text: z.string(),
    })
  ),
})
export type SheetExport = z.infer<typeof SheetExport>

export const ProgramMember = z.object({
  memberId: z.string(),
  personId: z.string(),
  name: z.string(),
  role: RoleSchema,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
})
export type ProgramMember = z.infer<typeof ProgramMember>
export const ProgramMembers = z.object({ members: z.array(ProgramMember) })
