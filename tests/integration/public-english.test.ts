/**
 * The public pages in English when the applicant picks it (issue 14): the switch sets the language for
 * the next pages (forms and redirects included), the JobPosting data stays in the posting's language,
 * and Japanese stays the default.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createTeamFixture, useServer } from '../helpers/fixtures.ts'
import { formFields, publish, writeSection } from './postingsFixture.ts'

describe('public pages in English', () => {
  const server = useServer({ env: { APPLY_RATE_LIMIT: '1000' } })
  let slug: string

  beforeAll(async () => {
    const team = await createTeamFixture(server(), 'English')
    await writeSection(server(), team.teamId, 'what', ['英語でも読める募集です。'])
    slug = (await publish(server(), team.teamId)).slug
  })

  it('shows a posting in English once picked, with the JSON-LD still in Japanese', async () => {
    const japanese = await fetch(`${server().url}/postings/${slug}`).then((r) => r.text())
    expect(japanese).toContain('<html lang="ja">')
    expect(japanese).toContain('応募する')
    expect(japanese).toContain(`href="/postings/${slug}?lang=en"`)

    const picked = await fetch(`${server().url}/postings/${slug}?lang=en`)
    const html = await picked.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Send my application')
    expect(html).toContain('About 20 hours a month')
    expect(html).toContain('¥50,000 a month')
    expect(html).toContain('"workHours":"月20時間程度"')
    expect(picked.headers.get('vary')).toMatch(/cookie/i)
    const cookie = picked.headers.get('set-cookie')!.split(';')[0]!

    // Remembered: the list, and a form sent back with problems, stay in English.
    const list = await fetch(`${server().url}/postings`, { headers: { cookie } }).then((r) =>
      r.text()
    )
    expect(list).toContain('Side jobs and pro bono work')
    const sent = await fetch(`${server().url}/postings/${slug}/apply`, {
      method: 'POST',
      headers: {
        cookie,
        origin: server().url,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(formFields({ motivation: 'short' })).toString(),
    })
    expect(sent.status).toBe(400)
    expect(await sent.text()).toContain('Tell us in at least 10 characters')

    const applied = await fetch(`${server().url}/postings/${slug}/apply`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie,
        origin: server().url,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(formFields({ contact: 'english@example.com' })).toString(),
    })
    expect(applied.status).toBe(303)
    const status = await fetch(new URL(applied.headers.get('location')!, server().url), {
      headers: { cookie },
    }).then((r) => r.text())
    expect(status).toContain('We have received your application.')
    expect(status).toContain('Pick a time for your interview')
  })
})
