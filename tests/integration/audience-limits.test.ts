/**
 * Issue 12: audience limits key on what the server knows — the viewer id it issued, the client address
 * (with TRUST_PROXY, the right-most hop the proxy wrote) — never on an id the client picks. A hall of 90
 * behind one address reacts freely; one client changing ids does not get dozens through.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CLOSE_CODE, ShareLink } from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import { createTeamFixture, useServer, type TeamFixture } from '../helpers/fixtures.ts'
import { collabUrl } from '../helpers/wsClient.ts'

/** The close code of an audience socket opened from `address` with `token`, or null if it stays open. */
function socketCloseCode(url: string, address: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { 'x-forwarded-for': address } })
    const timer = setTimeout(() => {
      ws.terminate()
      resolve(null)
    }, 1000)
    ws.on('close', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
    ws.on('error', reject)
  })
}

/** Failed tries an address gets at once, and how many more each second brings (FAILED_LINKS, failed tokens). */
const GUESS_BURST = 20
const GUESSES_PER_SECOND = 0.5

/**
 * Guesses from one address until three in a row are refused (at most 60): the answers in order. However
 * slowly a loaded machine makes them, the guesses let through stay within the burst plus what the
 * elapsed time refilled.
 */
async function guessUntilRefused<T>(guess: (i: number) => Promise<T>, refused: T): Promise<T[]> {
  const started = Date.now()
  const answers: T[] = []
  const isRefusedThrice = () => answers.length >= 3 && answers.slice(-3).every((a) => a === refused)
  for (let i = 0; i < 60 && !isRefusedThrice(); i++) answers.push(await guess(i))
  const refill = Math.ceil(((Date.now() - started) / 1000) * GUESSES_PER_SECOND)
  expect(answers.slice(-3)).toEqual([refused, refused, refused])
  expect(answers.filter((a) => a !== refused).length).toBeLessThanOrEqual(GUESS_BURST + refill)
  return answers
}

