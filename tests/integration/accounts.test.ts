/**
 * Accounts against a real server and a real SMTP server: signing in by email (enumeration-safe, one-time,
 * expiring, hashed, rate-limited), sessions per device, coordinators per program, removal (issue 11).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  AuditLog,
  CLOSE_CODE,
  Me,
  ProgramFigures,
  SessionList,
  SignInResponse,
  teamDocuments,
} from '@specboard/shared'
import {
  acceptInvite,
  apiRequest,
  createInvite,
  createProgram,
  createTeam,
  getMe,
  uniqueEmail,
} from '../helpers/api.ts'
import { type TestSmtpServer, linkIn, startSmtpServer } from '../helpers/smtpServer.ts'
import { type TestServer, startServer } from '../helpers/startServer.ts'
import { RawSocket } from '../helpers/wsClient.ts'
import { loadDocFromDisk, queryStore } from '../helpers/disk.ts'
import { listThreads } from '../../server/src/feedback/threadStore.ts'

let smtp: TestSmtpServer
let server: TestServer

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startServer({
    env: {
      SMTP_URL: smtp.url,
      MAIL_RETRY_DELAYS_MS: '50,100',
      SIGNIN_MAIL_PER_ADDRESS: '3',
      SIGNIN_MAIL_PER_CLIENT: '6',
      // Each test speaks from its own client address, so the per-client budgets stay apart.
      TRUST_PROXY: '1',
    },
  })
})
afterEach((context) => {
  if (context.task.result?.state === 'fail')
    console.error(`--- server log ---\n${server.logs().slice(-20_000)}`)
})
afterAll(async () => {
  await server?.stop()
  await smtp?.close()
})

/** A program made by the operations token, as `{ id }`. */
const newProgram = async (name: string) => ({ id: await createProgram(server, name) })

let clientCounter = 0
/** A client address of its own for one test. */
const newClient = () => `203.0.113.${++clientCounter}`

