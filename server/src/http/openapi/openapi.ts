import { z } from 'zod'
import * as api from '@specboard/shared/api'
import * as feedback from '@specboard/shared/feedback'
import * as accounts from '@specboard/shared/accounts'
import { declaredBody } from '../middleware/validate.ts'
import { PITCH_OPERATIONS } from './openapiPitch.ts'
import { POSTING_OPERATIONS } from './openapiPostings.ts'
import { WEBHOOK_OPERATIONS } from './openapiWebhooks.ts'

export type Op = {
  summary: string
  response?: z.ZodType
  status?: number
  params?: string[]
  query?: string[]
  /** A response that is not JSON (CSV, iCalendar, HTML). */
  mediaType?: string
  /** Needs no token. */
  isPublic?: boolean
  /** Rate-limited: when the caller's budget is out, 429 with an ApiError body, for this reason. */
  limited?: string
}

const json = (schema: z.ZodType) => ({
  'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
})

/** The API's paths: a description for scripts and integrations, built from the same zod schemas. */
const OPERATIONS: Record<string, Record<string, Op>> = {
  '/api/health': { get: { summary: 'Liveness', response: api.Health } },
  '/api/openapi.json': {
    get: { summary: 'This document (OpenAPI 3.1)', mediaType: 'application/json', isPublic: true },
  },
  '/api/setup/status': {
    get: { summary: 'Whether first-run setup is still open', response: api.SetupStatus },
  },
  '/api/setup': {
    post: {
      summary: 'Create the coordinator with the setup link token',
      response: api.SetupResponse,
      status: 201,
    },
  },
  '/api/me': { get: { summary: 'The signed-in person and their memberships', response: api.Me } },
  '/api/auth/logout': { post: { summary: 'Sign out this device (ends its session)', status: 204 } },
  '/api/auth/logout-everywhere': {
    post: { summary: 'Sign out every device of the signed-in person' },
  },
  '/api/auth/email': {
    post: {
      summary:
        'Mail a one-time sign-in link to the address if it has an account; the same 202 either way (rate-limited per address and client)',
      response: accounts.SignInEmailAccepted,
      status: 202,
      isPublic: true,
    },
  },
  '/api/auth/signin': {
    post: {
      summary:
        'Exchange an emailed sign-in token (single-use, 15 minutes) for a session; returns the access token and sets the cookie. Following the link confirms the address it was mailed to',
      response: accounts.SignInResponse,
      isPublic: true,
    },
  },
  '/api/me/email/confirmation': {
    post: {
      summary:
        "Mail again the link that confirms the signed-in person's unconfirmed address (rate-limited like sign-in mail)",
      response: accounts.ConfirmationSent,
      status: 202,
    },
  },
  '/api/me/sessions': {
    get: { summary: "The signed-in person's devices", response: accounts.SessionList },
  },
  '/api/me/sessions/{sessionId}': {
    delete: { summary: 'Sign out one device', status: 204, params: ['sessionId'] },
  },
  '/api/programs/{programId}/coordinators': {
    get: {
      summary: "A program's coordinators",
      response: accounts.CoordinatorList,
      params: ['programId'],
    },
    post: {
      summary: 'Appoint a coordinator by email (mails them a sign-in link)',
      status: 201,
      params: ['programId'],
    },
  },
  '/api/programs/{programId}/coordinators/{personId}': {
    delete: {
      summary:
        "Remove a coordinator from the program (not its last one); their sockets to the program's documents close at once",
      status: 204,
      params: ['programId', 'personId'],
    },
  },
  '/api/programs/{programId}/audit': {
    get: {
      summary: 'Who did what, when, in the program (coordinators)',
      response: accounts.AuditLog,
      params: ['programId'],
    },
  },
  '/api/programs/{programId}/audit.csv': {
    get: {
      summary: 'The audit trail as CSV',
      params: ['programId'],
      mediaType: 'text/csv',
    },
  },
  '/api/teams/{teamId}/members/{memberId}': {
    delete: {
      summary: 'Remove a member from a team; their open sockets to the team close at once',
      status: 204,
      params: ['teamId', 'memberId'],
    },
  },
  '/api/programs': {
    get: { summary: 'Programs visible to the caller', response: api.ProgramList },
    post: {
      summary: 'Create a program (coordinators)',
      response: api.CreatedId,
      status: 201,
    },
  },
  '/api/programs/{programId}': {
    get: {
      summary: 'A program with its template and teams',
      response: api.Program,
      params: ['programId'],
    },
    patch: {
      summary:
        "Change a program's name, region, targets or sheet template (sections are retired, never removed)",
      params: ['programId'],
    },
  },
  '/api/programs/{programId}/teams': {
    post: {
      summary: 'Create a team',
      response: api.CreateTeamResponse,
      status: 201,
      params: ['programId'],
    },
  },
  '/api/teams/{teamId}': {
    get: {
      summary: 'A team with members and document names',
      response: api.Team,
      params: ['teamId'],
    },
  },
  '/api/teams/{teamId}/sheet.json': {
    get: { summary: 'The sheet as JSON', response: api.SheetExport, params: ['teamId'] },
  },
  '/api/teams/{teamId}/sheet.md': { get: { summary: 'The sheet as Markdown', params: ['teamId'] } },
  '/api/teams/{teamId}/sheet/repair': {
    post: {
      summary: 'Remove from the sheet what the editor cannot show, keeping the rest (coordinators)',
      response: api.RepairSheetResponse,
      params: ['teamId'],
    },
  },
  '/api/teams/{teamId}/invites': {
    get: { summary: 'Invites of a team', response: api.InviteList, params: ['teamId'] },
    post: {
      summary: 'Invite someone into a team in a role',
      response: api.CreateInviteResponse,
      status: 201,
      params: ['teamId'],
    },
  },
  '/api/teams/{teamId}/invites/{inviteId}': {
    delete: { summary: 'Revoke an invite', status: 204, params: ['teamId', 'inviteId'] },
  },
  '/api/programs/{programId}/members': {
    get: {
      summary: 'Members of a program by role',
      response: api.ProgramMembers,
      params: ['programId'],
    },
  },
  '/api/programs/{programId}/rounds': {
    post: {
      summary: 'Open a review round for every team of a program',
      status: 201,
      params: ['programId'],
    },
  },
  '/api/teams/{teamId}/rounds': {
    get: { summary: 'Review rounds of a team', response: feedback.RoundList, params: ['teamId'] },
    post: {
      summary: 'Open the next review round (freezes the sheet)',
      response: feedback.Round,
      status: 201,
      params: ['teamId'],
    },
  },
  '/api/teams/{teamId}/rounds/{number}/close': {
    post: {
      summary: 'Close a round with its summary',
      response: feedback.Round,
      params: ['teamId', 'number'],
    },
  },
  '/api/teams/{teamId}/diff': {
    get: {
      summary: 'What changed between two moments (?from=round:1&to=current)',
      response: feedback.SheetDiff,
      params: ['teamId'],
    },
  },
  '/api/teams/{teamId}/threads': {
    post: {
      summary: 'Comment on a range or a whole section',
      response: feedback.Thread,
      status: 201,
      params: ['teamId'],
    },
  },
  '/api/teams/{teamId}/threads/{threadId}': {
    delete: {
      summary: 'Delete a thread (author or coordinator)',
      status: 204,
      params: ['teamId', 'threadId'],
    },
  },
  '/api/teams/{teamId}/threads/{threadId}/replies': {
    post: {
      summary: 'Reply to a thread',
      response: feedback.Thread,
      status: 201,
      params: ['teamId', 'threadId'],
    },
  },
  '/api/teams/{teamId}/threads/{threadId}/resolve': {
    post: {
      summary: 'Resolve a thread',
      response: feedback.Thread,
      params: ['teamId', 'threadId'],
    },
  },
  '/api/teams/{teamId}/threads/{threadId}/reopen': {
    post: { summary: 'Reopen a thread', response: feedback.Thread, params: ['teamId', 'threadId'] },
  },
  '/api/invites/{token}': {
    get: { summary: 'What an invite is for', response: api.InviteInfo, params: ['token'] },
  },
  '/api/invites/{token}/accept': {
    post: {
      summary:
        'Accept an invite with name and email; returns an access token and sets the cookie, or 202 when the address has an account (a confirming link is mailed)',
      response: api.AcceptInviteResponse,
      params: ['token'],
    },
  },
}

