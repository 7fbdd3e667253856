/**
 * 15-minute interviews, booked on slots cut from the coordinator's availability windows, and the
 * program's agenda.
 */
import { z } from 'zod'
import { IsoDateTime } from './fields.ts'

/** Length of one interview slot, in minutes. */
export const INTERVIEW_MINUTES = 15

/** Longest availability window, in hours (a window is one sitting of interviews). */
export const MAX_WINDOW_HOURS = 12

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
