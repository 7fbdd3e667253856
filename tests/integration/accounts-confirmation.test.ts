/**
 * Issue 11: an address given when joining counts only after a link mailed to it was followed. Someone
 * holding an invite who types another person's address (a squatter) gets an account the address lets
 * nobody into: the owner's later invites, sign-in mail and appointments need her mail, and once she
 * follows one the account is hers and the squatter is out. The owner's confirmation makes no second
 * person, nor does joining again from another device or being appointed before confirming; accepting
 * with a held address answers 202 once per invite use.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CLOSE_CODE, Me, SignInResponse, teamDocuments } from '@specboard/shared'
import {
  acceptInvite,
  apiRequest,
  createInvite,
  createProgram,
  createTeam,
  getMe,
  uniqueEmail,
} from '../helpers/api.ts'
import { queryStore } from '../helpers/disk.ts'
import { type TestSmtpServer, linkIn, startSmtpServer } from '../helpers/smtpServer.ts'
import { type TestServer, startServer } from '../helpers/startServer.ts'
import { RawSocket } from '../helpers/wsClient.ts'

let smtp: TestSmtpServer
let server: TestServer

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startServer({ env: { SMTP_URL: smtp.url, MAIL_RETRY_DELAYS_MS: '50,100' } })
})
afterEach((context) => {
  if (context.task.result?.state === 'fail')
    console.error(`--- server log ---\n${server.logs().slice(-20_000)}`)
})
afterAll(async () => {
  await server?.stop()
  await smtp?.close()
})

const mailCount = (to: string) => smtp.messages.filter((m) => m.to.includes(to)).length

/** The link of the next mail to `to` after `seen` mails (waits for it). */
async function nextLink(to: string, seen: number): Promise<string> {
  const deadline = Date.now() + 10_000
  while (mailCount(to) <= seen) {
    if (Date.now() > deadline) throw new Error(`no new mail to ${to}`)
    await new Promise((r) => setTimeout(r, 25))
  }
  const mail = smtp.messages.filter((m) => m.to.includes(to)).at(-1)!
  return linkIn(mail, '/signin/').split('/signin/')[1]!
}

/** Follows a mailed link; `as` is the session of the device that follows it, if any. */
async function follow(token: string, as: string | null = null) {
  const response = await apiRequest(server, 'POST', '/api/auth/signin', {
    token: as,
    body: { token },
  })
  return { status: response.status, body: response.body }
}

async function newTeam(name: string) {
  const programId = await createProgram(server, `${name} program`)
  return { ...(await createTeam(server, programId, name)), programId }
}

async function inviteTo(teamId: string, maxUses?: number) {
  if (maxUses === undefined) return (await createInvite(server, teamId, 'talent')).token
  const made = await apiRequest(server, 'POST', `/api/teams/${teamId}/invites`, {
    body: { role: 'talent', maxUses },
  })
  return (made.body as { token: string }).token
}

const acceptAnonymously = (inviteToken: string, name: string, email: string) =>
  apiRequest(server, 'POST', `/api/invites/${inviteToken}/accept`, {
    token: null,
    body: { name, email },
  })

const peopleWith = async (email: string) =>
  (
    await queryStore(server, 'SELECT id FROM people WHERE email = ? OR unconfirmed_email = ?', [
      email,
      email,
    ])
  ).length