/** A route as Hono lists it in `app.routes`: each of its handlers, the body declaration among them. */
export interface RegisteredRoute {
  readonly method: string
  readonly path: string
  readonly handler: unknown
}

/** Hono's `/teams/:teamId{[a-z]+}` as OpenAPI's `/teams/{teamId}`. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')
}

/** `post /api/...` → the body schema that route declares with `jsonBody` (and so validates with). */
function declaredBodies(routes: readonly RegisteredRoute[]): Map<string, z.ZodType> {
  const bodies = new Map<string, z.ZodType>()
  for (const route of routes) {
    const schema = declaredBody(route.handler)
    if (schema) bodies.set(`${route.method.toLowerCase()} ${openApiPath(route.path)}`, schema)
  }
  return bodies
}

function operation(op: Op, body: z.ZodType | undefined) {
  const status = String(op.status ?? 200)
  return {
    summary: op.summary,
    parameters: [
      ...(op.params ?? []).map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...(op.query ?? []).map((name) => ({
        name,
        in: 'query',
        required: false,
        schema: { type: 'string' },
      })),
    ],
    ...(op.isPublic ? { security: [] } : {}),
    ...(body ? { requestBody: { required: true, content: json(body) } } : {}),
    responses: {
      [status]: {
        description: 'OK',
        ...(op.response
          ? { content: json(op.response) }
          : op.mediaType
            ? { content: { [op.mediaType]: {} } }
            : {}),
      },
      ...(op.limited
        ? {
            '429': { description: `Too many requests: ${op.limited}`, content: json(api.ApiError) },
          }
        : {}),
      default: { description: 'Error', content: json(api.ApiError) },
    },
  }
}

/**
 * The OpenAPI 3.1 document served at /api/openapi.json. Request bodies are not in the tables: each is read
 * from the route that declares it (`app.routes`), so it is the schema that route validates with.
 */
export function openApiDocument(routes: readonly RegisteredRoute[]) {
  const bodies = declaredBodies(routes)
  return {
    openapi: '3.1.0',
    info: { title: 'Specboard API', version: '1' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'sb_token' },
      },
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths: Object.fromEntries(
      Object.entries({
        ...OPERATIONS,
        ...PITCH_OPERATIONS,
        ...POSTING_OPERATIONS,
        ...WEBHOOK_OPERATIONS,
      }).map(([path, ops]) => [
        path,
        Object.fromEntries(
          Object.entries(ops).map(([m, op]) => [m, operation(op, bodies.get(`${m} ${path}`))])
        ),
      ])
    ),
  }
}
