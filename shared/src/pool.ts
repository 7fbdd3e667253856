/** The talent pool: people who agreed to be contacted again, where they came from, inviting them. */
import { z } from 'zod'
import { CreateInviteResponse, TeamRoleSchema } from './api.ts'
import { uniqueTags } from './fields.ts'

/** Where a talent-pool entry came from. */
export const POOL_SOURCES = ['applicant', 'placed', 'pitch_lead'] as const
export type PoolSource = (typeof POOL_SOURCES)[number]

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
  /** Asked to renew their consent (two years without activity): the entry lapses at this time unless they do. */
  lapsesAt: z.string().nullable(),
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
