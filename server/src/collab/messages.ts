/**
 * y-websocket messages, encoded and decoded. Pure functions over bytes: no sockets, no rooms.
 *
 * A frame is `varuint messageType` followed by the payload:
 * - sync (0): `varuint syncType` (0 step 1 + state vector, 1 step 2 + update, 2 update) and a varUint8Array
 * - awareness (1): a varUint8Array holding `varuint n` × (`varuint clientID`, `varuint clock`, `varstring json`)
 * - query awareness (3): no payload
 */
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { MESSAGE_TYPE } from '@specboard/shared'

export const SYNC_TYPE = { step1: 0, step2: 1, update: 2 } as const

/** A decoded incoming message; anything else is malformed. */
export type IncomingMessage =
  | { readonly type: 'syncStep1'; readonly stateVector: Uint8Array }
  | { readonly type: 'syncStep2' | 'syncUpdate'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array }
  | { readonly type: 'queryAwareness' }

/** Thrown for bytes that are not a y-websocket message. */
export class MalformedMessageError extends Error {
  readonly code = 'malformed_message'
}

/** Decodes one frame; throws MalformedMessageError for anything that is not a complete known message. */
export function decodeMessage(frame: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(frame)
    const messageType = decoding.readVarUint(decoder)
    let message: IncomingMessage
    switch (messageType) {
      case MESSAGE_TYPE.sync: {
        const syncType = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (syncType === SYNC_TYPE.step1) message = { type: 'syncStep1', stateVector: payload }
        else if (syncType === SYNC_TYPE.step2) message = { type: 'syncStep2', update: payload }
        else if (syncType === SYNC_TYPE.update) message = { type: 'syncUpdate', update: payload }
        else throw new MalformedMessageError(`unknown sync message type ${syncType}`)
        break
      }
      case MESSAGE_TYPE.awareness:
        message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
        break
      case MESSAGE_TYPE.queryAwareness:
        message = { type: 'queryAwareness' }
        break
      default:
        throw new MalformedMessageError(`unknown message type ${messageType}`)
    }
    if (decoding.hasContent(decoder))
      throw new MalformedMessageError('trailing bytes after the message')
    return message
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error
    throw new MalformedMessageError(`undecodable frame: ${(error as Error).message}`)
  }
}

/** A Buffer over the encoded bytes: ws would otherwise wrap a plain Uint8Array anew for every socket. */
function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  const bytes = encoding.toUint8Array(encoder)
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** A sync message of `syncType` carrying `payload`. */
export function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_TYPE.sync)
    encoding.writeVarUint(e, syncType)
    encoding.writeVarUint8Array(e, payload)
  })
}

/** An awareness message carrying an encoded awareness update. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MESSAGE_TYPE.awareness)
    encoding.writeVarUint8Array(e, update)
  })
}

/** One client's entry in an awareness update. */
export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  readonly state: Record<string, unknown> | null
}

/** Decodes an awareness update; throws MalformedMessageError unless every state is an object or null. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state: unknown = JSON.parse(decoding.readVarString(decoder))
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        throw new MalformedMessageError('an awareness state must be an object or null')
      }
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null })
    }
    if (decoding.hasContent(decoder))
      throw new MalformedMessageError('trailing bytes after the awareness update')
    return entries
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error
    throw new MalformedMessageError(`undecodable awareness update: ${(error as Error).message}`)
  }
}

/** Encodes awareness entries as an awareness update. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, entries.length)
    for (const entry of entries) {
      encoding.writeVarUint(e, entry.clientId)
      encoding.writeVarUint(e, entry.clock)
      encoding.writeVarString(e, JSON.stringify(entry.state))
    }
  })
}
