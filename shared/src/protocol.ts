/**
 * The collaboration wire protocol and its limits.
 *
 * The server speaks the standard y-websocket protocol over `/collab/<document>?token=<accessToken>`:
 * every binary frame starts with a varuint message type — 0 sync (step 1, step 2, update), 1 awareness,
 * 3 query awareness. Nothing beyond that is sent, so a stock `WebsocketProvider` works. When the server
 * refuses or drops a connection it closes the socket with one of the codes below, and the reason text
 * names what happened; clients stop reconnecting on the 44xx codes that cannot heal by retrying.
 */

/** y-websocket message types. */
export const MESSAGE_TYPE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const

/** Close codes the server uses (4000–4999 is the application range). */
export const CLOSE_CODE = {
  /** The frame was not a valid y-websocket message or carried an invalid Yjs update. */
  malformedMessage: 4400,
  /** No token, or a token that is unknown or revoked. */
  unauthorized: 4401,
  /** The token is valid but its role may not open this document. */
  forbidden: 4403,
  /** The document name is not `<kind>:<teamId>` or the team does not exist. */
  unknownDocument: 4404,
  /** A frame exceeded the size bound (the standard "message too big" code, sent by ws itself). */
  frameTooLarge: 1009,
  /** The socket stopped reading what the server sends; reconnecting is fine. */
  tooSlow: 4408,
  /** Too many messages in a short time. */
  rateLimited: 4429,
  /**
   * The update breaks the document's schema, or writes what only the server writes. It was neither stored
   * nor shown to anyone; the client must not send it again.
   */
  refusedUpdate: 4422,
  /** The update would make the document larger than its quota; it was neither stored nor shown. */
  documentTooLarge: 4413,
  /** The server failed while handling this socket's message; other sockets are unaffected. */
  internalError: 4500,
  /**
   * The update could not be stored (the database is unreachable), so nobody saw it; the client keeps it,
   * shows it as not saved and sends it again when it reconnects.
   */
  notSaved: 4507,
  /** The server is shutting down; reconnecting later is fine. */
  shuttingDown: 4503,
} as const
export type CloseCode = (typeof CLOSE_CODE)[keyof typeof CLOSE_CODE]

/** Close codes after which a client must not retry with the same token. */
export const FATAL_CLOSE_CODES: readonly number[] = [
  CLOSE_CODE.unauthorized,
  CLOSE_CODE.forbidden,
  CLOSE_CODE.unknownDocument,
]

/**
 * Close codes after which the client holds edits the server will never take: reconnecting would send them
 * again, so the client stops and shows them as not saved.
 */
export const REFUSED_EDIT_CLOSE_CODES: readonly number[] = [
  CLOSE_CODE.refusedUpdate,
  CLOSE_CODE.documentTooLarge,
  CLOSE_CODE.frameTooLarge,
]

/** Default bound for one WebSocket frame (1 MiB); the server's MAX_FRAME_BYTES overrides it. */
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024

/** Largest awareness (presence) state one client may announce. */
export const MAX_AWARENESS_BYTES = 8 * 1024

/** Largest awareness state a read-only socket (a reviewer) may announce: a name and a caret, no more. */
export const MAX_READONLY_AWARENESS_BYTES = 1024

/** Default quota of one document's stored state (8 MiB); the server's MAX_DOCUMENT_BYTES overrides it. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 8 * 1024 * 1024

/** The name of the cookie that carries the access token in the browser. */
export const TOKEN_COOKIE = 'sb_token'
