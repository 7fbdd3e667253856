/** Finds postings, applications and interviews by id and checks the caller's role on their team. */
import type { Context } from 'hono'
import type { Capability, Role } from '@specboard/shared'
import type { ApplicationRecord, InterviewRecord, PostingRecord } from '../storage/PostingStore.ts'
import type { ProgramRecord, TeamRecord } from '../storage/Storage.ts'
import { HttpError } from '../errors.ts'
import { SelectionError } from '../publishing/selection.ts'
import type { AppEnv } from './AppEnv.ts'
import { teamFor } from './access.ts'

interface TeamAccess {
  readonly team: TeamRecord
  readonly program: ProgramRecord
  readonly role: Role
}

/** The posting and the caller's role on its team; 404 when unknown, 403 without `capability`. */
export function postingFor(
  c: Context<AppEnv>,
  postingId: string,
  capability: Capability
): TeamAccess & { posting: PostingRecord } {
  const posting = c.var.deps.postings.publishing.get(postingId)
  if (!posting) throw new HttpError(404, 'posting_not_found', 'no posting has this id')
  return { posting, ...teamFor(c, posting.teamId, capability) }
}

export function applicationFor(
  c: Context<AppEnv>,
  applicationId: string,
  capability: Capability
): TeamAccess & { application: ApplicationRecord } {
  const application = c.var.deps.postings.applications.get(applicationId)
  if (!application) throw new HttpError(404, 'application_not_found', 'no application has this id')
  return { application, ...teamFor(c, application.teamId, capability) }
}

export function interviewFor(
  c: Context<AppEnv>,
  interviewId: string,
  capability: Capability
): TeamAccess & { interview: InterviewRecord; application: ApplicationRecord } {
  const interview = c.var.deps.postings.interviews.get(interviewId)
  if (!interview) throw new HttpError(404, 'interview_not_found', 'no interview has this id')
  return { interview, ...applicationFor(c, interview.applicationId, capability) }
}

/** Runs a selection rule, answering its expected refusals with 409 (or 404 for an unknown slot). */
export function selecting<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof SelectionError)
      throw new HttpError(error.code === 'slot_not_found' ? 404 : 409, error.code, error.message)
    throw error
  }
}