describe('the normal path', () => {
  it('joins at once, confirms in the same browser, and never makes a second person', async () => {
    const team = await newTeam('Normal')
    const email = uniqueEmail('owner')
    const seen = mailCount(email)
    const joined = await acceptInvite(server, await inviteTo(team.id), 'Hana', null, email)
    const before = await getMe(server, joined.accessToken)
    expect(before.person).toMatchObject({ email: null, unconfirmedEmail: email })
    expect(before.memberships.map((m) => m.teamId)).toEqual([team.id])

    const confirmed = await follow(await nextLink(email, seen), joined.accessToken)
    expect(confirmed.status).toBe(200)
    const result = SignInResponse.parse(confirmed.body)
    expect(result).toMatchObject({ personId: before.person.id, endedOtherSessions: false })
    // The device keeps its session.
    expect(result.accessToken).toBe(joined.accessToken)
    expect((await getMe(server, joined.accessToken)).person).toMatchObject({
      id: before.person.id,
      email,
      unconfirmedEmail: null,
    })

    // Later, a second team by invite: the confirmed address reaches the same person.
    const second = await newTeam('Normal second')
    const seenAgain = mailCount(email)
    const pending = await acceptAnonymously(await inviteTo(second.id), 'Hana', email)
    expect(pending.status).toBe(202)
    const joinedSecond = SignInResponse.parse((await follow(await nextLink(email, seenAgain))).body)
    expect(joinedSecond).toMatchObject({ personId: before.person.id, joinedTeamId: second.id })
    expect(await peopleWith(email)).toBe(1)
  })

  it('confirmed from another device: the same person, and the first device signs in again', async () => {
    const team = await newTeam('Two devices')
    const email = uniqueEmail('phone')
    const seen = mailCount(email)
    const joined = await acceptInvite(server, await inviteTo(team.id), 'Ken', null, email)
    const me = await getMe(server, joined.accessToken)
    const phone = SignInResponse.parse((await follow(await nextLink(email, seen))).body)
    expect(phone).toMatchObject({ personId: me.person.id, endedOtherSessions: true })
    expect((await getMe(server, phone.accessToken)).memberships).toEqual(me.memberships)
    expect((await apiRequest(server, 'GET', '/api/me', { token: joined.accessToken })).status).toBe(
      401
    )
    expect(await peopleWith(email)).toBe(1)
  })

  it('mails the confirmation again from the account, and says when there is nothing to confirm', async () => {
    const team = await newTeam('Resend')
    const email = uniqueEmail('resend')
    const seen = mailCount(email)
    const joined = await acceptInvite(server, await inviteTo(team.id), 'Yui', null, email)
    await nextLink(email, seen)
    const resent = await apiRequest(server, 'POST', '/api/me/email/confirmation', {
      token: joined.accessToken,
      body: { lang: 'en' },
    })
    expect(resent.status).toBe(202)
    expect(resent.body).toEqual({ status: 'sent', email })
    const link = await nextLink(email, seen + 1)
    expect(smtp.messages.at(-1)?.subject).toBe('Confirm your address for Specboard')
    expect((await follow(link, joined.accessToken)).status).toBe(200)
    const again = await apiRequest(server, 'POST', '/api/me/email/confirmation', {
      token: joined.accessToken,
      body: {},
    })
    expect(again.status).toBe(409)
    expect((again.body as { error: { code: string } }).error.code).toBe('nothing_to_confirm')
  })
})

describe('the same person on two devices, before confirming', () => {
  it('joins a second team with the unconfirmed address as the same person, never a second one', async () => {
    const email = uniqueEmail('twodevices')
    const first = await newTeam('Phone team')
    const phone = await acceptInvite(server, await inviteTo(first.id), 'Rin', null, email)
    const rin = await getMe(server, phone.accessToken)
    await nextLink(email, 0) // the confirmation, left unopened
    // On the laptop, not signed in, a second invite with the same address: proven by mail first.
    const second = await newTeam('Laptop team')
    const seen = mailCount(email)
    const pending = await acceptAnonymously(await inviteTo(second.id), 'Rin', email)
    expect(pending.status).toBe(202)
    expect(pending.body).toEqual({ status: 'confirm_by_mail', email })
    const laptop = SignInResponse.parse((await follow(await nextLink(email, seen))).body)
    expect(laptop).toMatchObject({ personId: rin.person.id, joinedTeamId: second.id })
    expect(
      (await getMe(server, laptop.accessToken)).memberships.map((m) => m.teamId).sort()
    ).toEqual([first.id, second.id].sort())
    expect(await peopleWith(email)).toBe(1)
  })
})

