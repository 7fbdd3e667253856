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

/** An email address as people type it: trimmed and lower-cased, so one person has one address. */
export const EmailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address'))
