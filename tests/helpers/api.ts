/**
 * Tiny typed calls to a running server's JSON API. Responses are parsed with the shared zod schemas,
 * so a shape that drifts from `shared/src/api.ts` fails the test that made the call.
 */
import type { z } from 'zod'
import {
  AcceptInviteResponse,
  CreatedId,
  CreateInviteResponse,
  CreateTeamResponse,
  Me,
  type TeamRole,
} from '@specboard/shared'

/** Where the API is and who calls it by default (the operations token). */
export interface ApiTarget {
  readonly url: string
  readonly adminToken: string
}

export interface RequestOptions {
  /** Bearer token; defaults to the admin token, `null` sends none. */
  readonly token?: string | null
  readonly body?: unknown
}

/** A raw call: the status and the parsed JSON body (undefined when there is none). */
export async function apiRequest(
  target: ApiTarget,
  method: string,
  path: string,
  { token = target.adminToken, body }: RequestOptions = {}
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = {}
  if (token !== null) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(target.url + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {
    parsed = text
  }
  return { status: response.status, body: parsed, headers: response.headers }
}

async function expectOk<S extends z.ZodType>(
  target: ApiTarget,
  method: string,
  path: string,
  status: number,
  schema: S,
  options?: RequestOptions
): Promise<z.output<S>> {
  const response = await apiRequest(target, method, path, options)
  if (response.status !== status) {
    throw new Error(
      `${method} ${path}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`
    )
  }
  return schema.parse(response.body)
}

export function createProgram(
  target: ApiTarget,
  name = 'Test program',
  region = 'Testshire',
  token?: string
) {
  return expectOk(target, 'POST', '/api/programs', 201, CreatedId, {
    token,
    body: { name, region },
  }).then((r) => r.id)
}

export function createTeam(target: ApiTarget, programId: string, name = 'Team', token?: string) {
  return expectOk(target, 'POST', `/api/programs/${programId}/teams`, 201, CreateTeamResponse, {
    token,
    body: { name },
  })
}

export function createInvite(target: ApiTarget, teamId: string, role: TeamRole, token?: string) {
  return expectOk(target, 'POST', `/api/teams/${teamId}/invites`, 201, CreateInviteResponse, {
    token,
    body: { role },
  })
}

/** Accepts an invite as a new person (or, with `token`, as the person signed in with it). */
export function acceptInvite(
  target: ApiTarget,
  inviteToken: string,
  name: string,
  token: string | null = null,
  email = uniqueEmail()
) {
  return expectOk(target, 'POST', `/api/invites/${inviteToken}/accept`, 200, AcceptInviteResponse, {
    token,
    body: { name, email },
  })
}

/** An address nobody else in the test has used. */
export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}@test.example.jp`
}

export function getMe(target: ApiTarget, token: string) {
  return expectOk(target, 'GET', '/api/me', 200, Me, { token })
}

/** Creates an invite for `role` and accepts it as a new person named `name`; returns their access token. */
export async function joinTeam(
  target: ApiTarget,
  teamId: string,
  role: TeamRole,
  name: string
): Promise<string> {
  const invite = await createInvite(target, teamId, role)
  return (await acceptInvite(target, invite.token, name)).accessToken
}
