/**
 * Accounts across two instances sharing one database and one Redis (issue 11): removing a member or a
 * coordinator closes their socket on the other instance too, and the sign-in mail budget is one budget for the service.
 */
import { describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { CLOSE_CODE, SignInResponse, teamDocuments } from '@specboard/shared'
import {
  acceptInvite,
  apiRequest,
  createInvite,
  createProgram,
  createTeam,
  uniqueEmail,
} from '../helpers/api.ts'
import { linkIn, parseMail } from '../helpers/smtpServer.ts'
import { useCluster } from '../helpers/useCluster.ts'
import { RawSocket } from '../helpers/wsClient.ts'

/** The newest mail to `address` an instance without SMTP_URL wrote to its outbox (waits for it). */
async function outboxMailTo(dataDir: string, address: string) {
  const outbox = join(dataDir, 'outbox')
  for (let i = 0; i < 200; i++) {
    let files: string[] = []
    try {
      files = readdirSync(outbox).filter((f) => f.endsWith('.eml'))
    } catch {}
    const raw = files
      .sort()
      .map((f) => readFileSync(join(outbox, f), 'utf8'))
      .filter((r) => new RegExp(`^To: ${address.replace(/[.+]/g, '\\$&')}\\r?$`, 'im').test(r))
      .at(-1)
    if (raw) return parseMail(raw)
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`no mail to ${address} in ${outbox}`)
}

describe('accounts on several instances', () => {
  const cluster = useCluster({
    // One at first, the second added by the first test: two tsx starts at once take too long on a busy
    // two-core machine.
    instances: 1,
    env: { SIGNIN_MAIL_PER_ADDRESS: '3', SEED_DEMO: '0' },
    // In the PostgreSQL project both instances share one fresh database (else one SQLite file).
    databaseEnv:
      process.env.SPECBOARD_TEST_DATABASE === 'postgres'
        ? async () => {
            const { freshDatabaseUrl } = await import('../helpers/startPostgres.ts')
            return { DATABASE_URL: await freshDatabaseUrl(inject('postgresAdminUrl')) }
          }
        : undefined,
  })

  it("closes a removed member's socket on the other instance at once", async () => {
    if (cluster().instances.length < 2) await cluster().add()
    const [a, b] = cluster().instances as [
      ReturnType<typeof cluster>['instances'][number],
      ReturnType<typeof cluster>['instances'][number],
    ]
    const programId = await createProgram(a, 'Cluster program')
    const team = await createTeam(a, programId, 'Cluster team')
    const member = await acceptInvite(a, (await createInvite(a, team.id, 'talent')).token, 'Far')
    const socket = await RawSocket.open(b, teamDocuments(team.id).spec, member.accessToken)
    await new Promise((r) => setTimeout(r, 200))
    expect(socket.isOpen).toBe(true)
    const removed = await apiRequest(
      a,
      'DELETE',
      `/api/teams/${team.id}/members/${member.memberId}`
    )
    expect(removed.status).toBe(204)
    // Within a second of the removal's answer (waitClosed fails after that).
    expect((await socket.waitClosed(1000)).code).toBe(CLOSE_CODE.forbidden)
  })

  it("closes a removed coordinator's socket on the other instance at once", async () => {
    if (cluster().instances.length < 2) await cluster().add()
    const [a, b] = cluster().instances as [
      ReturnType<typeof cluster>['instances'][number],
      ReturnType<typeof cluster>['instances'][number],
    ]
    const programId = await createProgram(a, 'Cluster co-run')
    const team = await createTeam(a, programId, 'Cluster co-run team')
    /** Appoints a coordinator on `a` and follows the link `a` wrote to its outbox. */
    const appoint = async (email: string) => {
      const made = await apiRequest(a, 'POST', `/api/programs/${programId}/coordinators`, {
        body: { email },
      })
      expect(made.status).toBe(201)
      const path = linkIn(await outboxMailTo(a.dataDir, email), '/signin/')
      const signedIn = await apiRequest(a, 'POST', '/api/auth/signin', {
        token: null,
        body: { token: path.split('/signin/')[1] },
      })
      return SignInResponse.parse(signedIn.body)
    }
    const leaving = await appoint(uniqueEmail('leaving'))
    const staying = await appoint(uniqueEmail('staying'))
    const socket = await RawSocket.open(b, teamDocuments(team.id).spec, leaving.accessToken)
    await new Promise((r) => setTimeout(r, 200))
    expect(socket.isOpen).toBe(true)
    const removed = await apiRequest(
      a,
      'DELETE',
      `/api/programs/${programId}/coordinators/${leaving.personId}`,
      { token: staying.accessToken }
    )
    expect(removed.status).toBe(204)
    // Within a second of the removal's answer (waitClosed fails after that).
    expect((await socket.waitClosed(1000)).code).toBe(CLOSE_CODE.forbidden)
  })

  it('counts sign-in mail for one address once across the instances', async () => {
    if (cluster().instances.length < 2) await cluster().add()
    const [a, b] = cluster().instances as [
      ReturnType<typeof cluster>['instances'][number],
      ReturnType<typeof cluster>['instances'][number],
    ]
    const email = uniqueEmail('shared-budget')
    const ask = (server: { url: string }) =>
      fetch(`${server.url}/api/auth/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      }).then((r) => r.status)
    expect([await ask(a), await ask(b), await ask(a)]).toEqual([202, 202, 202])
    expect(await ask(b)).toBe(429)
  })
})
