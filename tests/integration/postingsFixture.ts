/**
 * Helpers for the posting tests: write a sheet through a real collaboration client, publish it through
 * the API, and apply through the public form as a browser without JavaScript would (urlencoded POST,
 * redirects not followed, so the test sees the 303 and its Location).
 */
import * as Y from 'yjs'
import { PostingDetail, type PostingFactsInput } from '@specboard/shared'
import { apiRequest } from '../helpers/api.ts'
import type { TestServer } from '../helpers/startServer.ts'
import { syncedProvider } from '../helpers/wsClient.ts'

const DAY_MS = 24 * 3600 * 1000

/** Valid facts, deadline a week ahead; override what a test is about. */
export function factsWith(overrides: Partial<PostingFactsInput> = {}): PostingFactsInput {
  return {
    title: 'コミュニティ設計の外部人材',
    region: '長野県',
    municipality: '塩尻市',
    periodStart: '2027-01-01',
    periodEnd: '2027-03-31',
    hoursPerMonth: 20,
    pay: { amount: 50000, unit: 'month' },
    workStyle: 'remote',
    skills: ['コミュニティ運営', 'SNS'],
    deadline: new Date(Date.now() + 7 * DAY_MS).toISOString(),
    ...overrides,
  }
}

/** Writes paragraphs into a section of the team's sheet as a live client, and waits until the server has them. */
export async function writeSection(
  server: TestServer,
  teamId: string,
  key: string,
  paragraphs: readonly string[]
): Promise<void> {
  const client = await syncedProvider(server, `spec:${teamId}`, server.adminToken)
  try {
    const fragment = client.doc.getXmlFragment(key)
    client.doc.transact(() => {
      fragment.insert(
        fragment.length,
        paragraphs.map((text) => {
          const p = new Y.XmlElement('paragraph')
          p.insert(0, [new Y.XmlText(text)])
          return p
        })
      )
    })
    const last = paragraphs.at(-1)!
    let seen = false
    for (let i = 0; i < 100 && !seen; i++) {
      const sheet = await apiRequest(server, 'GET', `/api/teams/${teamId}/sheet.json`)
      seen = JSON.stringify(sheet.body).includes(JSON.stringify(last).slice(1, -1))
      if (!seen) await new Promise((r) => setTimeout(r, 50))
    }
    if (!seen) throw new Error('the server never saw the written section')
  } finally {
    client.destroy()
  }
}

export async function publish(
  server: TestServer,
  teamId: string,
  facts: PostingFactsInput = factsWith(),
  slug?: string
) {
  const response = await apiRequest(server, 'POST', `/api/teams/${teamId}/posting`, {
    body: { facts, ...(slug ? { slug } : {}) },
  })
  if (response.status !== 201)
    throw new Error(`publish: ${response.status} ${JSON.stringify(response.body)}`)
  return PostingDetail.parse(response.body)
}

/** A complete, valid application form. */
export function formFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: '山田 花子',
    contact: 'hanako@example.com',
    motivation: '仕様書を読んでワクワクしました。編集の経験を活かしたいです。',
    skills: '編集、ライティング',
    links: 'https://example.com/hanako',
    consent_data: 'yes',
    consent_pool: 'yes',
    website: '',
    ...overrides,
  }
}

/** POSTs a form the way a browser does; redirects are returned, not followed. */
export async function postForm(
  server: TestServer,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {}
) {
  const response = await fetch(server.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: server.url,
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  })
  return {
    status: response.status,
    location: response.headers.get('location'),
    text: await response.text(),
    headers: response.headers,
  }
}

/** Applies through the public form and returns the private status token. */
export async function applyTo(
  server: TestServer,
  slug: string,
  overrides: Record<string, string> = {}
): Promise<string> {
  const result = await postForm(server, `/postings/${slug}/apply`, formFields(overrides))
  if (result.status !== 303)
    throw new Error(`apply: ${result.status}\n${result.text.slice(0, 2000)}`)
  return /\/applications\/([^?#]+)/.exec(result.location!)![1]
}

export async function getPage(server: TestServer, path: string) {
  const response = await fetch(server.url + path, { redirect: 'manual' })
  return { status: response.status, text: await response.text(), headers: response.headers }
}

/** The `{ code, message }` of an API error body. */
export function errorOf(response: { body: unknown }): { code: string; message: string } {
  return (response.body as { error: { code: string; message: string } }).error
}