describe('audience rate limits', () => {
  const server = useServer({ env: { TRUST_PROXY: '1' } })
  let team: TeamFixture
  let token: string

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Hall')
    const link = await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/share-links`, {
      token: team.tokens.caretaker,
      body: {},
    })
    token = ShareLink.parse(link.body).token!
  })

  /** A POST as a browser behind the venue's proxy: `address` is what the proxy appends. */
  async function post(
    path: string,
    body: unknown,
    { cookie, address, spoofed }: { cookie?: string; address: string; spoofed?: string }
  ) {
    const response = await fetch(`${server().url}/api/audience/${token}/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // A client may send its own X-Forwarded-For; the proxy appends the address it saw.
        'x-forwarded-for': spoofed ? `${spoofed}, ${address}` : address,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(body),
    })
    const issued = response.headers.get('set-cookie')?.split(';')[0]
    return { status: response.status, cookie: issued ?? cookie }
  }

  /** Opening the link, as each person's browser does: it is issued a viewer id. */
  async function open(address: string): Promise<string> {
    const response = await fetch(`${server().url}/api/audience/${token}`, {
      headers: { 'x-forwarded-for': address },
    })
    expect(response.status).toBe(200)
    return response.headers.get('set-cookie')!.split(';')[0]
  }

  const clap = () => ({ teamId: team.teamId, kind: 'clap' })

  it('lets a hall of 90 behind one address react, about once a second each', async () => {
    const hall = '203.0.113.7'
    const people: string[] = []
    for (let i = 0; i < 90; i++) people.push(await open(hall))
    // An id counts once it is a moment old (a page is read before anyone taps).
    await new Promise((r) => setTimeout(r, 1100))
    for (let round = 0; round < 2; round++) {
      const statuses = await Promise.all(
        people.map((cookie) => post('reactions', clap(), { cookie, address: hall }))
      )
      expect(statuses.filter((s) => s.status === 202).length).toBe(90)
      await new Promise((r) => setTimeout(r, 1000))
    }
  })

  it('refuses most of a burst from one client, however it changes ids', async () => {
    const address = '198.51.100.23'
    const cookie = await open(address)
    await new Promise((r) => setTimeout(r, 1100))
    // The same cookie, a different viewerId in each body: the body's id counts for nothing.
    const sameCookie = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post('reactions', { ...clap(), viewerId: `fresh-id-${i}` }, { cookie, address })
      )
    )
    expect(sameCookie.filter((r) => r.status === 202).length).toBeLessThanOrEqual(4)
    // Dropping the cookie each time, and claiming other addresses in X-Forwarded-For.
    const noCookie = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        post('reactions', clap(), { address, spoofed: `10.0.0.${i}` })
      )
    )
    expect(noCookie.filter((r) => r.status === 202).length).toBe(0)
    // A forged cookie is no viewer id: it is treated as none, and a new one is issued.
    const forged = await post('reactions', clap(), {
      cookie: `sb_viewer=AAAAAAAAAAAAAAAAAAAAAA.${Date.now() - 60_000}.forged`,
      address: '192.0.2.99',
    })
    expect(forged.status).toBe(429)
    expect(forged.cookie).not.toContain('forged')
  })

  it('takes a couple of join requests per viewer, not forty', async () => {
    const address = '198.51.100.77'
    const cookie = await open(address)
    await new Promise((r) => setTimeout(r, 1100))
    const join = (i: number) =>
      post(
        'join',
        {
          teamId: team.teamId,
          name: `Joiner ${i}`,
          contact: `joiner${i}@example.jp`,
          howToHelp: 'I can help with design.',
          consent: true,
        },
        { cookie, address }
      )
    const statuses: number[] = []
    for (let i = 0; i < 40; i++) statuses.push((await join(i)).status)
    expect(statuses.filter((s) => s === 201).length).toBe(2)
    expect(statuses.at(-1)).toBe(429)
    const leads = await apiRequest(server(), 'GET', `/api/programs/${team.programId}/leads`)
    expect(
      (leads.body as { leads: { name: string }[] }).leads.filter((l) => l.name.startsWith('Joiner'))
    ).toHaveLength(2)
  })

  it('limits unknown tokens per client address, and never a valid one', async () => {
    const call = (token: string, address: string) =>
      fetch(`${server().url}/api/me`, {
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address },
      }).then((r) => r.status)
    const guesses = await guessUntilRefused((i) => call(`guess-${i}`, '198.51.100.200'), 429)
    expect(guesses.slice(0, 10).every((s) => s === 401)).toBe(true)
    // The person whose address that is still gets in with their real token; other addresses are untouched.
    expect(await call(team.tokens.owner, '198.51.100.200')).toBe(200)
    expect(await call('guess-x', '198.51.100.201')).toBe(401)
  })

  it('limits guessed share links per client address, never the hall that opens the real one', async () => {
    const open = (link: string, address: string) =>
      fetch(`${server().url}/api/audience/${link}`, {
        headers: { 'x-forwarded-for': address },
      }).then((r) => r.status)
    const guesses = await guessUntilRefused((i) => open(`guess-${i}`, '198.51.100.210'), 429)
    expect(guesses.slice(0, 10).every((s) => s === 404)).toBe(true)
    // 90 people behind that same venue address open the real link: every one gets in.
    const hall = await Promise.all(Array.from({ length: 90 }, () => open(token, '198.51.100.210')))
    expect(hall.every((s) => s === 200)).toBe(true)
    // Another address is untouched.
    expect(await open('guess-x', '198.51.100.211')).toBe(404)
  })

  it('limits guessed share links at the audience socket too, and admits the real link', async () => {
    const document = `stage:${team.teamId}`
    const codes = await guessUntilRefused(
      (i) => socketCloseCode(collabUrl(server(), document, `guess-${i}`), '198.51.100.220'),
      CLOSE_CODE.rateLimited as number | null
    )
    expect(codes.slice(0, 10).every((c) => c === CLOSE_CODE.unauthorized)).toBe(true)
    // The real link still opens from that address (it stays open).
    expect(await socketCloseCode(collabUrl(server(), document, token), '198.51.100.220')).toBeNull()
  })
})
