/**
 * The relay over Redis pub/sub: one channel per document, one control channel for close orders and
 * resync requests.
 *
 * Two connections, because a subscribed Redis connection can run no other command. Nothing is queued
 * while Redis is away (a publish then fails and is dropped): every instance stores before it publishes,
 * so the database holds everything, and the instances catch up from it when Redis returns —
 * - the subscriber, on reconnecting, resubscribes, waits for Redis to confirm, then has this instance
 *   re-read its loaded documents (what was published meanwhile reached nobody here);
 * - the publisher, on reconnecting, asks the other instances to re-read theirs (what this instance
 *   published meanwhile reached nobody there).
 * Queuing instead would be wrong: a publisher can reconnect before the others' subscribers, and its
 * queue would then flush into a channel nobody hears yet.
 */
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { Logger } from '../logger.ts'
import type { CloseSockets, DocumentMessage, Relay, Unsubscribe } from '../ports/Relay.ts'
import { connectRedis } from '../redis/connectRedis.ts'
import {
  type ControlMessage,
  decodeControlMessage,
  decodeDocumentMessage,
  encodeControlMessage,
  encodeDocumentMessage,
} from './relayWire.ts'

const PREFIX = 'specboard:'
const CONTROL_CHANNEL = `${PREFIX}control`
const DOCUMENT_PREFIX = `${PREFIX}doc:`

type DocumentListener = (message: DocumentMessage) => void

/** A document's listeners here, and the subscription that Redis confirms (or fails, when away). */
interface Channel {
  readonly listeners: Set<DocumentListener>
  readonly subscribed: Promise<void>
}

export class RedisRelay implements Relay {
  /** Names this process on the wire, so it can drop its own messages. */
  readonly instanceId = randomUUID()
  private readonly channels = new Map<string, Channel>()
  private readonly closeHandlers: ((order: CloseSockets) => void)[] = []
  private readonly programHandlers: ((programId: string) => void)[] = []
  private readonly resyncHandlers: (() => void)[] = []
  private isPublishing = true
  private isClosed = false

  /** Connects both sides and subscribes to the control channel; throws when Redis is unreachable. */
  static async open(url: string, log: Logger): Promise<RedisRelay> {
    const publisher = await connectRedis(url, 'relay-publisher', log)
    let subscriber: Redis
    try {
      subscriber = await connectRedis(url, 'relay-subscriber', log)
    } catch (error) {
      publisher.disconnect()
      throw error
    }
    const relay = new RedisRelay(publisher, subscriber, log)
    await subscriber.subscribe(CONTROL_CHANNEL)
    return relay
  }

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly log: Logger
  ) {
    subscriber.on('messageBuffer', (channel: Buffer, frame: Buffer) =>
      this.receive(channel.toString(), frame)
    )
    // Both are connected already, so 'ready' from now on means "reconnected".
    subscriber.on('ready', () => void this.resubscribe())
    publisher.on('ready', () => this.askOthersToResync())
  }

  async publish(document: string, message: DocumentMessage): Promise<void> {
    this.send(
      DOCUMENT_PREFIX + document,
      Buffer.from(encodeDocumentMessage(this.instanceId, message))
    )
  }

  async subscribe(document: string, onMessage: DocumentListener): Promise<Unsubscribe> {
    let channel = this.channels.get(document)
    if (!channel) {
      const subscribed = this.subscriber.subscribe(DOCUMENT_PREFIX + document).then(
        () => {},
        (error: Error) => {
          // Redis is away: the room works locally, and the reconnect subscribes it with the others.
          this.log.warn('relay subscribe failed', { document, error: error.message })
        }
      )
      channel = { listeners: new Set(), subscribed }
      this.channels.set(document, channel)
    }
    channel.listeners.add(onMessage)
    await channel.subscribed
    return async () => this.unsubscribe(document, onMessage)
  }

  async publishClose(order: CloseSockets): Promise<void> {
    this.sendControl({ type: 'close', ...order })
  }

  onClose(handler: (order: CloseSockets) => void): void {
    this.closeHandlers.push(handler)
  }

  async publishProgramChange(programId: string): Promise<void> {
    this.sendControl({ type: 'programChanged', programId })
  }

  onProgramChange(handler: (programId: string) => void): void {
    this.programHandlers.push(handler)
  }

  onResync(handler: () => void): void {
    this.resyncHandlers.push(handler)
  }

  async close(): Promise<void> {
    this.isClosed = true
    this.channels.clear()
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()])
  }

  private async unsubscribe(document: string, onMessage: DocumentListener): Promise<void> {
    const channel = this.channels.get(document)
    if (!channel?.listeners.delete(onMessage) || channel.listeners.size > 0) return
    this.channels.delete(document)
    if (this.isClosed) return
    await this.subscriber.unsubscribe(DOCUMENT_PREFIX + document).catch(() => {})
  }

  private sendControl(message: ControlMessage): void {
    this.send(CONTROL_CHANNEL, encodeControlMessage(this.instanceId, message))
  }

  private send(channel: string, payload: Buffer | string): void {
    if (this.publisher.status !== 'ready') {
      this.dropped()
      return
    }
    this.publisher.publish(channel, payload).catch(() => this.dropped())
  }

  private dropped(): void {
    // Once per outage: the resync after it covers every message dropped.
    if (this.isPublishing)
      this.log.warn('relay unreachable; publishes are dropped until it returns')
    this.isPublishing = false
  }

  private receive(channel: string, frame: Buffer): void {
    try {
      if (channel === CONTROL_CHANNEL) {
        const { from, message } = decodeControlMessage(frame.toString())
        if (from === this.instanceId) return
        if (message.type === 'resync') {
          this.resync()
          return
        }
        if (message.type === 'programChanged') {
          for (const handler of this.programHandlers) handler(message.programId)
          return
        }
        const { match, code, reason } = message
        for (const handler of this.closeHandlers) handler({ match, code, reason })
        return
      }
      const listeners = this.channels.get(channel.slice(DOCUMENT_PREFIX.length))?.listeners
      if (!listeners) return
      const { from, message } = decodeDocumentMessage(frame)
      if (from === this.instanceId) return
      for (const listener of listeners) listener(message)
    } catch (error) {
      this.log.warn('relay message refused', { channel, error: (error as Error).message })
    }
  }

  private resync(): void {
    for (const handler of this.resyncHandlers) handler()
  }

  private async resubscribe(): Promise<void> {
    if (this.isClosed) return
    const channels = [CONTROL_CHANNEL, ...[...this.channels.keys()].map((d) => DOCUMENT_PREFIX + d)]
    try {
      // Resolves when Redis confirmed every channel: only then can the re-read miss nothing.
      await this.subscriber.subscribe(...channels)
    } catch (error) {
      // The connection dropped again; its next 'ready' tries again.
      this.log.warn('relay resubscribe failed', { error: (error as Error).message })
      return
    }
    this.log.info('relay resubscribed; re-reading loaded documents', {
      documents: this.channels.size,
    })
    this.resync()
  }

  private askOthersToResync(): void {
    if (this.isClosed) return
    this.isPublishing = true
    this.sendControl({ type: 'resync' })
  }
}
