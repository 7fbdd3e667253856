/**
 * How relay messages travel between instances: document messages as compact binary frames (Yjs updates
 * are bytes already), control messages as JSON. Every frame names the instance that sent it, so each
 * instance drops its own echo. Frames are checked on receipt: a malformed one is refused as a whole.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { CloseSockets, DocumentMessage, SocketMatch } from '../ports/Relay.ts'

const DOCUMENT_TYPE = { update: 0, presence: 1, presenceQuery: 2 } as const

/**
 * What travels on the control channel: an order to close sockets, "re-read your documents", or "re-read
 * this program's template".
 */
export type ControlMessage =
  | ({ readonly type: 'close' } & CloseSockets)
  | { readonly type: 'resync' }
  | { readonly type: 'programChanged'; readonly programId: string }

export interface Received<M> {
  readonly from: string
  readonly message: M
}

export function encodeDocumentMessage(from: string, message: DocumentMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, from)
  encoding.writeVarUint(encoder, DOCUMENT_TYPE[message.type])
  if (message.type !== 'presenceQuery') encoding.writeVarUint8Array(encoder, message.update)
  return encoding.toUint8Array(encoder)
}

/** Throws on a frame that is not a document message. */
export function decodeDocumentMessage(frame: Uint8Array): Received<DocumentMessage> {
  const decoder = decoding.createDecoder(frame)
  const from = decoding.readVarString(decoder)
  const type = decoding.readVarUint(decoder)
  let message: DocumentMessage
  if (type === DOCUMENT_TYPE.presenceQuery) message = { type: 'presenceQuery' }
  else if (type === DOCUMENT_TYPE.update)
    message = { type: 'update', update: decoding.readVarUint8Array(decoder) }
  else if (type === DOCUMENT_TYPE.presence)
    message = { type: 'presence', update: decoding.readVarUint8Array(decoder) }
  else throw new Error(`unknown relay message type ${type}`)
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after a relay message')
  return { from, message }
}

export function encodeControlMessage(from: string, message: ControlMessage): string {
  return JSON.stringify({ from, ...message })
}

/** Throws on text that is not a control message. */
export function decodeControlMessage(text: string): Received<ControlMessage> {
  const raw: unknown = JSON.parse(text)
  if (typeof raw !== 'object' || raw === null) throw new Error('a control message is an object')
  const { from, type, match, code, reason, programId } = raw as Record<string, unknown>
  if (typeof from !== 'string') throw new Error('a control message names its sender')
  if (type === 'resync') return { from, message: { type } }
  if (type === 'programChanged' && typeof programId === 'string')
    return { from, message: { type, programId } }
  if (type === 'close' && typeof code === 'number' && typeof reason === 'string')
    return { from, message: { type, match: toMatch(match), code, reason } }
  throw new Error(`unknown control message ${String(type)}`)
}

const MATCH_FIELDS = ['personId', 'shareLinkId', 'document'] as const

function toMatch(raw: unknown): SocketMatch {
  if (typeof raw !== 'object' || raw === null) throw new Error('a close order has a match')
  const match: { -readonly [K in keyof SocketMatch]: SocketMatch[K] } = {}
  for (const field of MATCH_FIELDS) {
    const value = (raw as Record<string, unknown>)[field]
    if (typeof value === 'string') match[field] = value
    else if (value !== undefined) throw new Error(`a close order's ${field} is a string`)
  }
  // An empty match would close every socket everywhere: never from a message.
  if (Object.keys(match).length === 0)
    throw new Error('a close order matches on at least one field')
  return match
}
