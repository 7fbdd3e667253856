/**
 * The join form's checks, in words the audience understands. The server's JoinRequest schema is the
 * rule; contact is also checked for the shape of an email address or a phone number here, so nobody
 * leaves a contact the coordinator cannot use.
 */
import { JoinRequest } from '@specboard/shared'

export interface JoinForm {
  teamId: string
  name: string
  contact: string
  howToHelp: string
  consent: boolean
}

export type JoinField = 'name' | 'contact' | 'howToHelp' | 'consent'

/** What is wrong with a field, as an i18n key under `pitch.join.errors`. */
export type JoinProblem =
  | 'nameMissing'
  | 'nameTooLong'
  | 'contactMissing'
  | 'contactInvalid'
  | 'howToHelpMissing'
  | 'howToHelpTooLong'
  | 'consentMissing'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^\+?[\d\s()-]+$/

/** Every problem of the form, by field; empty when it can be sent. */
export function validateJoin(form: JoinForm): Partial<Record<JoinField, JoinProblem>> {
  const problems: Partial<Record<JoinField, JoinProblem>> = {}
  const name = form.name.trim()
  if (!name) problems.name = 'nameMissing'
  else if (name.length > 60) problems.name = 'nameTooLong'
  const contact = form.contact.trim()
  const digits = contact.replace(/\D/g, '').length
  if (!contact) problems.contact = 'contactMissing'
  else if (
    contact.length > 200 ||
    !(EMAIL.test(contact) || (PHONE.test(contact) && digits >= 8 && digits <= 15))
  ) {
    problems.contact = 'contactInvalid'
  }
  const help = form.howToHelp.trim()
  if (!help) problems.howToHelp = 'howToHelpMissing'
  else if (help.length > 2000) problems.howToHelp = 'howToHelpTooLong'
  if (!form.consent) problems.consent = 'consentMissing'
  return problems
}

/** The request body for a form {@link validateJoin} found nothing wrong with (trimmed by the schema). */
export function joinRequestOf(form: JoinForm): JoinRequest {
  return JoinRequest.parse(form)
}

/** The field a server 400 names ("contact: must be …"), if it is one of the form's. */
export function fieldOfServerError(message: string): JoinField | null {
  const field = message.split(':')[0]?.trim()
  return field === 'name' || field === 'contact' || field === 'howToHelp' || field === 'consent'
    ? field
    : null
}
