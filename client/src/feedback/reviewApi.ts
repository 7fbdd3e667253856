/**
 * The review-round and feedback calls, through the one API wrapper. Threads are written only by the
 * server; the board follows them live in the `feedback:` document.
 */
import {
  ProgramMembers,
  ProgramRoundsOpened,
  Round,
  RoundList,
  SheetDiff,
  Thread,
  type CreateThreadRequest,
} from '@specboard/shared'
import { apiRequest, apiSend } from '../api.ts'

const team = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`
const thread = (teamId: string, threadId: string) =>
  `${team(teamId)}/threads/${encodeURIComponent(threadId)}`

/** A reviewer someone may assign to a round. */
export interface ReviewerCandidate {
  readonly personId: string
  readonly name: string
  /** Teams they already review in this program. */
  readonly teams: readonly string[]
}

export const reviewApi = {
  rounds: (teamId: string, signal?: AbortSignal) =>
    apiRequest(`${team(teamId)}/rounds`, RoundList, { signal }).then((r) => r.rounds),

  openRound: (teamId: string, reviewerIds: string[]) =>
    apiRequest(`${team(teamId)}/rounds`, Round, { method: 'POST', body: { reviewerIds } }),

  openProgramRounds: (programId: string, reviewerIds: string[]) =>
    apiRequest(`/api/programs/${encodeURIComponent(programId)}/rounds`, ProgramRoundsOpened, {
      method: 'POST',
      body: { reviewerIds },
    }),

  closeRound: (teamId: string, number: number, note: string) =>
    apiRequest(`${team(teamId)}/rounds/${number}/close`, Round, { method: 'POST', body: { note } }),

  diff: (teamId: string, from: string, to: string, signal?: AbortSignal) =>
    apiRequest(`${team(teamId)}/diff?${new URLSearchParams({ from, to })}`, SheetDiff, { signal }),

  /** People with the reviewer role anywhere in the program, one entry per person. */
  reviewers: async (programId: string, signal?: AbortSignal): Promise<ReviewerCandidate[]> => {
    const { members } = await apiRequest(
      `/api/programs/${encodeURIComponent(programId)}/members`,
      ProgramMembers,
      {
        signal,
      }
    )
    const byPerson = new Map<string, { personId: string; name: string; teams: string[] }>()
    for (const m of members) {
      if (m.role !== 'reviewer') continue
      const entry = byPerson.get(m.personId) ?? { personId: m.personId, name: m.name, teams: [] }
      if (m.teamName) entry.teams.push(m.teamName)
      byPerson.set(m.personId, entry)
    }
    return [...byPerson.values()]
  },

  comment: (teamId: string, body: CreateThreadRequest) =>
    apiRequest(`${team(teamId)}/threads`, Thread, { method: 'POST', body }),

  reply: (teamId: string, threadId: string, body: string) =>
    apiRequest(`${thread(teamId, threadId)}/replies`, Thread, { method: 'POST', body: { body } }),

  setStatus: (teamId: string, threadId: string, action: 'resolve' | 'reopen') =>
    apiRequest(`${thread(teamId, threadId)}/${action}`, Thread, { method: 'POST' }),

  deleteThread: (teamId: string, threadId: string) =>
    apiSend(thread(teamId, threadId), { method: 'DELETE' }),
}
