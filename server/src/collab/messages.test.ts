import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import {
  MalformedMessageError,
  SYNC_TYPE,
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwareness,
  encodeAwarenessUpdate,
  encodeSync,
} from './messages.ts'

/** A frame as y-websocket's client writes it. */
function clientFrame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return doc
}

describe('decodeMessage', () => {
  it('decodes the sync step 1 a y-websocket client sends', () => {
    const doc = docWithText('hello')
    const frame = clientFrame((e) => {
      encoding.writeVarUint(e, 0)
      syncProtocol.writeSyncStep1(e, doc)
    })
    expect(decodeMessage(frame)).toEqual({
      type: 'syncStep1',
      stateVector: Y.encodeStateVector(doc),
    })
  })

  it('decodes sync step 2 and sync updates', () => {
    const update = Y.encodeStateAsUpdate(docWithText('hi'))
    const step2 = clientFrame((e) => {
      encoding.writeVarUint(e, 0)
      syncProtocol.writeSyncStep2(e, docWithText('hi'))
    })
    expect(decodeMessage(step2).type).toBe('syncStep2')
    const updateFrame = clientFrame((e) => {
      encoding.writeVarUint(e, 0)
      syncProtocol.writeUpdate(e, update)
    })
    expect(decodeMessage(updateFrame)).toEqual({ type: 'syncUpdate', update })
  })

  it('decodes awareness and awareness queries', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    awareness.setLocalState({ user: { name: 'A' } })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
    const frame = clientFrame((e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint8Array(e, update)
    })
    expect(decodeMessage(frame)).toEqual({ type: 'awareness', update })
    expect(decodeMessage(Uint8Array.from([3]))).toEqual({ type: 'queryAwareness' })
    awareness.destroy()
  })

  it.each([
    ['an empty frame', []],
    ['an unknown message type', [9]],
    ['an auth message', [2, 0, 0]],
    ['an unknown sync type', [0, 3, 0]],
    ['a sync message without payload', [0, 2]],
    ['a payload shorter than its length', [0, 2, 10, 1, 2]],
    ['trailing bytes', [3, 0]],
    ['trailing bytes after a sync update', [0, 2, 1, 0, 0]],
    ['a varuint that never ends', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]],
  ])('throws MalformedMessageError for %s', (_, bytes) => {
    expect(() => decodeMessage(Uint8Array.from(bytes))).toThrow(MalformedMessageError)
  })
})

describe('encodeSync and encodeAwareness', () => {
  it('writes frames a y-protocols client reads', () => {
    const server = docWithText('from the server')
    const client = new Y.Doc()
    const frame = encodeSync(SYNC_TYPE.step2, Y.encodeStateAsUpdate(server))
    const decoder = decoding.createDecoder(frame)
    expect(decoding.readVarUint(decoder)).toBe(0)
    const reply = encoding.createEncoder()
    expect(syncProtocol.readSyncMessage(decoder, reply, client, null)).toBe(
      syncProtocol.messageYjsSyncStep2
    )
    expect(client.getText('t').toString()).toBe('from the server')
  })

  it('round-trips through decodeMessage', () => {
    const update = Y.encodeStateAsUpdate(docWithText('x'))
    expect(decodeMessage(encodeSync(SYNC_TYPE.update, update))).toEqual({
      type: 'syncUpdate',
      update,
    })
    expect(decodeMessage(encodeSync(SYNC_TYPE.step1, Uint8Array.from([0])))).toEqual({
      type: 'syncStep1',
      stateVector: Uint8Array.from([0]),
    })
    expect(decodeMessage(encodeAwareness(Uint8Array.from([0])))).toEqual({
      type: 'awareness',
      update: Uint8Array.from([0]),
    })
  })
})

describe('awareness updates', () => {
  it('decodes what y-protocols encodes, and y-protocols applies what it encodes', () => {
    const source = new awarenessProtocol.Awareness(new Y.Doc())
    source.setLocalState({ user: { name: 'Aiko', color: '#30638e' }, section: 'what' })
    const entries = decodeAwarenessUpdate(
      awarenessProtocol.encodeAwarenessUpdate(source, [source.clientID])
    )
    expect(entries).toEqual([
      {
        clientId: source.clientID,
        clock: 1,
        state: { user: { name: 'Aiko', color: '#30638e' }, section: 'what' },
      },
    ])

    const target = new awarenessProtocol.Awareness(new Y.Doc())
    awarenessProtocol.applyAwarenessUpdate(target, encodeAwarenessUpdate(entries), null)
    expect(target.getStates().get(source.clientID)).toEqual(entries[0].state)
    source.destroy()
    target.destroy()
  })

  it('decodes a withdrawn state as null and an empty update as no entries', () => {
    expect(
      decodeAwarenessUpdate(encodeAwarenessUpdate([{ clientId: 5, clock: 2, state: null }]))
    ).toEqual([{ clientId: 5, clock: 2, state: null }])
    expect(decodeAwarenessUpdate(Uint8Array.from([0]))).toEqual([])
  })

  it.each(['42', '"text"', 'true', '[1,2]', '{"a":', ''])(
    'throws MalformedMessageError for the state %j',
    (json) => {
      const update = clientFrame((e) => {
        encoding.writeVarUint(e, 1)
        encoding.writeVarUint(e, 7)
        encoding.writeVarUint(e, 1)
        encoding.writeVarString(e, json)
      })
      expect(() => decodeAwarenessUpdate(update)).toThrow(MalformedMessageError)
    }
  )

  it('throws MalformedMessageError for a truncated update and for trailing bytes', () => {
    const update = encodeAwarenessUpdate([{ clientId: 5, clock: 2, state: { a: 1 } }])
    expect(() => decodeAwarenessUpdate(update.slice(0, update.length - 2))).toThrow(
      MalformedMessageError
    )
    expect(() => decodeAwarenessUpdate(Uint8Array.from([...update, 0]))).toThrow(
      MalformedMessageError
    )
    expect(() => decodeAwarenessUpdate(Uint8Array.from([2, 5, 2]))).toThrow(MalformedMessageError)
  })
})
