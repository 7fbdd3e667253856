import { describe, expect, it } from 'vitest'
import { ApplicationForm, isContact, splitTags } from './applications.ts'
import { CreateWindowRequest } from './interviews.ts'
import { PostingFacts } from './postings.ts'
import { ROLES, can } from './roles.ts'

const facts = {
  title: '募集',
  region: '長野県',
  periodStart: '2026-12-01',
  periodEnd: '2027-02-28',
  hoursPerMonth: 20,
  pay: { amount: 50000, unit: 'month' },
  workStyle: 'remote',
  deadline: '2026-11-30T23:59:00+09:00',
}

describe('PostingFacts', () => {
  it('fills defaults and dedupes skills', () => {
    expect(PostingFacts.parse({ ...facts, skills: ['SNS', ' SNS ', '編集'] })).toMatchObject({
      municipality: null,
      location: null,
      skills: ['SNS', '編集'],
      employmentType: 'CONTRACTOR',
    })
  })

  it('refuses a period that ends before it starts, and on-site work without a place', () => {
    expect(
      PostingFacts.safeParse({ ...facts, periodEnd: '2026-11-01' }).error?.issues[0].path
    ).toEqual(['periodEnd'])
    expect(PostingFacts.safeParse({ ...facts, workStyle: 'hybrid' }).error?.issues[0].path).toEqual(
      ['location']
    )
    expect(
      PostingFacts.safeParse({ ...facts, deadline: '2026-11-30' }).error?.issues[0].path
    ).toEqual(['deadline'])
  })
})

describe('ApplicationForm', () => {
  const form = {
    name: '山田 花子',
    contact: 'hanako@example.com',
    motivation: '地域の仕事に関わりたいです。',
    skills: '編集、SNS, 編集',
    links: 'https://a.example\nhttp://b.example',
    consent_data: 'yes',
  }

  it('splits skills and links', () => {
    expect(ApplicationForm.parse(form)).toMatchObject({
      skills: ['編集', 'SNS'],
      links: ['https://a.example', 'http://b.example'],
    })
  })

  it('refuses links that are not http(s), a missing consent and a filled honeypot, naming the problem', () => {
    expect(
      ApplicationForm.safeParse({ ...form, links: 'javascript:alert(1)' }).error?.issues[0].message
    ).toBe('link_invalid')
    expect(
      ApplicationForm.safeParse({ ...form, consent_data: undefined }).error?.issues[0].message
    ).toBe('consent_missing')
    expect(ApplicationForm.safeParse({ ...form, website: 'x' }).error?.issues[0].path).toEqual([
      'website',
    ])
  })
})

describe('isContact', () => {
  it('takes email addresses and phone numbers, full-width digits too', () => {
    for (const ok of ['a@b.jp', '090-1234-5678', '+81 90 1234 5678', '０９０１２３４５６７８'])
      expect(isContact(ok), ok).toBe(true)
    for (const bad of ['nope', '123', 'a@b', '<script>@x.y z'])
      expect(isContact(bad), bad).toBe(false)
  })
})

describe('splitTags', () => {
  it('splits on commas, Japanese commas, slashes and newlines', () => {
    expect(splitTags('編集、SNS，広報/企画\nデータ')).toEqual([
      '編集',
      'SNS',
      '広報',
      '企画',
      'データ',
    ])
  })
})

describe('CreateWindowRequest', () => {
  it('wants at least one slot and at most twelve hours', () => {
    expect(
      CreateWindowRequest.safeParse({
        startsAt: '2026-12-01T10:00:00+09:00',
        endsAt: '2026-12-01T10:10:00+09:00',
      }).success
    ).toBe(false)
    expect(
      CreateWindowRequest.safeParse({
        startsAt: '2026-12-01T08:00:00+09:00',
        endsAt: '2026-12-01T21:00:00+09:00',
      }).success
    ).toBe(false)
    expect(
      CreateWindowRequest.parse({
        startsAt: '2026-12-01T10:00:00+09:00',
        endsAt: '2026-12-01T11:00:00+09:00',
      }).postingId
    ).toBeNull()
  })
})

describe('selection capabilities', () => {
  it('give coordinators everything and the theme owner only reading the pipeline', () => {
    for (const capability of [
      'posting:publish',
      'selection:manage',
      'pool:manage',
      'figures:read',
    ] as const) {
      expect(
        ROLES.filter((role) => can(role, capability)),
        capability
      ).toEqual(['coordinator'])
    }
    expect(ROLES.filter((role) => can(role, 'selection:read')).sort()).toEqual([
      'coordinator',
      'owner',
    ])
  })
})
