/** Finds postings, applications and interviews by id and checks the caller's role on their team. */
import type { Context } from 'hono'
import type { Capability, Role } from '@specboard/shared'
import type {
  ApplicationRecord,
  InterviewRecord,
  PostingRecord,
} from '../../storage/PostingStore.ts'
import type { ProgramRecord, TeamRecord } from '../../storage/Storage.ts'
import { HttpError } from '../../errors.ts'
import { SelectionError } from '../../selection/selection.ts'
import type { AppEnv } from './AppEnv.ts'
import { teamFor } from './access.ts'

interface TeamAccess {
  readonly team: TeamRecord
  readonly program: ProgramRecord
  readonly role: Role
}

/** The posting and the caller's role on its team; 404 when unknown, 403 without `capability`. */
export async function postingFor(
  c: Context<AppEnv>,
  postingId: string,
  capability: Capability
): Promise<TeamAccess & { posting: PostingRecord }> {
  const posting = await c.var.deps.postings.publishing.get(postingId)
  if (!posting) throw new HttpError(404, 'posting_not_found', 'no posting has this id')
  return { posting, ...(await teamFor(c, posting.teamId, capability)) }
}

export async function applicationFor(
  c: Context<AppEnv>,
  applicationId: string,
  capability: Capability
): Promise<TeamAccess & { application: ApplicationRecord }> {
  const application = await c.var.deps.postings.applications.get(applicationId)
  if (!application) throw new HttpError(404, 'application_not_found', 'no application has this id')
  return { application, ...(await teamFor(c, application.teamId, capability)) }
}

export async function interviewFor(
  c: Context<AppEnv>,
  interviewId: string,
  capability: Capability
): Promise<TeamAccess & { interview: InterviewRecord; application: ApplicationRecord }> {
  const interview = await c.var.deps.postings.interviews.get(interviewId)
  if (!interview) throw new HttpError(404, 'interview_not_found', 'no interview has this id')
  return { interview, ...(await applicationFor(c, interview.applicationId, capability)) }
}

/** Runs a selection rule, answering its expected refusals with 409 (or 404 for an unknown slot). */
export async function selecting<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof SelectionError)
      throw new HttpError(error.code === 'slot_not_found' ? 404 : 409, error.code, error.message)
    throw error
  }
}
