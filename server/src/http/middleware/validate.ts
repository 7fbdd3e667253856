import type { Context } from 'hono'
import type { z } from 'zod'
import { HttpError } from '../../errors.ts'

/** Names the first problem of a failed parse, e.g. `name: must not be empty`. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid input'
  const path = issue.path.join('.')
  return path ? `${path}: ${issue.message}` : issue.message
}

/** Reads the JSON body and checks it against `schema`; a bad body is a 400 naming the field. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().includes('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json')
  }
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new HttpError(400, 'invalid_body', describeIssues(parsed.error))
  return parsed.data
}