describe('a squatter who joins with the owner’s address', () => {
  it('gains nothing from it, and loses the account once the owner reads her mail', async () => {
    const email = uniqueEmail('alice')
    const squatTeam = await newTeam('Squatted')
    const squatter = await acceptInvite(
      server,
      await inviteTo(squatTeam.id),
      'Mallory',
      null,
      email
    )
    const mallory = await getMe(server, squatter.accessToken)
    expect(mallory.person).toMatchObject({ email: null, unconfirmedEmail: email })
    const squattersMail = await nextLink(email, 0)

    // The owner joins her own team with her address. The address is held (the server cannot tell a
    // squatter's claim from her own on another device), so she is asked to prove it by mail.
    const ownTeam = await newTeam('Own')
    const seen = mailCount(email)
    const pending = await acceptAnonymously(await inviteTo(ownTeam.id), 'Alice', email)
    expect(pending.status).toBe(202)
    // Meanwhile the claim gave the squatter nothing of hers.
    expect((await getMe(server, squatter.accessToken)).memberships.map((m) => m.teamId)).toEqual([
      squatTeam.id,
    ])
    expect(
      (await apiRequest(server, 'GET', `/api/teams/${ownTeam.id}`, { token: squatter.accessToken }))
        .status
    ).toBe(403)

    // She follows the mail on her own device: the account that claimed her address is hers now, with
    // her team; whoever made the claim is signed out everywhere.
    const alice = SignInResponse.parse((await follow(await nextLink(email, seen))).body)
    expect(alice).toMatchObject({
      personId: mallory.person.id,
      joinedTeamId: ownTeam.id,
      endedOtherSessions: true,
    })
    expect(
      (await apiRequest(server, 'GET', '/api/me', { token: squatter.accessToken })).status
    ).toBe(401)
    const aliceMe = await getMe(server, alice.accessToken)
    expect(aliceMe.person).toMatchObject({ email, unconfirmedEmail: null })
    expect(aliceMe.memberships.map((m) => m.teamId)).toContain(ownTeam.id)
    // The mail the squatter caused reaches the owner too.
    expect(SignInResponse.parse((await follow(squattersMail)).body).personId).toBe(alice.personId)

    // Her sign-in by email, on a new device, reaches her.
    const seenSignIn = mailCount(email)
    await apiRequest(server, 'POST', '/api/auth/email', { token: null, body: { email } })
    const signedIn = SignInResponse.parse((await follow(await nextLink(email, seenSignIn))).body)
    expect(signedIn.personId).toBe(alice.personId)

    // Her next invite and a coordinator appointment reach her too.
    const later = await newTeam('Later')
    const seenLater = mailCount(email)
    expect((await acceptAnonymously(await inviteTo(later.id), 'Alice', email)).status).toBe(202)
    const joinedLater = SignInResponse.parse((await follow(await nextLink(email, seenLater))).body)
    expect(joinedLater).toMatchObject({ personId: alice.personId, joinedTeamId: later.id })
    const appointed = await apiRequest(
      server,
      'POST',
      `/api/programs/${later.programId}/coordinators`,
      { body: { email } }
    )
    expect((appointed.body as { personId: string }).personId).toBe(alice.personId)
    expect(await peopleWith(email)).toBe(1)
  })

  it('loses the account, sessions and open sockets when the owner follows a link first', async () => {
    const email = uniqueEmail('bob')
    const team = await newTeam('Taken back')
    const seen = mailCount(email)
    const squatter = await acceptInvite(server, await inviteTo(team.id), 'Mallory', null, email)
    const board = await RawSocket.open(server, teamDocuments(team.id).spec, squatter.accessToken)
    const link = await nextLink(email, seen)
    // The owner opens the mail the squatter caused, on his own device.
    const owner = SignInResponse.parse((await follow(link)).body)
    expect(owner.endedOtherSessions).toBe(true)
    expect((await board.waitClosed(2000)).code).toBe(CLOSE_CODE.unauthorized)
    expect(
      (await apiRequest(server, 'GET', '/api/me', { token: squatter.accessToken })).status
    ).toBe(401)
    expect(Me.parse(await getMe(server, owner.accessToken)).person.email).toBe(email)
    expect(await peopleWith(email)).toBe(1)
  })

  it('appointing a coordinator by a squatted address gives the squatter nothing', async () => {
    const email = uniqueEmail('carol')
    const team = await newTeam('Squat before appointment')
    const squatter = await acceptInvite(server, await inviteTo(team.id), 'Mallory', null, email)
    const squatterId = (await getMe(server, squatter.accessToken)).person.id
    const squattersMail = await nextLink(email, 0)
    const seen = mailCount(email)
    const appointed = await apiRequest(
      server,
      'POST',
      `/api/programs/${team.programId}/coordinators`,
      { body: { email } }
    )
    expect(appointed.status).toBe(201)
    const coordinatorId = (appointed.body as { personId: string }).personId
    expect(coordinatorId).not.toBe(squatterId)
    expect(
      (
        await apiRequest(server, 'GET', `/api/programs/${team.programId}/audit`, {
          token: squatter.accessToken,
        })
      ).status
    ).toBe(403)
    const appointment = await nextLink(email, seen)
    // Opened on Carol's own device. The server cannot tell a squatter's claim from Carol's own on
    // another device (the case below, 'someone who only claimed their address'): the claiming account
    // is hers now, with the appointment; whoever made the claim is signed out everywhere.
    const carol = SignInResponse.parse((await follow(appointment)).body)
    expect(carol).toMatchObject({ personId: squatterId, endedOtherSessions: true })
    expect(
      (await apiRequest(server, 'GET', '/api/me', { token: squatter.accessToken })).status
    ).toBe(401)
    // The confirmation the squatter caused is spent on nothing now: the address has its owner.
    expect(SignInResponse.parse((await follow(squattersMail)).body).personId).toBe(carol.personId)
    expect(
      (
        await apiRequest(server, 'GET', `/api/programs/${team.programId}/audit`, {
          token: carol.accessToken,
        })
      ).status
    ).toBe(200)
    // The placeholder the appointment made holds nothing any more.
    expect(
      await queryStore(server, 'SELECT id FROM memberships WHERE person_id = ?', [coordinatorId])
    ).toEqual([])
    expect(await peopleWith(email)).toBe(1)
  })
})

