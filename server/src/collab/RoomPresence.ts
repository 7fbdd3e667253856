/**
 * Who is on one live document: its sockets' presence (carets, names) and the presence other instances
 * relay. Presence is not stored and touches no document state, so the room hands it over at once instead
 * of queueing it; this module only sends to the room's sockets and publishes to the relay.
 */
import type * as Y from 'yjs'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate as encodeFullAwareness,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import { MAX_AWARENESS_BYTES, MAX_READONLY_AWARENESS_BYTES } from '@specboard/shared'
import type { Relay } from '../ports/Relay.ts'
import type { Connection } from './Connection.ts'
import {
  MalformedMessageError,
  decodeAwarenessUpdate,
  encodeAwareness,
  encodeAwarenessUpdate,
} from './messages.ts'
import { stampIdentity } from './presence.ts'

/** A y-websocket provider announces one awareness client id (its doc's) for its whole life. */
const MAX_PRESENCE_IDS_PER_SOCKET = 1
/** Room for entries of people who just left, in a relay of everyone's presence. */
const MAX_PRESENCE_ENTRIES_SLACK = 16

export class RoomPresence {
  readonly awareness: Awareness
  private readonly awarenessOwners = new Map<number, Connection>()
  private readonly changedPresence = new Set<number>()
  /** Presence ids announced through the relay by another instance's sockets. */
  private readonly remoteIds = new Set<number>()
  private presenceTimer: NodeJS.Timeout | null = null
  private isDestroyed = false

