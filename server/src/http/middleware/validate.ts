import type { Context, Input, MiddlewareHandler } from 'hono'
import type { AppEnv } from './AppEnv.ts'
import type { z } from 'zod'
import { HttpError } from '../../errors.ts'

/** Names the first problem of a failed parse, e.g. `name: must not be empty`. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid input'
  const path = issue.path.join('.')
  return path ? `${path}: ${issue.message}` : issue.message
}

/** What a route that declares a JSON body of `S` reads: its input as sent (`in`) and as parsed (`out`). */
export type JsonBody<S extends z.ZodType> = {
  in: { json: z.input<S> }
  out: { json: z.output<S> }
}

/** Nothing for a route that declared its body; for one that did not, a property its context lacks. */
type Declared<I extends Input> = I extends { out: { json: unknown } }
  ? unknown
  : { readonly 'declare the body with jsonBody(Schema) on the route': never }

/** The body schema each declaration stands for, so the OpenAPI document reads it from the app's routes. */
const declarations = new WeakMap<object, z.ZodType>()

/**
 * Declares a route's JSON body where the route is registered: `.post(path, jsonBody(Schema), handler)`.
 * It checks nothing by itself: the handler reads the body with `readBody(c)` after its own access checks
 * (a stranger gets 403/404, not a remark on their body), and `readBody` validates with this schema only;
 * a route that declared none cannot call it (a type error). The OpenAPI document finds the same
 * declaration in `app.routes` (`declaredBody`), so the schema the document names is by construction the
 * one the route validates with.
 */
export function jsonBody<S extends z.ZodType, P extends string = string>(
  schema: S
): MiddlewareHandler<AppEnv, P, JsonBody<S>> {
  const declaration: MiddlewareHandler<AppEnv, P, JsonBody<S>> = async (c, next) => {
    c.set('bodySchema', schema)
    await next()
  }
  declarations.set(declaration, schema)
  return declaration
}

/** The body schema a route handler declares, if it is a `jsonBody` declaration. */
export function declaredBody(handler: unknown): z.ZodType | undefined {
  return typeof handler === 'function' ? declarations.get(handler) : undefined
}

/** Reads the JSON body and checks it against the schema the route declared; a bad body is a 400 naming the field. */
export async function readBody<P extends string, I extends Input>(
  c: Context<AppEnv, P, I> & Declared<I>
): Promise<I extends { out: { json: infer J } } ? J : never> {
  const schema = c.get('bodySchema')
  // Unreachable through the types; a clear failure rather than an unchecked body if they are bypassed.
  if (!schema) throw new Error(`${c.req.method} ${c.req.routePath} reads a body it did not declare`)
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
  // The declared schema's output, which `JsonBody<S>` names as the route's `out`.
  return parsed.data as I extends { out: { json: infer J } } ? J : never
}
