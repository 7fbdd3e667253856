/**
 * Review rounds (壁打ち) and their feedback threads.
 *
 * Threads live in the team's `feedback:` document, in the Y.Map named FEEDBACK_THREADS_MAP, one plain
 * JSON value per thread id. Only the server writes that document — through the API, which checks who is
 * writing, their role and the round — so every author, role and time shown can be trusted; clients follow
 * it live, read-only.
 */
import { z } from 'zod'
import { RoleSchema } from './api.ts'
import { SectionKey } from './template.ts'

/** The Y.Map of threads inside a `feedback:` document. */
export const FEEDBACK_THREADS_MAP = 'threads'

/** Longest comment or reply, in characters. */
export const MAX_COMMENT_LENGTH = 4000

const CommentBody = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`)

/** A Yjs relative position, encoded with `Y.encodeRelativePosition` and then base64. */
export const EncodedPosition = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9+/]+=*$/, 'must be base64')

/** Where a thread points: a range of a section's text, by Yjs relative positions into `spec:`. */
export const Anchor = z.object({ start: EncodedPosition, end: EncodedPosition })
export type Anchor = z.infer<typeof Anchor>

export const Author = z.object({ personId: z.string(), name: z.string(), role: RoleSchema })
export type Author = z.infer<typeof Author>

export const Reply = z.object({
  id: z.string(),
  author: Author,
  body: z.string(),
  createdAt: z.string(),
})
export type Reply = z.infer<typeof Reply>

export const ThreadStatus = z.enum(['open', 'resolved'])

export const Thread = z.object({
  id: z.string(),
  sectionKey: z.string(),
  /** null: a comment on the whole section. */
  anchor: Anchor.nullable(),
  /** The words the range covered when the thread was opened, shown if they are later deleted. */
  quote: z.string(),
  roundId: z.string().nullable(),
  roundNumber: z.number().nullable(),
  author: Author,
  body: z.string(),
  createdAt: z.string(),
  status: ThreadStatus,
  statusChangedAt: z.string().nullable(),
  statusChangedBy: Author.nullable(),
  replies: z.array(Reply),
})
export type Thread = z.infer<typeof Thread>

export const CreateThreadRequest = z.object({
  sectionKey: SectionKey,
  anchor: Anchor.nullable().default(null),
  quote: z.string().max(1000, 'must be at most 1000 characters').default(''),
  body: CommentBody,
})
export type CreateThreadRequest = z.input<typeof CreateThreadRequest>

export const CreateReplyRequest = z.object({ body: CommentBody })

export const RoundState = z.enum(['open', 'closed'])

/** Per section at a round's close: what happened to its threads and whether its text changed. */
export const RoundSectionSummary = z.object({
  sectionKey: z.string(),
  threadsOpened: z.number(),
  threadsResolved: z.number(),
  threadsStillOpen: z.number(),
  changed: z.boolean(),
})
export type RoundSectionSummary = z.infer<typeof RoundSectionSummary>

export const RoundSummary = z.object({
  note: z.string(),
  sections: z.array(RoundSectionSummary),
  changedSections: z.number(),
})
export type RoundSummary = z.infer<typeof RoundSummary>

export const Round = z.object({
  id: z.string(),
  teamId: z.string(),
  number: z.number(),
  state: RoundState,
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  reviewers: z.array(z.object({ personId: z.string(), name: z.string() })),
  summary: RoundSummary.nullable(),
})
export type Round = z.infer<typeof Round>
export const RoundList = z.object({ rounds: z.array(Round) })

/** The answer to opening a round for every team of a program: teams with an open round are skipped. */
export const ProgramRoundsOpened = z.object({
  rounds: z.array(Round),
  skipped: z.array(z.object({ teamId: z.string(), reason: z.string() })),
})
export type ProgramRoundsOpened = z.infer<typeof ProgramRoundsOpened>

export const OpenRoundRequest = z.object({
  reviewerIds: z.array(z.string().min(1).max(64)).max(50).default([]),
})
export type OpenRoundRequest = z.input<typeof OpenRoundRequest>

export const CloseRoundRequest = z.object({
  note: z
    .string()
    .trim()
    .max(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`)
    .default(''),
})

/** One run of a text diff: kept, inserted or deleted text. */
export const DiffPart = z.object({ kind: z.enum(['same', 'insert', 'delete']), text: z.string() })
export type DiffPart = z.infer<typeof DiffPart>

export const SectionDiff = z.object({
  sectionKey: z.string(),
  changed: z.boolean(),
  parts: z.array(DiffPart),
})
export type SectionDiff = z.infer<typeof SectionDiff>

export const SheetDiff = z.object({
  from: z.string(),
  to: z.string(),
  changedSections: z.number(),
  sections: z.array(SectionDiff),
})
export type SheetDiff = z.infer<typeof SheetDiff>

/** Diff endpoints: `round:<n>` (the draft round n opened on), `round:<n>:close`, or `current`. */
export const DiffPoint = z
  .string()
  .regex(/^(current|round:\d{1,4}(:close)?)$/, 'must be current, round:<n> or round:<n>:close')
