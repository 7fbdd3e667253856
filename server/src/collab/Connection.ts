import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { Role } from '@specboard/shared'
import { CLOSE_CODE } from '@specboard/shared'
import { TokenBucket } from '../limits/TokenBucket.ts'

/** Who is on the other end of a socket, as the server authenticated them. */
export interface ConnectionIdentity {
  readonly personId: string
  readonly name: string
  readonly role: Role
  /** The share link an audience socket came in with, so revoking it can close the socket. */
  readonly shareLinkId?: string
  /** For the audience: whose pitch it watches (`session:<id>` or `team:<id>`) in which program. */
  readonly audience?: { readonly key: string; readonly programId: string }
}

export interface ConnectionOptions {
  readonly messagesPerSecond: number
  readonly messageBurst: number
  /** Outgoing bytes a socket may have queued before it counts as not reading. */
  readonly maxBufferedBytes: number
}

/** One client socket in one room: its identity, whether it may write, and the awareness ids it owns. */
export class Connection {
  /** Awareness client ids this socket announced; removed from presence when it closes. */
  readonly clientIds = new Set<number>()
  /** This socket's message budget: a socket lives on one instance, so its budget does too. */
  readonly limiter: TokenBucket
  droppedUpdates = 0
  private readonly maxBufferedBytes: number

  constructor(
    readonly socket: WebSocket,
    readonly identity: ConnectionIdentity,
    readonly canWrite: boolean,
    options: ConnectionOptions,
    /** Whether this socket's presence is shown to others (the audience's is not). */
    readonly sharesPresence = true,
    /** The upgraded connection `socket` writes to: corked, several frames leave in one write. */
    private readonly stream?: Duplex
  ) {
    this.limiter = new TokenBucket(
      options.messagesPerSecond,
      options.messageBurst,
      performance.now()
    )
    this.maxBufferedBytes = options.maxBufferedBytes
  }

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN
  }

  /**
   * Sends a frame; a socket that stopped reading and has too much queued is closed instead. `sent` is
   * called once the frame left for the network, or failed to (with an error), or was not sent at all.
   */
  send(frame: Uint8Array, sent?: (error?: Error) => void): void {
    if (!this.isOpen) {
      sent?.(new Error('the socket is closed'))
      return
    }
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close(CLOSE_CODE.tooSlow, 'not reading fast enough')
      sent?.(new Error('the socket is not reading'))
      return
    }
    this.socket.send(frame, sent)
  }

  /**
   * Sends frames in order in one write to the network (one system call, the largest cost of a send)
   * instead of one write each; each frame is checked and sent as by `send`.
   */
  sendAll(frames: readonly Uint8Array[]): void {
    if (frames.length === 1) {
      this.send(frames[0]!)
      return
    }
    this.stream?.cork()
    for (const frame of frames) this.send(frame)
    this.stream?.uncork()
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.CONNECTING || this.isOpen)
      this.socket.close(code, reason)
  }
}