  constructor(
    private readonly name: string,
    doc: Y.Doc,
    private readonly relay: Relay,
    /** The room's sockets (the room's own set, read at each flush). */
    private readonly connections: ReadonlySet<Connection>,
    /** Presence changes are batched over this window and sent as one frame. */
    private readonly flushMs: number,
    /** The transaction origin of presence applied from the relay. */
    private readonly relayOrigin: symbol
  ) {
    // The awareness only knows this doc's client id: it stays when the room replaces its doc.
    this.awareness = new Awareness(doc)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.queuePresence)
  }

  /**
   * Sends everyone's presence to `connection` unless it is the audience: to a newcomer only when someone
   * is here (`unlessNobody`), to a client asking (queryAwareness) always.
   */
  sendAll(connection: Connection, unlessNobody: boolean): void {
    // The anonymous audience sees the pitch, not who of the team (or its reviewers) is around.
    if (!connection.sharesPresence) return
    const states = [...this.awareness.getStates().keys()]
    if (states.length === 0 && unlessNobody) return
    connection.send(encodeAwareness(encodeFullAwareness(this.awareness, states)))
  }

  /** Withdraws the presence a socket that left had announced. */
  remove(connection: Connection): void {
    const ids = [...connection.clientIds].filter(
      (id) => this.awarenessOwners.get(id) === connection
    )
    for (const id of ids) this.awarenessOwners.delete(id)
    if (ids.length === 0) return
    removeAwarenessStates(this.awareness, ids, connection)
    const update = encodeFullAwareness(this.awareness, ids)
    void this.relay.publish(this.name, { type: 'presence', update })
  }

  /**
   * Applies a socket's presence. Clients relay every awareness change they see, including other
   * people's, so entries for client ids that another socket owns are dropped rather than refused: a
   * socket may only announce, change or withdraw its own presence — one client id, claimed by its first
   * state — so the presence a newcomer receives is never more than one state per member's socket.
   * Throws MalformedMessageError for presence no client of ours sends.
   */
  apply(connection: Connection, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update)
    // The audience is counted, not shown: its presence would only multiply traffic by the crowd's size.
    if (!connection.sharesPresence) return
    // A relay of everyone's presence holds at most the room's states and a few that just left.
    if (entries.length > 2 * this.awareness.getStates().size + MAX_PRESENCE_ENTRIES_SLACK)
      throw new MalformedMessageError('more presence entries than there are people here')
    const own: typeof entries = []
    let claims = connection.clientIds.size
    for (const entry of entries) {
      const owner = this.awarenessOwners.get(entry.clientId)
      if (owner) {
        if (owner === connection) own.push(entry)
        continue
      }
      // Another instance's socket owns it.
      if (this.remoteIds.has(entry.clientId)) continue
      // An unowned id is claimed only by a newer, non-empty state (echoes of old states carry old
      // clocks), and only by a socket that has no id yet.
      const isNewer = entry.clock > (this.awareness.meta.get(entry.clientId)?.clock ?? 0)
      if (entry.state !== null && isNewer && claims < MAX_PRESENCE_IDS_PER_SOCKET) {
        claims++
        own.push(entry)
      }
    }
    if (own.length === 0) return
    // Clients relay everyone's presence in one message, so the cap is per state, not per message. A
    // read-only socket (a reviewer) shows a name and a caret: a much smaller state.
    const maxBytes = connection.canWrite ? MAX_AWARENESS_BYTES : MAX_READONLY_AWARENESS_BYTES
    if (own.some((e) => JSON.stringify(e.state).length > maxBytes)) {
      throw new MalformedMessageError('presence state too large')
    }
    for (const entry of own) {
      this.awarenessOwners.set(entry.clientId, connection)
      connection.clientIds.add(entry.clientId)
    }
    const stamped = encodeAwarenessUpdate(
      own.map((e) => ({ ...e, state: e.state && stampIdentity(e.state, connection.identity) }))
    )
    applyAwarenessUpdate(this.awareness, stamped, connection)
    void this.relay.publish(this.name, { type: 'presence', update: stamped })
  }

  /**
   * Presence from another instance: its entries belong to that instance's sockets, so no socket here
   * may claim them, and an entry for one of our own sockets' ids is not theirs to change.
   */
  applyRelayed(update: Uint8Array): void {
    let entries: ReturnType<typeof decodeAwarenessUpdate>
    try {
      entries = decodeAwarenessUpdate(update)
    } catch {
      return
    }
    const remote = entries.filter((e) => !this.awarenessOwners.has(e.clientId))
    if (remote.length === 0) return
    for (const entry of remote) {
      if (entry.state === null) this.remoteIds.delete(entry.clientId)
      else this.remoteIds.add(entry.clientId)
    }
    applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(remote), this.relayOrigin)
  }

  /** Another instance asks who is here: tells it about this instance's sockets. */
  answerQuery(): void {
    const ids = [...this.awarenessOwners.keys()]
    if (ids.length === 0) return
    const update = encodeFullAwareness(this.awareness, ids)
    void this.relay.publish(this.name, { type: 'presence', update })
  }

  /** Asks the other instances who is on this document (after a load, or after messages were lost). */
  ask(): void {
    void this.relay.publish(this.name, { type: 'presenceQuery' })
  }

  private readonly queuePresence = ({
    added,
    updated,
    removed,
  }: {
    added: number[]
    updated: number[]
    removed: number[]
  }): void => {
    for (const id of [...added, ...updated, ...removed]) this.changedPresence.add(id)
    // Remote entries leave by a relayed removal or by timing out (their instance stopped renewing).
    for (const id of removed) this.remoteIds.delete(id)
    if (this.presenceTimer) return
    this.presenceTimer = setTimeout(() => this.flushPresence(), this.flushMs)
  }

  private flushPresence(): void {
    this.presenceTimer = null
    const message = this.encodeChanged()
    if (message) for (const c of this.connections) if (c.sharesPresence) c.send(message)
  }

  /**
   * The presence frame its timer would send, taken now to leave with a document update in the same
   * write to each socket (null: nothing waits). A caret moves with every keystroke: this saves a
   * write per socket per keystroke, the largest cost of a send.
   */
  takeQueued(): Uint8Array | null {
    if (!this.presenceTimer) return null
    clearTimeout(this.presenceTimer)
    this.presenceTimer = null
    return this.encodeChanged()
  }

  private encodeChanged(): Uint8Array | null {
    if (this.changedPresence.size === 0 || this.isDestroyed) return null
    const message = encodeAwareness(encodeFullAwareness(this.awareness, [...this.changedPresence]))
    this.changedPresence.clear()
    return message
  }

  destroy(): void {
    this.isDestroyed = true
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.awareness.destroy()
  }
}
