/**
 * Issue 12: the browser's cookie works only for the app's own pages — state-changing API calls and
 * WebSocket upgrades from another origin are refused — `?token=` is for /collab only, and links never
 * follow the Host header.
 */
import { request as httpRequest } from 'node:http'
import { beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CLOSE_CODE, TOKEN_COOKIE } from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import { createTeamFixture, useServer, type TeamFixture } from '../helpers/fixtures.ts'
import { collabUrl } from '../helpers/wsClient.ts'

interface RawResponse {
  readonly status: number
  readonly body: string
}

/** An HTTP call with exactly the headers given (fetch would not let a test set Host). */
function call(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** The close code of a socket opened with `origin` and the cookie, or null if it stays open. */
function socketCloseCode(url: string, cookie: string, origin?: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { cookie }, ...(origin ? { origin } : {}) })
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

describe('origin checks', () => {
  const server = useServer()
  let team: TeamFixture
  let cookie: string
  let ownOrigin: string

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Origins')
    cookie = `${TOKEN_COOKIE}=${team.tokens.caretaker}`
    ownOrigin = `http://localhost:${server().port}`
  })

  async function inviteCount(): Promise<number> {
    const list = await apiRequest(server(), 'GET', `/api/teams/${team.teamId}/invites`, {
      token: team.tokens.caretaker,
    })
    return (list.body as { invites: unknown[] }).invites.length
  }

  it.each([
    ['another port on localhost', { origin: 'http://localhost:1' }, 'application/json'],
    ['a sibling subdomain', { origin: 'http://evil.localhost:8787' }, 'text/plain'],
    [
      'a form on another site',
      { origin: 'https://evil.example' },
      'application/x-www-form-urlencoded',
    ],
    ['a page that sends no Origin', { 'sec-fetch-site': 'same-site' }, 'text/plain'],
    ['a sandboxed page', { origin: 'null' }, 'text/plain'],
  ])('refuses a cookie-authenticated invite from %s with 403', async (_label, extra, type) => {
    const before = await inviteCount()
    const response = await call(
      `${server().url}/api/teams/${team.teamId}/invites`,
      'POST',
      { cookie, 'content-type': type, ...extra },
      JSON.stringify({ role: 'talent' })
    )
    expect(response.status).toBe(403)
    expect(await inviteCount()).toBe(before)
  })

  it('accepts the same call from the app’s own origin', async () => {
    const before = await inviteCount()
    const response = await call(
      `${server().url}/api/teams/${team.teamId}/invites`,
      'POST',
      { cookie, 'content-type': 'application/json', origin: ownOrigin },
      JSON.stringify({ role: 'talent' })
    )
    expect(response.status).toBe(201)
    expect(await inviteCount()).toBe(before + 1)
  })

  it('refuses a WebSocket upgrade from a foreign origin, and admits the app’s own', async () => {
    const url = collabUrl(server(), team.documents.spec)
    expect(await socketCloseCode(url, cookie, 'http://localhost:1')).toBe(CLOSE_CODE.forbidden)
    expect(await socketCloseCode(url, cookie, 'https://evil.example')).toBe(CLOSE_CODE.forbidden)
    expect(await socketCloseCode(url, cookie, ownOrigin)).toBeNull()
  })

  it('takes ?token= on /collab only, not on the API', async () => {
    const viaQuery = await call(
      `${server().url}/api/teams/${team.teamId}/invites?token=${team.tokens.caretaker}`,
      'GET',
      {}
    )
    expect(viaQuery.status).toBe(401)
  })

  it('builds links from the listening origin, whatever Host says', async () => {
    const response = await call(
      `${server().url}/api/teams/${team.teamId}/share-links`,
      'POST',
      {
        authorization: `Bearer ${team.tokens.caretaker}`,
        host: 'evil.example',
        'content-type': 'application/json',
      },
      '{}'
    )
    expect(response.status).toBe(201)
    const { url } = JSON.parse(response.body) as { url: string }
    expect(url.startsWith(`${ownOrigin}/watch/`)).toBe(true)
  })
})
