/**
 * The one way the client calls `/api`: same-origin fetch (the HttpOnly cookie authenticates), bodies
 * checked against the shared zod schemas, failures turned into an {@link ApiRequestError}.
 */
import type { z } from 'zod'
import { ApiError } from '@specboard/shared'

/** What kind of failure a request ended in, so the UI can say it in words. */
export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'network'
  | 'server'
  | 'invalid'
  | 'unknown'

/** A failed API call: HTTP status (0 for network failures), the server's code and message. */
export class ApiRequestError extends Error {
  readonly kind: ApiErrorKind

  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'ApiRequestError'
    this.kind = kindOf(status)
  }
}

function kindOf(status: number): ApiErrorKind {
  if (status === 0) return 'network'
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'notFound'
  if (status === 400 || status === 409 || status === 410 || status === 422) return 'invalid'
  if (status >= 500) return 'server'
  return 'unknown'
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
}

/** Calls the API and parses the JSON response with `schema`. */
export async function apiRequest<T>(
  path: string,
  schema: z.ZodType<T>,
  options: RequestOptions = {}
): Promise<T> {
  const response = await send(path, options)
  const json: unknown = await response.json().catch(() => undefined)
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    throw new ApiRequestError(response.status, 'bad_response', `unexpected response from ${path}`)
  }
  return parsed.data
}

/** Calls the API where the response has no body we need (e.g. 204). */
export async function apiSend(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options)
}

async function send(
  path: string,
  { method = 'GET', body, signal }: RequestOptions
): Promise<Response> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      signal,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error))
  }
  if (!response.ok) throw await errorFrom(response)
  return response
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  const json: unknown = await response.json().catch(() => undefined)
  const parsed = ApiError.safeParse(json)
  if (parsed.success) {
    return new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message)
  }
  return new ApiRequestError(response.status, `http_${response.status}`, response.statusText)
}