describe('an appointment whose address was squatted, opened through the squatter’s mail', () => {
  it('still makes the owner coordinator, and the squatter loses the account', async () => {
    const email = uniqueEmail('dave')
    const team = await newTeam('Fold')
    const squatter = await acceptInvite(server, await inviteTo(team.id), 'Mallory', null, email)
    const squattersMail = await nextLink(email, 0)
    const appointed = await apiRequest(
      server,
      'POST',
      `/api/programs/${team.programId}/coordinators`,
      { body: { email } }
    )
    expect(appointed.status).toBe(201)
    const dave = SignInResponse.parse((await follow(squattersMail)).body)
    expect(dave.endedOtherSessions).toBe(true)
    expect(
      (await apiRequest(server, 'GET', '/api/me', { token: squatter.accessToken })).status
    ).toBe(401)
    expect(
      (
        await apiRequest(server, 'GET', `/api/programs/${team.programId}/audit`, {
          token: dave.accessToken,
        })
      ).status
    ).toBe(200)
  })
})

describe('accepting with a confirmed address', () => {
  it('spends the single-use invite on the 202, and the owner’s link still joins', async () => {
    const email = uniqueEmail('known')
    const home = await newTeam('Home')
    const seen = mailCount(email)
    const owner = await acceptInvite(server, await inviteTo(home.id), 'Owner', null, email)
    await follow(await nextLink(email, seen), owner.accessToken)

    const team = await newTeam('Probed')
    const invite = await inviteTo(team.id)
    const seenProbe = mailCount(email)
    const probe = await acceptAnonymously(invite, 'Prober', email)
    expect(probe.status).toBe(202)
    // The invite is spent: a second probe (or anyone else) is refused like any used invite.
    const second = await acceptAnonymously(invite, 'Prober', uniqueEmail('unknown'))
    expect(second.status).toBe(410)
    expect((second.body as { error: { code: string } }).error.code).toBe('invite_used')
    const joined = SignInResponse.parse((await follow(await nextLink(email, seenProbe))).body)
    expect(joined.joinedTeamId).toBe(team.id)
    const members = await apiRequest(server, 'GET', `/api/teams/${team.id}`)
    expect((members.body as { members: unknown[] }).members).toHaveLength(1)
  })

  it('counts each 202 as a use of a multi-use invite', async () => {
    const email = uniqueEmail('known-multi')
    const home = await newTeam('Home multi')
    const seen = mailCount(email)
    const owner = await acceptInvite(server, await inviteTo(home.id), 'Owner', null, email)
    await follow(await nextLink(email, seen), owner.accessToken)
    const team = await newTeam('Multi')
    const invite = await inviteTo(team.id, 2)
    expect((await acceptAnonymously(invite, 'P', email)).status).toBe(202)
    expect((await acceptAnonymously(invite, 'P', email)).status).toBe(202)
    expect((await acceptAnonymously(invite, 'P', email)).status).toBe(410)
  })
})

