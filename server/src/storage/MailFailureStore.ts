import type { MailFailure } from '../mail/Mailer.ts'

/** Mail given up on after every retry, per program, for its coordinators (kept across restarts). */
export interface MailFailureStore {
  add(programId: string, failure: MailFailure): Promise<void>
  /** The newest `limit` of the program, newest first. */
  list(programId: string, limit: number): Promise<MailFailure[]>
  /** Deletes one of the program's; false when it has no such failure. */
  dismiss(programId: string, id: string): Promise<boolean>
}
