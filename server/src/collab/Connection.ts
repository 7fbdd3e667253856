import type { WebSocket } from 'ws'
import type { Role } from '../../../shared/src/index.ts'
import { RateLimiter } from './RateLimiter.ts'

/** Who is on the other end of a socket, as the server authenticated them. */
export interface ConnectionIdentity {
  readonly personId: string
  readonly name: string
  readonly role: Role
}

export interface ConnectionOptions {
  readonly messagesPerSecond: number
  readonly messageBurst: number
}

/** One client socket in one room: its identity, whether it may write, and the awareness ids it owns. */
export class Connection {
  /** Awareness client ids this socket announced; removed from presence when it closes. */
  readonly clientIds = new Set<number>()
  readonly limiter: RateLimiter
  droppedUpdates = 0

  constructor(
    readonly socket: WebSocket,
    readonly identity: ConnectionIdentity,
    readonly canWrite: boolean,
    options: ConnectionOptions
  ) {
    this.limiter = new RateLimiter(options.messagesPerSecond, options.messageBurst)
  }

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN
  }

  send(frame: Uint8Array): void {
    if (this.isOpen) this.socket.send(frame)
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.CONNECTING || this.isOpen) this.socket.close(code, reason)
  }
}
