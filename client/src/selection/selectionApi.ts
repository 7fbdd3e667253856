/**
 * The coordinator's publishing and selection calls, through the one API wrapper and the shared schemas.
 * The public pages (/postings, /applications/<token>) are server-rendered and never called from here.
 */
import type { z } from 'zod'
import {
  Agenda,
  type AgendaItem as AgendaItemSchema,
  Application,
  InterviewWindow,
  Interview,
  InvitePoolEntryResponse,
  PoolEntry,
  PoolList,
  ProgramFigures,
  Pipeline,
  PostingDetail,
  MailProblems,
  PostingList,
  TeamPosting,
  WindowList,
  type CreateWindowRequest,
  type InvitePoolEntryRequest,
  type ManagedStage,
  type PublishPostingRequest,
} from '@specboard/shared'
import { apiRequest, apiSend } from '../api.ts'

const enc = encodeURIComponent
const team = (teamId: string) => `/api/teams/${enc(teamId)}/posting`
const program = (programId: string) => `/api/programs/${enc(programId)}`

export const selectionApi = {
  teamPosting: (teamId: string, signal?: AbortSignal) =>
    apiRequest(team(teamId), TeamPosting, { signal }),

  publish: (teamId: string, body: PublishPostingRequest) =>
    apiRequest(team(teamId), PostingDetail, { method: 'POST', body }),

  unpublish: (teamId: string) =>
    apiRequest(`${team(teamId)}/unpublish`, PostingDetail, { method: 'POST' }),

  mailProblems: (programId: string, signal?: AbortSignal) =>
    apiRequest(`${program(programId)}/mail-problems`, MailProblems, { signal }),

  dismissMailProblem: (programId: string, failureId: string) =>
    apiSend(`${program(programId)}/mail-problems/${enc(failureId)}`, { method: 'DELETE' }),

  programPostings: (programId: string, signal?: AbortSignal) =>
    apiRequest(`${program(programId)}/postings`, PostingList, { signal }),

  pipeline: (postingId: string, signal?: AbortSignal) =>
    apiRequest(`/api/postings/${enc(postingId)}/applications`, Pipeline, { signal }),

  updateApplication: (
    applicationId: string,
    body: { stage?: ManagedStage; note?: string; rating?: number | null }
  ) =>
    apiRequest(`/api/applications/${enc(applicationId)}`, Application, { method: 'PATCH', body }),

  book: (applicationId: string, slotId: string) =>
    apiRequest(`/api/applications/${enc(applicationId)}/interview`, Interview, {
      method: 'POST',
      body: { slotId },
    }),

  moveInterview: (interviewId: string, slotId: string) =>
    apiRequest(`/api/interviews/${enc(interviewId)}/move`, Interview, {
      method: 'POST',
      body: { slotId },
    }),

  cancelInterview: (interviewId: string, reason: string) =>
    apiRequest(`/api/interviews/${enc(interviewId)}/cancel`, Interview, {
      method: 'POST',
      body: reason.trim() ? { reason: reason.trim() } : {},
    }),

  windows: (programId: string, signal?: AbortSignal) =>
    apiRequest(`${program(programId)}/interview-windows`, WindowList, { signal }).then(
      (r) => r.windows
    ),

  createWindow: (programId: string, body: CreateWindowRequest) =>
    apiRequest(`${program(programId)}/interview-windows`, InterviewWindow, {
      method: 'POST',
      body,
    }),

  deleteWindow: (programId: string, windowId: string) =>
    apiSend(`${program(programId)}/interview-windows/${enc(windowId)}`, { method: 'DELETE' }),

  agenda: (programId: string, signal?: AbortSignal) =>
    apiRequest(`${program(programId)}/interviews`, Agenda, { signal }).then((r) => r.interviews),

  figures: (programId: string, signal?: AbortSignal) =>
    apiRequest(`${program(programId)}/figures`, ProgramFigures, { signal }),

  pool: (query: PoolFilter, signal?: AbortSignal) =>
    apiRequest(`/api/pool${poolQuery(query)}`, PoolList, { signal }),

  updatePoolEntry: (entryId: string, body: { tags?: string[]; note?: string }) =>
    apiRequest(`/api/pool/${enc(entryId)}`, PoolEntry, { method: 'PATCH', body }),

  deletePoolEntry: (entryId: string) => apiSend(`/api/pool/${enc(entryId)}`, { method: 'DELETE' }),

  invitePoolEntry: (entryId: string, body: InvitePoolEntryRequest) =>
    apiRequest(`/api/pool/${enc(entryId)}/invite`, InvitePoolEntryResponse, {
      method: 'POST',
      body,
    }),
}

/** The talent pool's search: free text, one tag, one program touched. */
export interface PoolFilter {
  q?: string
  tag?: string
  programId?: string
}

/** `?q=…&tag=…` with the empty parts left out ('' when nothing is set). */
export function poolQuery(filter: PoolFilter): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filter))
    if (value?.trim()) params.set(key, value.trim())
  const query = params.toString()
  return query ? `?${query}` : ''
}

/** Downloads and calendar files: plain links, the cookie authenticates them. */
export const selectionLinks = {
  postingCsv: (postingId: string) => `/api/postings/${enc(postingId)}/applications.csv`,
  programCsv: (programId: string) => `${program(programId)}/applications.csv`,
  interviewIcs: (interviewId: string) => `/api/interviews/${enc(interviewId)}/interview.ics`,
  poolCsv: (filter: PoolFilter) => `/api/pool.csv${poolQuery(filter)}`,
  publicList: '/postings',
  publicFeed: '/postings.atom',
}

/** An invite link made for a pool person. */
export type PoolInvite = z.infer<typeof InvitePoolEntryResponse>

/** An interview in the program's agenda, with who and for which posting. */
export type AgendaItem = z.infer<typeof AgendaItemSchema>
