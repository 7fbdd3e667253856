/**
 * The mail port. Routes hand a message to `send` and go on: delivery happens later, off the request,
 * with retries. Which transport carries it (SMTP, or `.eml` files in the outbox) is main.ts's choice.
 */

/** One message, already rendered: plain text and HTML of the same content. */
export interface OutgoingMail {
  readonly to: string
  readonly subject: string
  readonly text: string
  readonly html: string
  /** The one link the message is about (sign-in, invite), printed on the console by the outbox. */
  readonly link?: string
  /** What kind of mail this is, for logs and the outbox's file names (e.g. `signin`). */
  readonly kind: string
  /** Files sent along (an interview's `.ics`). */
  readonly attachments?: readonly MailAttachment[]
  /** The program a mail is sent for, so its coordinators see the ones that could not be delivered. */
  readonly programId?: string
}

export interface MailAttachment {
  readonly filename: string
  readonly contentType: string
  readonly content: string
}

/** A message given up on after every retry, as a program's coordinators are shown it. */
export interface MailFailure {
  readonly id: string
  readonly kind: string
  readonly to: string
  readonly subject: string
  readonly at: string
  readonly error: string
}

/** What the queue reports, so a failing mail server is visible (health, logs) instead of silent. */
export interface MailStatus {
  readonly transport: 'smtp' | 'outbox'
  /** Messages waiting for a first try or a retry. */
  readonly pending: number
  readonly sent: number
  /** Messages given up on after every retry (each is also kept under `outbox/failed/`). */
  readonly failed: number
  readonly lastError: string | null
}

export interface Mailer {
  /** Queues `mail` and returns at once; never throws for a delivery problem. */
  send(mail: OutgoingMail): void
  status(): MailStatus
  /** The latest messages for `programId` given up on, newest first (kept across restarts when stored). */
  failuresOf(programId: string): Promise<readonly MailFailure[]>
  /** Takes one of them off the list (the coordinator reached the person another way); false if unknown. */
  dismissFailure(programId: string, id: string): Promise<boolean>
  /** Resolves once nothing is in flight or waiting for a first try (tests, shutdown). */
  idle(): Promise<void>
  /** Stops retrying; spooled mail waits for the next start, anything else is kept under `outbox/failed/`. */
  close(): Promise<void>
}

/** Carries one message; rejects when it could not be handed over. */
export interface MailTransport {
  readonly name: 'smtp' | 'outbox'
  deliver(mail: OutgoingMail): Promise<void>
  close(): void
}
