import { describe, expect, it } from 'vitest'
import {
  decodeControlMessage,
  decodeDocumentMessage,
  encodeControlMessage,
  encodeDocumentMessage,
} from './relayWire.ts'

describe('relayWire', () => {
  it('round-trips document messages with their sender', () => {
    for (const type of ['update', 'presence'] as const) {
      const message = { type, update: new Uint8Array([1, 2, 3, 0, 255]) }
      expect(decodeDocumentMessage(encodeDocumentMessage('instance-1', message))).toEqual({
        from: 'instance-1',
        message,
      })
    }
  })

  it('round-trips a presence query, which carries no update', () => {
    const frame = encodeDocumentMessage('instance-2', { type: 'presenceQuery' })
    expect(decodeDocumentMessage(frame)).toEqual({
      from: 'instance-2',
      message: { type: 'presenceQuery' },
    })
    expect(() => decodeDocumentMessage(new Uint8Array([...frame, 1, 0]))).toThrow('trailing bytes')
  })

  it('refuses document frames that are cut short, padded or of an unknown type', () => {
    const frame = encodeDocumentMessage('i', { type: 'update', update: new Uint8Array([9, 9]) })
    expect(() => decodeDocumentMessage(frame.slice(0, -1))).toThrow()
    expect(() => decodeDocumentMessage(new Uint8Array([...frame, 0]))).toThrow('trailing bytes')
    const unknown = frame.slice()
    unknown[2] = 7
    expect(() => decodeDocumentMessage(unknown)).toThrow('unknown relay message type 7')
  })

  it('round-trips close orders and resync requests', () => {
    const close = {
      type: 'close' as const,
      match: { personId: 'p1', document: 'spec:t1' },
      code: 4403,
      reason: 'removed from the team',
    }
    expect(decodeControlMessage(encodeControlMessage('i', close))).toEqual({
      from: 'i',
      message: close,
    })
    expect(decodeControlMessage(encodeControlMessage('i', { type: 'resync' }))).toEqual({
      from: 'i',
      message: { type: 'resync' },
    })
    const changed = { type: 'programChanged' as const, programId: 'prog-1' }
    expect(decodeControlMessage(encodeControlMessage('i', changed))).toEqual({
      from: 'i',
      message: changed,
    })
    expect(() => decodeControlMessage('{"from":"i","type":"programChanged"}')).toThrow()
  })

  it('never turns a message into an order that closes every socket', () => {
    const order = (match: unknown) =>
      JSON.stringify({ from: 'i', type: 'close', match, code: 4401, reason: 'x' })
    expect(() => decodeControlMessage(order({}))).toThrow('at least one field')
    expect(() => decodeControlMessage(order(null))).toThrow()
    expect(() => decodeControlMessage(order({ personId: 5 }))).toThrow('is a string')
    expect(decodeControlMessage(order({ shareLinkId: 'l', extra: 'ignored' })).message).toEqual({
      type: 'close',
      match: { shareLinkId: 'l' },
      code: 4401,
      reason: 'x',
    })
  })

  it('refuses control messages without a sender or of an unknown kind', () => {
    expect(() => decodeControlMessage('{"type":"resync"}')).toThrow('names its sender')
    expect(() => decodeControlMessage('{"from":"i","type":"reboot"}')).toThrow('unknown')
    expect(() => decodeControlMessage('not json')).toThrow()
  })
})
