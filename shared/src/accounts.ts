/**
 * Accounts: signing in by email, sessions per device, coordinators per program, the audit trail.
 * The numbers here are promises made to people (how long a link works, when a device is signed out),
 * so both the server and the screens that explain them read them from one place.
 */
import { z } from 'zod'

/** How long an emailed sign-in link works. */
export const SIGNIN_TOKEN_MINUTES = 15

/** A device is signed out after this many days without use. */
export const SESSION_IDLE_DAYS = 30

/** The languages mail can be written in. */
export const MailLanguage = z.enum(['ja', 'en'])
export type MailLanguage = z.infer<typeof MailLanguage>

/** The longest email address (RFC 5321's path limit less its brackets); also the input's maxLength. */
export const EMAIL_MAX_LENGTH = 254

/** An email address as people type it: trimmed and lower-cased, so one person has one address. */
export const EmailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX_LENGTH, `must be at most ${EMAIL_MAX_LENGTH} characters`)
  .pipe(z.email('must be an email address'))

/** POST /api/auth/email: send a sign-in link to this address (if it has an account). */
export const SignInEmailRequest = z.object({
  email: EmailAddress,
  lang: MailLanguage.default('ja'),
})
export type SignInEmailRequest = z.input<typeof SignInEmailRequest>

/** The one answer to POST /api/auth/email, whether or not the address is known. */
export const SignInEmailAccepted = z.object({ status: z.literal('sent_if_known') })

/** POST /api/auth/signin: exchange the emailed token for a session on this device. */
export const SignInRequest = z.object({ token: z.string().min(1).max(200) })
export const SignInResponse = z.object({
  accessToken: z.string(),
  personId: z.string(),
  /** The team the link also joined (when it confirmed an invite), for the page to open. */
  joinedTeamId: z.string().nullable(),
  /**
   * The link confirmed an address claimed on another device, so the person's other sessions ended
   * (whoever claimed it there was not proven to own it).
   */
  endedOtherSessions: z.boolean(),
})
export type SignInResponse = z.infer<typeof SignInResponse>

/** POST /api/me/email/confirmation: mail the link that confirms the account's unconfirmed address again. */
export const ResendConfirmationRequest = z.object({ lang: MailLanguage.default('ja') })
export const ConfirmationSent = z.object({ status: z.literal('sent'), email: z.string() })

/** One signed-in device. */
export const SessionInfo = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  /** The browser's own description of itself when it signed in (User-Agent), shortened. */
  device: z.string().nullable(),
  /** Whether this is the session of the request that asked. */
  current: z.boolean(),
  expiresAt: z.string(),
})
export type SessionInfo = z.infer<typeof SessionInfo>
export const SessionList = z.object({ sessions: z.array(SessionInfo) })
export type SessionList = z.infer<typeof SessionList>

/** POST /api/programs/:programId/coordinators */
export const AppointCoordinatorRequest = z.object({
  email: EmailAddress,
  lang: MailLanguage.default('ja'),
})
export type AppointCoordinatorRequest = z.input<typeof AppointCoordinatorRequest>

export const Coordinator = z.object({
  memberId: z.string(),
  personId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
})
export type Coordinator = z.infer<typeof Coordinator>
export const CoordinatorList = z.object({ coordinators: z.array(Coordinator) })
export type CoordinatorList = z.infer<typeof CoordinatorList>

/**
 * The acts an office must be able to answer for. Each entry names who did it, when, and to what.
 */
export const AUDIT_ACTIONS = [
  'posting.publish',
  'posting.unpublish',
  'application.stage',
  'member.remove',
  'coordinator.appoint',
  'coordinator.remove',
  'pool.erase',
  'application.erase',
  'program.update',
  /** Personal data of several applicants erased at once (retention period over, or a coordinator). */
  'applications.erase',
  /** Talent-pool entries deleted because the person did not renew their consent when asked. */
  'pool.lapse',
  /** A webhook endpoint registered, changed (URL or events), given a new secret, or removed. */
  'webhook.create',
  'webhook.update',
  'webhook.rotate',
  'webhook.remove',
] as const

/** The actor named on what applicants do themselves (erasing their data, leaving the pool). */
export const SELF_SERVICE_ACTOR = '本人 / the person'

/** The actor named on what the server does by itself (erasure after the retention period). */
export const SYSTEM_ACTOR = 'システム / the system'
export const AuditAction = z.enum(AUDIT_ACTIONS)
export type AuditAction = z.infer<typeof AuditAction>

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: AuditAction,
  actor: z.object({ personId: z.string().nullable(), name: z.string() }),
  /** What it was done to, in words (a person's name, a posting's title). */
  subject: z.string(),
  /** Facts of the act, e.g. `{ from: 'applied', to: 'placed' }`. */
  detail: z.record(z.string(), z.string()),
})
export type AuditEntry = z.infer<typeof AuditEntry>
export const AuditLog = z.object({ entries: z.array(AuditEntry) })
export type AuditLog = z.infer<typeof AuditLog>
