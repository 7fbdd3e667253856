/**
 * The public side of publishing, against a real server: publishing validation, the posting page with its
 * JobPosting JSON-LD, inert user text, the Atom feed, applying without JavaScript, closing, unpublishing
 * and the per-address limit.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { Pipeline, TeamPosting } from '@specboard/shared'
import { apiRequest, createTeam } from '../helpers/api.ts'
import { createTeamFixture, useServer, type TeamFixture } from '../helpers/fixtures.ts'
import { childrenNamed, parseXml } from '../helpers/xml.ts'
import {
  applyTo,
  errorOf,
  factsWith,
  formFields,
  getPage,
  postForm,
  publish,
  writeSection,
} from './postingsFixture.ts'

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'

/** The JSON-LD blocks of a page. */
function jsonLdOf(page: string): Record<string, unknown>[] {
  return [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1])
  )
}

/** The attribute names of every tag of a page (our pages double-quote and escape every value). */
function attributeNames(page: string): string[] {
  const names: string[] = []
  for (const tag of page.matchAll(/<[a-zA-Z][\w-]*((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    for (const attr of tag[1].matchAll(/\s+([\w:-]+)(?:="[^"]*")?/g))
      names.push(attr[1].toLowerCase())
  }
  return names
}

/** Fails if the page holds any executable markup beyond its JSON-LD data block. */
function expectInert(page: string): void {
  const withoutLd = page.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '')
  expect(withoutLd).not.toMatch(/<script/i)
  expect(withoutLd).not.toMatch(/<img|<svg|<b /i)
  expect(attributeNames(withoutLd).filter((name) => name.startsWith('on'))).toEqual([])
  expect(withoutLd).not.toMatch(/href="\s*javascript:/i)
  for (const block of page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g))
    expect(block[1]).not.toMatch(/[<>]/)
}

describe('publishing a sheet as a public posting', () => {
  const server = useServer({ env: { APPLY_RATE_LIMIT: '3' } })
  let team: TeamFixture

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Publishing')
  })

  it('refuses an empty sheet, bad facts naming the field, and callers who may not publish', async () => {
    const empty = await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/posting`, {
      body: { facts: factsWith() },
    })
    expect(empty.status).toBe(409)
    expect(empty.body).toMatchObject({ error: { code: 'sheet_empty' } })

    await writeSection(server(), team.teamId, 'what', [
      '地域のワイン生産者と若いファンをつなぎます。',
    ])
    const noTitle = await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/posting`, {
      body: { facts: factsWith({ title: ' ' }) },
    })
    expect(noTitle.status).toBe(400)
    expect(errorOf(noTitle).message).toMatch(/^facts\.title:/)
    const past = await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/posting`, {
      body: { facts: factsWith({ deadline: '2020-01-01T00:00:00+09:00' }) },
    })
    expect(past.status).toBe(400)
    expect(errorOf(past).message).toMatch(/^facts\.deadline:/)
    const onsiteWithoutPlace = await apiRequest(
      server(),
      'POST',
      `/api/teams/${team.teamId}/posting`,
      { body: { facts: factsWith({ workStyle: 'onsite' }) } }
    )
    expect(errorOf(onsiteWithoutPlace).message).toMatch(/^facts\.location:/)

    for (const token of [
      team.tokens.owner,
      team.tokens.caretaker,
      team.tokens.talent,
      team.tokens.reviewer,
      team.outsiderToken,
    ]) {
      const refused = await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/posting`, {
        token,
        body: { facts: factsWith() },
      })
      expect(refused.status).toBe(403)
    }
    expect(
      (
        await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/posting`, {
          token: null,
          body: { facts: factsWith() },
        })
      ).status
    ).toBe(401)
  })

  it('serves the posting with JobPosting JSON-LD that has the required fields, Open Graph tags and a strict CSP', async () => {
    const posting = await publish(
      server(),
      team.teamId,
      factsWith({ title: 'ワインのコミュニティをつくる' }),
      'wine-community'
    )
    expect(posting).toMatchObject({
      slug: 'wine-community',
      version: 1,
      status: 'published',
      isOpen: true,
    })
    const page = await getPage(server(), '/postings/wine-community')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(page.headers.get('content-security-policy')).not.toContain('script-src')
    // The strict policy belongs to the public pages only; the API (and the SPA) are not under it.
    expect(
      (await fetch(`${server().url}/api/health`)).headers.get('content-security-policy')
    ).toBeNull()
    expect(page.text).toContain('<html lang="ja">')
    expect(page.text).toContain('<meta property="og:title" content="ワインのコミュニティをつくる">')
    expect(page.text).toContain('月額 ¥50,000')
    const [ld] = jsonLdOf(page.text)
    // Google's required JobPosting properties, and the ones this product promises.
    for (const key of ['title', 'description', 'datePosted', 'hiringOrganization'])
      expect(ld, key).toHaveProperty(key)
    expect(ld['@context']).toBe('https://schema.org')
    expect(ld['@type']).toBe('JobPosting')
    expect(ld.hiringOrganization).toMatchObject({
      '@type': 'Organization',
      name: expect.any(String),
    })
    expect((ld.hiringOrganization as { name: string }).name).not.toBe('')
    expect(ld.jobLocationType).toBe('TELECOMMUTE')
    expect(ld.applicantLocationRequirements).toMatchObject({ '@type': 'Country', name: 'JP' })
    expect(ld).toHaveProperty('validThrough')
    expect(['PART_TIME', 'CONTRACTOR']).toContain(ld.employmentType)
    expect(ld.baseSalary).toMatchObject({
      currency: 'JPY',
      value: { value: 50000, unitText: 'MONTH' },
    })
    expect(ld.description).toContain('地域のワイン生産者と若いファンをつなぎます。')
    expect(Number.isNaN(Date.parse(ld.datePosted as string))).toBe(false)

    const slugAgain = await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/posting`, {
      body: { facts: factsWith(), slug: 'another' },
    })
    expect(slugAgain.status).toBe(409)
  })

  it('renders script-like text in the sheet, the title and a tag inert', async () => {
    const hostile = await createTeam(server(), team.programId, 'Hostile')
    await writeSection(server(), hostile.id, 'what', [
      HOSTILE,
      '"><svg onload=alert(1)> &amp; javascript:alert(1)',
    ])
    const posting = await publish(
      server(),
      hostile.id,
      factsWith({
        title: `${HOSTILE} 募集`,
        skills: ['<b onmouseover=alert(1)>x</b>', 'SNS'],
        location: '</script>',
      })
    )
    const page = await getPage(server(), `/postings/${posting.slug}`)
    expect(page.status).toBe(200)
    expectInert(page.text)
    expect(page.text).toContain('&lt;script&gt;alert(')
    const [ld] = jsonLdOf(page.text)
    expect(ld.title).toBe(`${HOSTILE} 募集`)
    const list = await getPage(server(), '/postings')
    expectInert(list.text)
    const feed = await getPage(server(), '/postings.atom')
    expect(() => parseXml(feed.text)).not.toThrow()
  })

  it('publishes an Atom feed that parses, with one entry per open posting', async () => {
    const feed = await getPage(server(), '/postings.atom')
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toContain('application/atom+xml')
    const root = parseXml(feed.text)
    expect(root.name).toBe('feed')
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2005/Atom')
    for (const name of ['id', 'title', 'updated'])
      expect(childrenNamed(root, name), name).toHaveLength(1)
    const entries = childrenNamed(root, 'entry')
    expect(entries.length).toBe(2)
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated', 'link', 'content'])
        expect(childrenNamed(entry, name), name).toHaveLength(1)
      expect(childrenNamed(entry, 'link')[0].attrs.href).toMatch(/\/postings\//)
    }
    expect(entries.map((e) => childrenNamed(e, 'title')[0].text)).toContain(
      'ワインのコミュニティをつくる'
    )
  })

  it('takes an application from the form without JavaScript, and the status link shows the stage', async () => {
    const sent = await postForm(server(), '/postings/wine-community/apply', formFields())
    expect(sent.status).toBe(303)
    expect(sent.location).toMatch(/^\/applications\/[A-Za-z0-9_-]{40,}\?done=applied/)
    const status = await getPage(server(), sent.location!)
    expect(status.status).toBe(200)
    expect(status.headers.get('cache-control')).toBe('no-store')
    expect(status.text).toContain('応募を受け付けました')
    expect(status.text).toMatch(/<li class="current" aria-current="step">応募受付<\/li>/)
    expect(status.text).toMatch(
      /<p class="link-box">http:\/\/[^<]+\/applications\/[A-Za-z0-9_-]+<\/p>/
    )

    const posting = TeamPosting.parse(
      (await apiRequest(server(), 'GET', `/api/teams/${team.teamId}/posting`)).body
    ).posting!
    const pipeline = Pipeline.parse(
      (await apiRequest(server(), 'GET', `/api/postings/${posting.id}/applications`)).body
    )
    expect(pipeline.counts.applied).toBe(1)
    expect(pipeline.applications[0]).toMatchObject({
      name: '山田 花子',
      stage: 'applied',
      skills: ['編集', 'ライティング'],
      links: ['https://example.com/hanako'],
      consentPool: true,
    })
  })

  it('re-renders the form with the values kept and Japanese messages when fields are wrong', async () => {
    const sent = await postForm(
      server(),
      '/postings/wine-community/apply',
      formFields({ contact: 'nope', motivation: '短い', consent_data: '', name: '<b>太郎</b>' })
    )
    expect(sent.status).toBe(400)
    expect(sent.text).toContain('メールアドレスか電話番号を入力してください')
    expect(sent.text).toContain('応募の動機を10文字以上で書いてください')
    expect(sent.text).toContain('個人情報の取り扱いへの同意が必要です')
    expect(sent.text).toContain('value="&lt;b&gt;太郎&lt;/b&gt;"')
    expect(sent.text).toContain('value="nope"')
    expectInert(sent.text)
  })

  it('refuses a filled honeypot and a post from another site', async () => {
    const bot = await postForm(
      server(),
      '/postings/wine-community/apply',
      formFields({ website: 'http://spam.example' })
    )
    expect(bot.status).toBe(400)
    expect(bot.text).toContain('この欄は空のままにしてください')
    const crossSite = await postForm(server(), '/postings/wine-community/apply', formFields(), {
      origin: 'https://evil.example',
    })
    expect(crossSite.status).toBe(403)
  })

  it('limits applications per address', async () => {
    // The first test of this block applied once; the limit is 3 per 10 minutes.
    await applyTo(server(), 'wine-community', { contact: 'second@example.com' })
    await applyTo(server(), 'wine-community', { contact: 'third@example.com' })
    const fourth = await postForm(
      server(),
      '/postings/wine-community/apply',
      formFields({ contact: 'fourth@example.com' })
    )
    expect(fourth.status).toBe(429)
    expect(fourth.text).toContain('しばらく待ってから')
  })

  it('freezes the sheet: later edits show only after republishing, as a new version', async () => {
    await writeSection(server(), team.teamId, 'why', ['公開後に書き足した理由です。'])
    expect((await getPage(server(), '/postings/wine-community')).text).not.toContain(
      '公開後に書き足した理由です。'
    )
    const republished = await publish(
      server(),
      team.teamId,
      factsWith({ title: 'ワインのコミュニティをつくる（改訂）' })
    )
    expect(republished.version).toBe(2)
    expect(republished.versions.map((v) => v.version)).toEqual([1, 2])
    const page = await getPage(server(), '/postings/wine-community')
    expect(page.text).toContain('公開後に書き足した理由です。')
    expect(page.text).toContain('（第2版）')
  })

  it('closes by itself at the deadline: the page says so and an application is refused', async () => {
    const closing = await createTeam(server(), team.programId, 'Closing')
    await writeSection(server(), closing.id, 'what', ['締切の近い募集です。'])
    const posting = await publish(
      server(),
      closing.id,
      factsWith({ deadline: new Date(Date.now() + 1500).toISOString() })
    )
    expect(posting.isOpen).toBe(true)
    await new Promise((r) => setTimeout(r, 1600))
    const page = await getPage(server(), `/postings/${posting.slug}`)
    expect(page.text).toContain('この募集は締め切りました')
    expect(page.text).not.toContain('name="motivation"')
    const refused = await postForm(
      server(),
      `/postings/${posting.slug}/apply`,
      formFields({ contact: 'late@example.com' })
    )
    expect(refused.status).toBe(409)
    expect(refused.text).toContain('この募集は締め切りました')
    const pipeline = Pipeline.parse(
      (await apiRequest(server(), 'GET', `/api/postings/${posting.id}/applications`)).body
    )
    expect(pipeline.applications).toHaveLength(0)
    expect((await getPage(server(), '/postings')).text).not.toContain(`/postings/${posting.slug}"`)
    expect((await getPage(server(), '/postings?closed=1')).text).toContain(
      `/postings/${posting.slug}"`
    )
  })

  it('filters the list by keyword, region and remote work', async () => {
    expect((await getPage(server(), '/postings?q=%E3%83%AF%E3%82%A4%E3%83%B3')).text).toContain(
      '/postings/wine-community"'
    )
    expect((await getPage(server(), '/postings?q=nothing-matches-this')).text).toContain(
      '条件に合う募集は見つかりませんでした'
    )
    expect(
      (await getPage(server(), `/postings?region=${encodeURIComponent('埼玉県')}`)).text
    ).not.toContain('/postings/wine-community"')
    // Fully remote and partly remote are told apart (issue 14: "remote" used to match everything).
    expect((await getPage(server(), '/postings?style=onsite')).text).not.toContain(
      '/postings/wine-community"'
    )
    expect((await getPage(server(), '/postings?style=hybrid')).text).not.toContain(
      '/postings/wine-community"'
    )
    expect((await getPage(server(), '/postings?style=remote')).text).toContain(
      '/postings/wine-community"'
    )
    expect((await getPage(server(), '/postings?remote=1')).text).toContain(
      '/postings/wine-community"'
    )
  })

  it('hides an unpublished posting', async () => {
    const hidden = await apiRequest(server(), 'POST', `/api/teams/${team.teamId}/posting/unpublish`)
    expect(hidden.status).toBe(200)
    expect(hidden.body).toMatchObject({ status: 'unpublished', isOpen: false })
    expect((await getPage(server(), '/postings/wine-community')).status).toBe(404)
    expect((await postForm(server(), '/postings/wine-community/apply', formFields())).status).toBe(
      404
    )
    expect((await getPage(server(), '/postings')).text).not.toContain('/postings/wine-community"')
  })
})