describe('someone who only claimed their address, then is appointed coordinator by it', () => {
  /** Joins a team with an address left unconfirmed, then is appointed coordinator of another program. */
  async function claimedThenAppointed(prefix: string) {
    const email = uniqueEmail(prefix)
    const team = await newTeam(`${prefix} team`)
    const joined = await acceptInvite(server, await inviteTo(team.id), 'Emi', null, email)
    const me = await getMe(server, joined.accessToken)
    await nextLink(email, 0) // the confirmation mail, left unopened
    const programId = await createProgram(server, `${prefix} second program`)
    const seen = mailCount(email)
    // Appointed in English: the language chosen for their digest must reach the person too.
    const appointed = await apiRequest(server, 'POST', `/api/programs/${programId}/coordinators`, {
      body: { email, lang: 'en' },
    })
    expect(appointed.status).toBe(201)
    return { email, team, joined, me, programId, appointment: await nextLink(email, seen) }
  }

  /** One person: coordinator of the program and member of the team; nobody else holds the role. */
  async function expectOnePerson(
    token: string,
    personId: string,
    teamId: string,
    programId: string
  ) {
    const me = await getMe(server, token)
    expect(me.person.id).toBe(personId)
    expect(me.memberships.map((m) => m.teamId ?? m.programId).sort()).toEqual(
      [teamId, programId].sort()
    )
    const coordinators = await apiRequest(server, 'GET', `/api/programs/${programId}/coordinators`)
    const appointedOnes = (
      coordinators.body as { coordinators: { personId: string; email: string | null }[] }
    ).coordinators.filter((c) => c.personId === personId || c.email === me.person.email)
    expect(appointedOnes.map((c) => c.personId)).toEqual([personId])
    expect(
      await queryStore(server, 'SELECT id FROM memberships WHERE program_id = ?', [programId])
    ).toHaveLength((coordinators.body as { coordinators: unknown[] }).coordinators.length)
    const digest = await apiRequest(server, 'GET', `/api/programs/${programId}/digest`, { token })
    expect(digest.body).toMatchObject({ enabled: true, lang: 'en' })
  }

  it('signs in by email on a new device as the same person, who coordinates', async () => {
    const { email, team, me, programId } = await claimedThenAppointed('emi-signin')
    const seen = mailCount(email)
    await apiRequest(server, 'POST', '/api/auth/email', { token: null, body: { email } })
    const signedIn = SignInResponse.parse((await follow(await nextLink(email, seen))).body)
    expect(signedIn.personId).toBe(me.person.id)
    await expectOnePerson(signedIn.accessToken, me.person.id, team.id, programId)
  })

  it('follows the appointment link on another device: the same person', async () => {
    const { team, me, programId, appointment } = await claimedThenAppointed('emi-other')
    const opened = SignInResponse.parse((await follow(appointment)).body)
    expect(opened.personId).toBe(me.person.id)
    await expectOnePerson(opened.accessToken, me.person.id, team.id, programId)
  })

  it('follows the appointment link where she is signed in: the same person, the device kept', async () => {
    const { team, joined, me, programId, appointment } = await claimedThenAppointed('emi-same')
    const opened = SignInResponse.parse((await follow(appointment, joined.accessToken)).body)
    expect(opened).toMatchObject({ personId: me.person.id, endedOtherSessions: false })
    await expectOnePerson(joined.accessToken, me.person.id, team.id, programId)
  })
})
