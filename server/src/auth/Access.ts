/**
 * Who is asking, and what role they hold where. Both the HTTP routes and the collaboration sockets ask
 * here; what a role may then do is decided by the permission table in shared/roles.ts.
 */
import { timingSafeEqual } from 'node:crypto'
import { parse as parseCookies } from 'hono/utils/cookie'
import { SESSION_IDLE_DAYS, TOKEN_COOKIE } from '@specboard/shared'
import type { Role } from '@specboard/shared'
import type { RecordStore } from '../storage/Storage.ts'
import type { AccountStore } from '../storage/AccountStore.ts'
import { hashSecret } from '../ids.ts'

/** An authenticated caller. `personId` is null for the operations token, which is nobody in particular. */
export interface Principal {
  readonly personId: string | null
  readonly name: string
  readonly isAdmin: boolean
  /** The device session the token belongs to; null for the operations token. */
  readonly sessionId: string | null
}

/** The parts of a request a token can come in. */
export interface TokenSources {
  readonly authorization?: string | null
  readonly cookie?: string | null
  readonly queryToken?: string | null
}

/** Bearer header first, then `?token=`, then the browser's cookie. */
export function tokenFrom({ authorization, cookie, queryToken }: TokenSources): string | undefined {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1]
  if (bearer) return bearer
  if (queryToken) return queryToken
  if (cookie) return parseCookies(cookie, TOKEN_COOKIE)[TOKEN_COOKIE] || undefined
  return undefined
}

const ADMIN_PRINCIPAL: Principal = {
  personId: null,
  name: 'Administrator',
  isAdmin: true,
  sessionId: null,
}

const DAY_MS = 24 * 3600 * 1000
/** Writing "last used" on every request would make each read a write; a minute's precision is enough. */
const TOUCH_EVERY_MS = 60_000

/** When a session last used at `lastUsedAt` ends if unused. */
export function sessionExpiry(lastUsedAt: string): string {
  return new Date(Date.parse(lastUsedAt) + SESSION_IDLE_DAYS * DAY_MS).toISOString()
}

export class Access {
  private readonly adminTokenHash: Buffer | null

  constructor(
    private readonly records: RecordStore,
    private readonly accounts: AccountStore,
    adminToken: string | undefined
  ) {
    this.adminTokenHash = adminToken ? Buffer.from(hashSecret(adminToken), 'hex') : null
  }

  /** The principal a token stands for, or null for a missing, unknown or revoked token. */
  async authenticate(token: string | undefined): Promise<Principal | null> {
    if (!token || token.length > 200) return null
    const hash = hashSecret(token)
    if (this.adminTokenHash && timingSafeEqual(this.adminTokenHash, Buffer.from(hash, 'hex'))) {
      return ADMIN_PRINCIPAL
    }
    const found = await this.accounts.sessionByTokenHash(hash)
    if (!found) return null
    const { session, person } = found
    const now = Date.now()
    const lastUsed = Date.parse(session.lastUsedAt)
    if (now - lastUsed > SESSION_IDLE_DAYS * DAY_MS) {
      await this.accounts.deleteSessionByTokenHash(hash)
      return null
    }
    if (now - lastUsed > TOUCH_EVERY_MS)
      await this.accounts.touchSession(session.id, new Date(now).toISOString())
    return {
      personId: person.id,
      name: person.name,
      isAdmin: person.isAdmin,
      sessionId: session.id,
    }
  }

  /** The role `principal` holds for a team: a team membership first, then a program-wide one. */
  async roleInTeam(principal: Principal, teamId: string): Promise<Role | null> {
    const team = await this.records.getTeam(teamId)
    if (!team) return null
    if (principal.isAdmin) return 'coordinator'
    const memberships = await this.records.membershipsOfPerson(principal.personId!)
    const own = memberships.find((m) => m.teamId === teamId)
    if (own) return own.role
    return (
      memberships.find((m) => m.programId === team.programId && m.teamId === null)?.role ?? null
    )
  }

  /** The role `principal` holds in a program: program-wide if any, else their first team role in it. */
  async roleInProgram(principal: Principal, programId: string): Promise<Role | null> {
    if (principal.isAdmin) return 'coordinator'
    const inProgram = (await this.records.membershipsOfPerson(principal.personId!)).filter(
      (m) => m.programId === programId
    )
    return (inProgram.find((m) => m.teamId === null) ?? inProgram[0])?.role ?? null
  }
}
