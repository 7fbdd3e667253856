/**
 * Tells applicants by mail what just happened to their application. Called by routes after the change
 * is stored; the mail is only queued (the mailer retries in the background), so a mail problem never
 * fails or slows the request. Applicants whose contact is a phone number, erased applications and demo
 * data get no mail.
 */
import {
  type ApplicantEvent,
  type ApplicantMailFacts,
  applicantMail,
} from '../mail/applicantMail.ts'
import type { Mailer } from '../mail/Mailer.ts'
import type { MailLang } from '../mail/renderMail.ts'
import type { ApplicationRecord, InterviewRecord, PostingStore } from '../storage/PostingStore.ts'
import type { RecordStore } from '../storage/Storage.ts'
import { hashSecret } from '../ids.ts'
import { formatSlot } from '../publishing/format.ts'
import { applicantInterviewIcs } from '../publishing/interviewIcs.ts'
import { statusTokenOf } from './statusToken.ts'

export interface NoticeDeps {
  readonly postings: PostingStore
  readonly records: RecordStore
  readonly mailer: Mailer
  readonly secretKey: Buffer
}

/** Whether a contact is an e-mail address (applicants may give a phone number instead). */
export const isEmailAddress = (contact: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.trim())

async function factsOf(
  deps: NoticeDeps,
  origin: string,
  application: ApplicationRecord
): Promise<ApplicantMailFacts | null> {
  if (application.erasedAt || application.isDemo || !isEmailAddress(application.contact))
    return null
  const posting = await deps.postings.publishing.get(application.postingId)
  const version =
    posting && (await deps.postings.publishing.version(posting.id, posting.currentVersion))
  if (!posting || !version) return null
  const token = statusTokenOf(deps.secretKey, application.id)
  return {
    to: application.contact.trim(),
    name: application.name,
    postingTitle: version.facts.title,
    organization:
      (await deps.records.getTeam(posting.teamId))?.organization ||
      (await deps.records.getProgram(posting.programId))?.name ||
      '',
    programId: application.programId,
    // Applications made before status links were derived from the key keep a link only they know.
    statusUrl:
      (await deps.postings.applications.byStatusTokenHash(hashSecret(token)))?.id === application.id
        ? `${origin}/applications/${token}`
        : null,
  }
}

/**
 * Queues the mail for `event`; does nothing for applicants who get no mail. The language is the one the
 * applicant applied in, unless they act in another one now (their status page in that language).
 */
export async function notifyApplicant(
  deps: NoticeDeps,
  origin: string,
  application: ApplicationRecord,
  event: ApplicantEvent,
  lang: MailLang = application.lang
): Promise<void> {
  const facts = await factsOf(deps, origin, application)
  if (facts) deps.mailer.send(applicantMail(facts, event, lang))
}

/** An interview booked, moved or cancelled, with its calendar file (UID kept, SEQUENCE raised). */
export async function notifyInterview(
  deps: NoticeDeps,
  origin: string,
  interview: InterviewRecord,
  change:
    | { readonly type: 'interview_booked' }
    | { readonly type: 'interview_moved'; readonly before: InterviewRecord }
    | {
        readonly type: 'interview_cancelled'
        readonly byApplicant: boolean
        readonly reason: string | null
      },
  chosenLang?: MailLang
): Promise<void> {
  const application = await deps.postings.applications.get(interview.applicationId)
  if (!application) return
  const lang = chosenLang ?? application.lang
  const facts = await factsOf(deps, origin, application)
  if (!facts) return
  const when = formatSlot(interview.startsAt, interview.endsAt, lang)
  const ics = applicantInterviewIcs(interview, {
    title: facts.postingTitle,
    organization: facts.organization,
    statusUrl: facts.statusUrl ?? `${origin}/postings`,
  })
  const event: ApplicantEvent =
    change.type === 'interview_moved'
      ? {
          type: 'interview_moved',
          when,
          before: formatSlot(change.before.startsAt, change.before.endsAt, lang),
          ics,
        }
      : change.type === 'interview_cancelled'
        ? { ...change, when, ics }
        : { type: 'interview_booked', when, ics }
  deps.mailer.send(applicantMail(facts, event, lang))
}

/** A decision the applicant hears about: placed, pool or declined (other stages send nothing). */
export async function notifyStage(
  deps: NoticeDeps,
  origin: string,
  before: ApplicationRecord,
  after: ApplicationRecord
): Promise<void> {
  if (before.stage === after.stage) return
  if (after.stage === 'placed' || after.stage === 'pool' || after.stage === 'declined')
    await notifyApplicant(deps, origin, after, { type: after.stage })
}
