/** An error that becomes an HTTP response: `{ error: { code, message } }` with `status`. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429 | 500,
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}
