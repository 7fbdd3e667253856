/** A program's figures against its targets: what a region reports. */
import { z } from 'zod'
import { ProgramTargets, TARGET_KEYS } from './api.ts'
import { POOL_SOURCES } from './pool.ts'
import { StageCounts } from './stages.ts'

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
      key: z.enum(TARGET_KEYS),
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