async function askForLink(email: string, client: string, lang = 'ja') {
  const response = await fetch(`${server.url}/api/auth/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ email, lang }),
  })
  return { status: response.status, text: await response.text() }
}

/** The sign-in mail (ja), not an address confirmation or an appointment. */
const isSignInMail = (m: { subject: string }) => m.subject === 'Specboard へのサインインリンク'

const tokenOf = (link: string) => link.split('/signin/')[1]!

/** Follows a mailed link on a device; `as` is the session that device is signed in with, if any. */
async function signIn(token: string, userAgent = 'test-device', as: string | null = null) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': userAgent,
  }
  if (as) headers.authorization = `Bearer ${as}`
  const response = await fetch(`${server.url}/api/auth/signin`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ token }),
  })
  return {
    status: response.status,
    body: await response.json(),
    cookie: response.headers.get('set-cookie'),
  }
}

/**
 * A new person in a new team of a new program, with their address confirmed the usual way (the mailed
 * link followed in the browser that joined); returns their token too.
 */
async function memberWithEmail(role: 'owner' | 'caretaker' | 'talent' | 'reviewer' = 'talent') {
  const program = await newProgram('Accounts program')
  const team = await createTeam(server, program.id, 'Accounts team')
  const email = uniqueEmail('member')
  const invite = await createInvite(server, team.id, role)
  const accepted = await acceptInvite(server, invite.token, 'Member', null, email)
  const mail = await smtp.waitFor(email, (m) => m.subject.includes('確認'))
  const confirmed = await signIn(
    tokenOf(linkIn(mail, '/signin/')),
    'test-device',
    accepted.accessToken
  )
  expect(confirmed.status).toBe(200)
  return { email, ...accepted }
}

describe('signing in by email', () => {
  it('answers the same for a known and an unknown address, and mails only the known one', async () => {
    const { email } = await memberWithEmail()
    const client = newClient()
    const unknown = uniqueEmail('nobody')
    const known = await askForLink(email, client)
    const other = await askForLink(unknown, client)
    expect(known).toEqual({ status: 202, text: '{"status":"sent_if_known"}' })
    expect(other).toEqual(known)
    const mail = await smtp.waitFor(email, isSignInMail)
    expect(mail.subject).toBe('Specboard へのサインインリンク')
    expect(mail.html).toContain('/signin/')
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.messages.some((m) => m.to.includes(unknown))).toBe(false)
  })

  it('signs in on a new device as the same person with every membership, once per link', async () => {
    const member = await memberWithEmail('caretaker')
    const before = await getMe(server, member.accessToken)
    await askForLink(member.email.toUpperCase(), newClient(), 'en')
    const mail = await smtp.waitFor(member.email, (m) => m.subject.includes('sign-in link'))
    const token = tokenOf(linkIn(mail, '/signin/'))
    const first = await signIn(token, 'Second phone')
    expect(first.status).toBe(200)
    const session = SignInResponse.parse(first.body)
    expect(first.cookie).toContain(`sb_token=${session.accessToken}`)
    const after = await getMe(server, session.accessToken)
    expect(after.person.id).toBe(before.person.id)
    expect(after.memberships).toEqual(before.memberships)
    // The link is single-use: the second try is refused and starts no session.
    const again = await signIn(token)
    expect(again.status).toBe(410)
    expect(again.body.error.code).toBe('signin_link_invalid')
    // Only the hash of the token is stored.
    const stored = (await queryStore(server, 'SELECT token_hash FROM signin_tokens')).map(
      (r) => r.token_hash
    )
    expect(stored).not.toContain(token)
    expect(JSON.stringify(stored)).not.toContain(token)
  })

  it('refuses an expired link', async () => {
    const { email } = await memberWithEmail()
    await askForLink(email, newClient())
    const token = tokenOf(linkIn(await smtp.waitFor(email, isSignInMail), '/signin/'))
    // 16 minutes later, as far as the stored link is concerned.
    await queryStore(server, 'UPDATE signin_tokens SET expires_at = ? WHERE email = ?', [
      new Date(Date.now() - 60_000).toISOString(),
      email,
    ])
    const response = await signIn(token)
    expect(response.status).toBe(410)
    expect((await apiRequest(server, 'GET', '/api/me', { token: null })).status).toBe(401)
  })

  it('refuses unknown and malformed tokens with a clear error', async () => {
    expect((await signIn('not-a-real-token')).status).toBe(410)
    const empty = await apiRequest(server, 'POST', '/api/auth/signin', { token: null, body: {} })
    expect(empty.status).toBe(400)
    const bad = await askForLink('not an address', newClient())
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('email')
  })

  it('limits sign-in mail per address and per client, known address or not', async () => {
    const { email } = await memberWithEmail()
    // Per address: three mails in 15 minutes, from any client — the confirmation sent on joining
    // was the first.
    for (let i = 0; i < 2; i++) expect((await askForLink(email, newClient())).status).toBe(202)
    expect((await askForLink(email, newClient())).status).toBe(429)
    const unknown = uniqueEmail('nobody')
    for (let i = 0; i < 3; i++) expect((await askForLink(unknown, newClient())).status).toBe(202)
    expect((await askForLink(unknown, newClient())).status).toBe(429)
    // Per client: six in 15 minutes, whatever the addresses.
    const client = newClient()
    for (let i = 0; i < 6; i++) expect((await askForLink(uniqueEmail(), client)).status).toBe(202)
    const limited = await askForLink(uniqueEmail(), client)
    expect(limited.status).toBe(429)
    expect(limited.text).toContain('rate_limited')
    await new Promise((r) => setTimeout(r, 300))
    // Counted by address: mail of earlier tests may still be arriving.
    const to = (address: string) => smtp.messages.filter((m) => m.to.includes(address)).length
    expect(to(email)).toBe(3)
    expect(to(unknown)).toBe(0)
  })
})

describe('confirmation mail on joining', () => {
  it('stays within the address budget however often an invite is accepted with one address', async () => {
    const program = await newProgram('Mail cannon')
    const team = await createTeam(server, program.id, 'Mail cannon team')
    const made = await apiRequest(server, 'POST', `/api/teams/${team.id}/invites`, {
      body: { role: 'talent', maxUses: 6 },
    })
    const invite = (made.body as { token: string }).token
    const victim = uniqueEmail('victim')
    // The first joins with the address; later ones find it held, so each is answered by a mail to it
    // (202), until the address's budget is spent (429, the invite's use not spent either).
    const statuses: number[] = []
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await apiRequest(server, 'POST', `/api/invites/${invite}/accept`, {
            token: null,
            body: { name: `Joiner ${i}`, email: victim },
          })
        ).status
      )
    expect(statuses).toEqual([200, 202, 202, 429, 429, 429])
    await new Promise((r) => setTimeout(r, 500))
    expect(smtp.messages.filter((m) => m.to.includes(victim))).toHaveLength(3)
  })
})

describe('sessions', () => {
  it('lists each device and signs out everywhere', async () => {
    const member = await memberWithEmail()
    await askForLink(member.email, newClient())
    const token = tokenOf(linkIn(await smtp.waitFor(member.email, isSignInMail), '/signin/'))
    const laptop = SignInResponse.parse((await signIn(token, 'Laptop browser')).body)
    const openBoard = await RawSocket.open(
      server,
      teamDocuments(member.teamId).spec,
      member.accessToken
    )
    const list = await apiRequest(server, 'GET', '/api/me/sessions', { token: laptop.accessToken })
    const sessions = SessionList.parse(list.body).sessions
    expect(sessions).toHaveLength(2)
    expect(sessions.filter((s) => s.current).map((s) => s.device)).toEqual(['Laptop browser'])
    for (const s of sessions)
      expect(Date.parse(s.expiresAt) - Date.parse(s.lastUsedAt)).toBe(30 * 24 * 3600 * 1000)
    const out = await apiRequest(server, 'POST', '/api/auth/logout-everywhere', {
      token: laptop.accessToken,
    })
    expect(out.status).toBe(200)
    expect(out.body).toEqual({ ended: 2 })
    expect((await openBoard.waitClosed(1000)).code).toBe(CLOSE_CODE.unauthorized)
    for (const t of [laptop.accessToken, member.accessToken])
      expect((await apiRequest(server, 'GET', '/api/me', { token: t })).status).toBe(401)
  })

  it('ends a session after 30 days without use', async () => {
    const member = await memberWithEmail()
    expect((await apiRequest(server, 'GET', '/api/me', { token: member.accessToken })).status).toBe(
      200
    )
    await queryStore(
      server,
      'UPDATE access_tokens SET last_used_at = ? WHERE person_id = (SELECT id FROM people WHERE email = ?)',
      [new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString(), member.email]
    )
    expect((await apiRequest(server, 'GET', '/api/me', { token: member.accessToken })).status).toBe(
      401
    )
  })
})

describe('one person across invites', () => {
  it('joins the same person when an invite is accepted with an address that has an account, after the mailed link', async () => {
    const member = await memberWithEmail()
    const me = await getMe(server, member.accessToken)
    const otherProgram = await newProgram('Second region')
    const otherTeam = await createTeam(server, otherProgram.id, 'Second team')
    const invite = await createInvite(server, otherTeam.id, 'owner')
    const pending = await apiRequest(server, 'POST', `/api/invites/${invite.token}/accept`, {
      token: null,
      body: { name: 'Someone else', email: member.email },
    })
    expect(pending.status).toBe(202)
    expect(pending.body).toEqual({ status: 'confirm_by_mail', email: member.email })
    const mail = await smtp.waitFor(member.email, (m) => m.subject.includes('Second team'))
    const confirmed = SignInResponse.parse((await signIn(tokenOf(linkIn(mail, '/signin/')))).body)
    expect(confirmed.personId).toBe(me.person.id)
    expect(confirmed.joinedTeamId).toBe(otherTeam.id)
    const after = Me.parse(
      (await apiRequest(server, 'GET', '/api/me', { token: confirmed.accessToken })).body
    )
    expect(after.person.name).toBe('Member')
    expect(after.memberships.map((m) => m.teamId).sort()).toEqual(
      [member.teamId, otherTeam.id].sort()
    )
    const team = await apiRequest(server, 'GET', `/api/teams/${otherTeam.id}`)
    expect((team.body as { members: unknown[] }).members).toHaveLength(1)
  })
})

describe('coordinators per program', () => {
  it('appoints a coordinator by email, who signs in and coordinates only that program', async () => {
    const a = await newProgram('Program A')
    const b = await newProgram('Program B')
    const teamA = await createTeam(server, a.id, 'Team A')
    const teamB = await createTeam(server, b.id, 'Team B')
    const email = uniqueEmail('coordinator')
    const appointed = await apiRequest(server, 'POST', `/api/programs/${a.id}/coordinators`, {
      body: { email, lang: 'en' },
    })
    expect(appointed.status).toBe(201)
    const mail = await smtp.waitFor(email)
    expect(mail.subject).toBe('You now coordinate Program A on Specboard')
    const session = SignInResponse.parse((await signIn(tokenOf(linkIn(mail, '/signin/')))).body)
    const token = session.accessToken
    const call = (method: string, path: string, body?: unknown) =>
      apiRequest(server, method, path, { token, body })

    // In program A: everything a coordinator does.
    expect((await call('GET', `/api/programs/${a.id}`)).status).toBe(200)
    expect((await call('POST', `/api/programs/${a.id}/teams`, { name: 'New' })).status).toBe(201)
    expect((await call('POST', `/api/teams/${teamA.id}/invites`, { role: 'owner' })).status).toBe(
      201
    )
    expect((await call('PATCH', `/api/programs/${a.id}`, { region: 'Nagano' })).status).toBe(200)
    expect((await call('GET', `/api/programs/${a.id}/audit`)).status).toBe(200)
    expect((await call('POST', `/api/teams/${teamA.id}/rounds`, {})).status).toBe(201)
    expect(
      (await call('POST', `/api/programs/${a.id}/coordinators`, { email: uniqueEmail() })).status
    ).toBe(201)

    // In program B: nothing at all.
    const refused: [string, string, unknown?][] = [
      ['GET', `/api/programs/${b.id}`],
      ['PATCH', `/api/programs/${b.id}`, { name: 'Taken over' }],
      ['POST', `/api/programs/${b.id}/teams`, { name: 'Intruder' }],
      ['GET', `/api/programs/${b.id}/coordinators`],
      ['POST', `/api/programs/${b.id}/coordinators`, { email: uniqueEmail() }],
      ['GET', `/api/programs/${b.id}/audit`],
      ['GET', `/api/programs/${b.id}/audit.csv`],
      ['GET', `/api/programs/${b.id}/figures`],
      ['GET', `/api/teams/${teamB.id}`],
      ['POST', `/api/teams/${teamB.id}/invites`, { role: 'owner' }],
      ['POST', `/api/teams/${teamB.id}/rounds`, {}],
    ]
    for (const [method, path, body] of refused) {
      const response = await call(method, path, body)
      expect(response.status, `${method} ${path}`).toBe(403)
    }
    const docB = teamDocuments(teamB.id).spec
    const socket = await RawSocket.open(server, docB, token)
    expect((await socket.waitClosed()).code).toBe(CLOSE_CODE.forbidden)

    const audit = AuditLog.parse(
      (await apiRequest(server, 'GET', `/api/programs/${a.id}/audit`)).body
    )
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['coordinator.appoint', 'program.update'])
    )
  })
})

describe('removing a coordinator', () => {
  /** Appoints `email` coordinator of the program and follows the mailed link; their session token. */
  async function appoint(programId: string, email: string): Promise<SignInResponse> {
    const made = await apiRequest(server, 'POST', `/api/programs/${programId}/coordinators`, {
      body: { email, lang: 'en' },
    })
    expect(made.status).toBe(201)
    const mail = await smtp.waitFor(email, (m) => m.subject.includes('coordinate'))
    return SignInResponse.parse((await signIn(tokenOf(linkIn(mail, '/signin/')))).body)
  }

  it('closes their sockets at once, ends their rights, is audited, and keeps the last one', async () => {
    const program = await newProgram('Co-run program')
    const other = await newProgram('Other program')
    const team = await createTeam(server, program.id, 'Co-run team')
    const first = await appoint(program.id, uniqueEmail('first-coordinator'))
    const second = await appoint(program.id, uniqueEmail('second-coordinator'))
    const outsider = await appoint(other.id, uniqueEmail('other-coordinator'))
    const path = (personId: string) => `/api/programs/${program.id}/coordinators/${personId}`

    // A coordinator of another program cannot; an unknown person is named as such.
    const foreign = await apiRequest(server, 'DELETE', path(first.personId), {
      token: outsider.accessToken,
    })
    expect(foreign.status).toBe(403)
    expect((await apiRequest(server, 'DELETE', path('nobody'))).status).toBe(404)

    const board = await RawSocket.open(server, teamDocuments(team.id).spec, first.accessToken)
    const started = Date.now()
    const removed = await apiRequest(server, 'DELETE', path(first.personId), {
      token: second.accessToken,
    })
    expect(removed.status).toBe(204)
    expect((await board.waitClosed(1000)).code).toBe(CLOSE_CODE.forbidden)
    expect(Date.now() - started).toBeLessThan(1000)
    const asFirst = (method: string, p: string) =>
      apiRequest(server, method, p, { token: first.accessToken })
    expect((await asFirst('GET', `/api/programs/${program.id}`)).status).toBe(403)
    expect((await asFirst('GET', `/api/teams/${team.id}`)).status).toBe(403)
    const listed = await apiRequest(server, 'GET', `/api/programs/${program.id}/coordinators`)
    expect(
      (listed.body as { coordinators: { personId: string }[] }).coordinators.map((c) => c.personId)
    ).toEqual([second.personId])

    // The last coordinator stays, even for the setup account, with a clear error.
    const last = await apiRequest(server, 'DELETE', path(second.personId))
    expect(last.status).toBe(409)
    expect((last.body as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'last_coordinator',
    })
    expect(
      (
        await apiRequest(server, 'GET', `/api/programs/${program.id}`, {
          token: second.accessToken,
        })
      ).status
    ).toBe(200)

    const audit = AuditLog.parse(
      (await apiRequest(server, 'GET', `/api/programs/${program.id}/audit`)).body
    )
    const entry = audit.entries.find((e) => e.action === 'coordinator.remove')
    expect(entry).toMatchObject({ actor: { personId: second.personId } })
  })
})

describe('removing a member', () => {
  it('closes their open sockets at once, stops their access, and records who did it', async () => {
    const member = await memberWithEmail('talent')
    const spec = teamDocuments(member.teamId).spec
    const comment = await apiRequest(server, 'POST', `/api/teams/${member.teamId}/threads`, {
      token: member.accessToken,
      body: { sectionKey: 'what', body: 'A question before I leave' },
    })
    expect(comment.status).toBe(201)
    const socket = await RawSocket.open(server, spec, member.accessToken)
    await new Promise((r) => setTimeout(r, 100))
    expect(socket.isOpen).toBe(true)
    const started = Date.now()
    const removed = await apiRequest(
      server,
      'DELETE',
      `/api/teams/${member.teamId}/members/${member.memberId}`
    )
    expect(removed.status).toBe(204)
    const closed = await socket.waitClosed(1000)
    expect(closed.code).toBe(CLOSE_CODE.forbidden)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(
      (
        await apiRequest(server, 'GET', `/api/teams/${member.teamId}`, {
          token: member.accessToken,
        })
      ).status
    ).toBe(403)
    const again = await RawSocket.open(server, spec, member.accessToken)
    expect((await again.waitClosed()).code).toBe(CLOSE_CODE.forbidden)
    // Their comment keeps their name.
    const feedback = await loadDocFromDisk(server, teamDocuments(member.teamId).feedback)
    expect(listThreads(feedback).map((t) => [t.author.name, t.body])).toEqual([
      ['Member', 'A question before I leave'],
    ])
    const audit = AuditLog.parse(
      (await apiRequest(server, 'GET', `/api/programs/${member.programId}/audit`)).body
    )
    expect(audit.entries[0]).toMatchObject({
      action: 'member.remove',
      subject: 'Member',
      actor: { name: 'Administrator' },
    })
    const csv = await fetch(`${server.url}/api/programs/${member.programId}/audit.csv`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(await csv.text()).toContain('member.remove,Administrator,Member')
  })

  it('lets a caretaker remove their own team member but not a coordinator, nor members of another team', async () => {
    const program = await newProgram('Removal rights')
    const team = await createTeam(server, program.id, 'Own team')
    const other = await createTeam(server, program.id, 'Other team')
    const caretaker = await acceptInvite(
      server,
      (await createInvite(server, team.id, 'caretaker')).token,
      'Care'
    )
    const talent = await acceptInvite(
      server,
      (await createInvite(server, team.id, 'talent')).token,
      'Tal'
    )
    const elsewhere = await acceptInvite(
      server,
      (await createInvite(server, other.id, 'talent')).token,
      'Else'
    )
    const asCaretaker = (path: string) =>
      apiRequest(server, 'DELETE', path, { token: caretaker.accessToken })
    expect((await asCaretaker(`/api/teams/${other.id}/members/${elsewhere.memberId}`)).status).toBe(
      403
    )
    expect((await asCaretaker(`/api/teams/${team.id}/members/${talent.memberId}`)).status).toBe(204)
    expect((await asCaretaker(`/api/teams/${team.id}/members/${talent.memberId}`)).status).toBe(404)
    const asTalent = await apiRequest(
      server,
      'DELETE',
      `/api/teams/${other.id}/members/${elsewhere.memberId}`,
      { token: elsewhere.accessToken }
    )
    expect(asTalent.status).toBe(403)
  })
})

describe('program settings', () => {
  it('renames, retargets and retires sections, but never removes one', async () => {
    const program = await newProgram('Settings program')
    const current = (await apiRequest(server, 'GET', `/api/programs/${program.id}`)).body as {
      template: {
        sections: { key: string; retired?: boolean; title: { ja: string; en: string } }[]
      }
    }
    const sections = current.template.sections
    const dropped = await apiRequest(server, 'PATCH', `/api/programs/${program.id}`, {
      body: { template: { sections: sections.slice(1) } },
    })
    expect(dropped.status).toBe(400)
    expect((dropped.body as { error: { code: string } }).error.code).toBe('section_removed')
    const reordered = [
      { ...sections[1]!, title: { ja: '新しい題', en: 'New title' } },
      sections[0]!,
      ...sections.slice(2, -1),
      { ...sections.at(-1)!, retired: true },
      {
        key: 'budget',
        title: { ja: '予算', en: 'Budget' },
        prompt: { ja: '予算を書きましょう。', en: 'Write the budget.' },
      },
    ]
    const patched = await apiRequest(server, 'PATCH', `/api/programs/${program.id}`, {
      body: {
        name: 'Renamed program',
        targets: { applicants: 40, interviews: 72, placements: 5 },
        template: { sections: reordered },
      },
    })
    expect(patched.status).toBe(200)
    const after = (await apiRequest(server, 'GET', `/api/programs/${program.id}`)).body as {
      name: string
      targets: Record<string, number>
      template: { sections: { key: string; retired?: boolean }[] }
    }
    expect(after.name).toBe('Renamed program')
    expect(after.targets).toEqual({ applicants: 40, interviews: 72, placements: 5 })
    // The figures page compares each target, interviews held included, with what happened.
    const figures = ProgramFigures.parse(
      (await apiRequest(server, 'GET', `/api/programs/${program.id}/figures`)).body
    )
    expect(figures.progress.map((p) => [p.key, p.target])).toEqual([
      ['participants', null],
      ['applicants', 40],
      ['interviews', 72],
      ['placements', 5],
      ['talentPool', null],
    ])
    expect(after.template.sections.map((s) => s.key)).toEqual(reordered.map((s) => s.key))
    expect(after.template.sections.at(-2)?.retired).toBe(true)
    // Exports keep a retired section (with its title) for sheets that have it.
    const team = await createTeam(server, program.id, 'Export team')
    const exported = (await apiRequest(server, 'GET', `/api/teams/${team.id}/sheet.json`)).body as {
      sections: { key: string }[]
    }
    expect(exported.sections.map((s) => s.key)).toContain(reordered.at(-2)!.key)
    const empty = await apiRequest(server, 'PATCH', `/api/programs/${program.id}`, { body: {} })
    expect(empty.status).toBe(400)
  })
})
