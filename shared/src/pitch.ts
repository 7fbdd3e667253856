/**
 * Pitch mode: a team's sheet as a live presentation that an audience follows from a share link.
 *
 * Presentation state lives in the team's `stage:` document. The presenter writes the slide (STAGE_MAP
 * `slide`) straight into it, so a slide change travels like any edit. Everything that must be trusted
 * or counted is written by the server: the timer (server clock, so every screen shows the same time),
 * reactions, the number of viewers, and which team of a session is on stage.
 */
import { z } from 'zod'
import { RoleSchema } from './api.ts'

/** The Y.Map of a `stage:` document holding the presentation state. */
export const STAGE_MAP = 'stage'

/** Keys of STAGE_MAP. */
export const STAGE_KEYS = {
  /** number: index of the current slide (presenter-written). */
  slide: 'slide',
  /** StageTimer (server-written). */
  timer: 'timer',
  /** Record<ReactionKind, number> (server-written). */
  reactions: 'reactions',
  /** number: audience sockets on this stage now (server-written). */
  viewers: 'viewers',
  /** StageSession | null: the session this team is presenting in, and who is on stage (server-written). */
  session: 'session',
} as const

export const REACTION_KINDS = ['clap', 'heart', 'fire', 'idea'] as const
export type ReactionKind = (typeof REACTION_KINDS)[number]

/** The countdown: remaining time is `durationMs - (serverNow - startedAt)` while running. */
export const StageTimer = z.object({
  durationMs: z.number().int().min(0),
  /** Server epoch ms when it was (re)started; null while paused or not started. */
  startedAt: z.number().nullable(),
  /** Remaining ms at the last pause (or the full duration before the start). */
  remainingMs: z.number().int(),
})
export type StageTimer = z.infer<typeof StageTimer>

/** Remaining milliseconds of a timer at server time `serverNow` (negative once over time). */
export function remainingMs(timer: StageTimer, serverNow: number): number {
  return timer.startedAt === null
    ? timer.remainingMs
    : timer.remainingMs - (serverNow - timer.startedAt)
}

export const StageSession = z.object({
  sessionId: z.string(),
  currentTeamId: z.string().nullable(),
})
export type StageSession = z.infer<typeof StageSession>

export const PitchKind = z.enum(['intermediate', 'final'])

export const CreatePitchSessionRequest = z.object({
  kind: PitchKind,
  title: z.string().trim().min(1, 'must not be empty').max(120),
  startsAt: z.iso.datetime({
    offset: true,
    message: 'must be a date and time like 2026-12-05T14:00:00+09:00',
  }),
  minutesPerTeam: z.number().int().min(1).max(120),
  teamIds: z.array(z.string().min(1).max(64)).min(1, 'pick at least one team').max(40),
})
export type CreatePitchSessionRequest = z.infer<typeof CreatePitchSessionRequest>

export const PitchSession = z.object({
  id: z.string(),
  programId: z.string(),
  kind: PitchKind,
  title: z.string(),
  startsAt: z.string(),
  minutesPerTeam: z.number(),
  teams: z.array(
    z.object({ id: z.string(), name: z.string(), organization: z.string().nullable() })
  ),
  currentTeamId: z.string().nullable(),
  createdAt: z.string(),
})
export type PitchSession = z.infer<typeof PitchSession>
export const PitchSessionList = z.object({ sessions: z.array(PitchSession) })

export const AdvanceSessionRequest = z.object({ teamId: z.string().min(1).max(64).nullable() })

export const TimerRequest = z.object({
  action: z.enum(['start', 'pause', 'reset']),
  /** For reset: the new duration; defaults to the session's minutes per team, else 5. */
  minutes: z.number().int().min(1).max(120).optional(),
})

export const CreateShareLinkRequest = z.object({
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
})
export type CreateShareLinkRequest = z.input<typeof CreateShareLinkRequest>

export const ShareLink = z.object({
  id: z.string(),
  url: z.string().nullable(),
  token: z.string().nullable(),
  teamId: z.string().nullable(),
  sessionId: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['valid', 'expired', 'revoked']),
})
export type ShareLink = z.infer<typeof ShareLink>
export const ShareLinkList = z.object({ links: z.array(ShareLink) })

/** What an audience link opens, as the audience view needs it. */
export const AudienceInfo = z.object({
  programName: z.string(),
  region: z.string(),
  session: PitchSession.nullable(),
  teams: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      organization: z.string().nullable(),
      documents: z.object({ spec: z.string(), stage: z.string() }),
      /** For the title slide: who is on the team, by role (no contact details). */
      members: z.array(z.object({ name: z.string(), role: RoleSchema })),
    })
  ),
  template: z.object({
    sections: z.array(
      z.object({ key: z.string(), title: z.object({ ja: z.string(), en: z.string() }) })
    ),
  }),
  expiresAt: z.string(),
})
export type AudienceInfo = z.infer<typeof AudienceInfo>

export const ReactionRequest = z.object({
  teamId: z.string().min(1).max(64),
  kind: z.enum(REACTION_KINDS),
  /** Ignored: limits key on the viewer id the server issues (a cookie), not on one the client picks. */
  viewerId: z.string().max(64).optional(),
})

export const JoinRequest = z.object({
  teamId: z.string().min(1).max(64),
  name: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
  contact: z.string().trim().min(3, 'must be an email address or phone number').max(200),
  howToHelp: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(2000, 'must be at most 2000 characters'),
  /** Consent to be contacted, which also puts the person in the talent pool (across programs). */
  consent: z.literal(true, { message: 'must be checked to be contacted' }),
})
export type JoinRequest = z.infer<typeof JoinRequest>

/** The answer to a join request: the link that withdraws consent, given once (null if already in the pool). */
export const JoinResponse = z.object({ ok: z.literal(true), withdrawUrl: z.string().nullable() })

export const Lead = z.object({
  id: z.string(),
  programId: z.string(),
  teamId: z.string(),
  sessionId: z.string().nullable(),
  name: z.string(),
  contact: z.string(),
  howToHelp: z.string(),
  createdAt: z.string(),
})
export type Lead = z.infer<typeof Lead>
export const LeadList = z.object({ leads: z.array(Lead) })

export const ServerTime = z.object({ now: z.number() })
