/**
 * An interview as a calendar file, for the applicant (status page and mail) and for the coordinator.
 * One UID per interview and its SEQUENCE from the record, so a moved or cancelled interview updates the
 * event a calendar already has.
 */
import type { ApplicationShown, InterviewShown } from './shown.ts'
import { formatSlot } from './format.ts'
import { buildIcs } from './ical.ts'

function interviewEvent(interview: InterviewShown) {
  return {
    uid: `${interview.id}@specboard`,
    sequence: interview.sequence,
    status: interview.status === 'scheduled' ? ('CONFIRMED' as const) : ('CANCELLED' as const),
    startsAt: interview.startsAt,
    endsAt: interview.endsAt,
    location: 'オンライン',
    stamp: interview.updatedAt,
  }
}

/** The applicant's copy: the posting, who offers it, and their status link. */
export function applicantInterviewIcs(
  interview: InterviewShown,
  facts: { readonly title: string; readonly organization: string; readonly statusUrl: string }
): string {
  return buildIcs({
    ...interviewEvent(interview),
    summary: `面談: ${facts.title}`,
    description: `${formatSlot(interview.startsAt, interview.endsAt)}（15分・オンライン）\n${facts.organization}\n応募状況: ${facts.statusUrl}`,
    url: facts.statusUrl,
  })
}

/** The coordinator's copy: who the applicant is and how to reach them. */
export function coordinatorInterviewIcs(
  interview: InterviewShown,
  application: ApplicationShown,
  facts: { readonly teamName: string; readonly programUrl: string }
): string {
  return buildIcs({
    ...interviewEvent(interview),
    summary: `面談: ${application.name || '（削除済み）'}さん（${facts.teamName}）`,
    description: `${formatSlot(interview.startsAt, interview.endsAt)}\n応募者: ${application.name}\n連絡先: ${application.contact}`,
    url: facts.programUrl,
  })
}
