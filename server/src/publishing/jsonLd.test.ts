import { describe, expect, it } from 'vitest'
import { PostingFacts } from '@specboard/shared'
import { jobPostingJsonLd, scriptSafeJson } from './jsonLd.ts'

const facts = PostingFacts.parse({
  title: 'コミュニティ設計',
  region: '長野県',
  municipality: '塩尻市',
  periodStart: '2026-12-01',
  periodEnd: '2027-02-28',
  hoursPerMonth: 20,
  pay: { amount: 50000, unit: 'month' },
  workStyle: 'remote',
  deadline: '2026-12-10T23:59:00+09:00',
  skills: ['SNS', '企画'],
})

const input = {
  url: 'https://x.example/postings/a',
  postingId: 'p1',
  facts,
  descriptionHtml: '<p>本文</p>',
  datePosted: '2026-11-25T00:00:00.000Z',
  organization: '塩尻市',
}

describe('jobPostingJsonLd', () => {
  it('has the fields Google requires for a remote JobPosting', () => {
    const ld = jobPostingJsonLd(input)
    expect(ld).toMatchObject({
      '@type': 'JobPosting',
      title: 'コミュニティ設計',
      description: '<p>本文</p>',
      datePosted: '2026-11-25T00:00:00.000Z',
      validThrough: '2026-12-10T14:59:00.000Z',
      hiringOrganization: { '@type': 'Organization', name: '塩尻市' },
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: { '@type': 'Country', name: 'JP' },
      employmentType: 'CONTRACTOR',
      baseSalary: { currency: 'JPY', value: { value: 50000, unitText: 'MONTH' } },
    })
    expect(ld).not.toHaveProperty('jobLocation')
  })

  it('names the place for on-site work and leaves out pay for pro bono', () => {
    const onsite = {
      ...facts,
      workStyle: 'onsite' as const,
      location: '塩尻駅前',
      pay: { amount: 0, unit: 'month' as const },
    }
    const ld = jobPostingJsonLd({ ...input, facts: onsite })
    expect(ld.jobLocation).toEqual({
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressRegion: '長野県',
        addressLocality: '塩尻市',
        addressCountry: 'JP',
      },
    })
    expect(ld).not.toHaveProperty('jobLocationType')
    expect(ld).not.toHaveProperty('baseSalary')
  })
})

describe('jobPostingJsonLd for hybrid work (issue 14)', () => {
  it('names the place and is not marked fully remote when the work has visits', () => {
    const hybrid = { ...facts, workStyle: 'hybrid' as const, location: '月1回 塩尻市内' }
    const ld = jobPostingJsonLd({ ...input, facts: hybrid })
    expect(ld.jobLocation).toMatchObject({ address: { addressLocality: '塩尻市' } })
    expect(ld).not.toHaveProperty('jobLocationType')
    expect(ld).not.toHaveProperty('applicantLocationRequirements')
  })
})

describe('scriptSafeJson', () => {
  it('cannot close a script element or open a comment', () => {
    const text = scriptSafeJson({ t: '</script><script>alert(1)</script><!-- &' })
    expect(text).not.toMatch(/[<>&]/)
    expect(JSON.parse(text)).toEqual({ t: '</script><script>alert(1)</script><!-- &' })
  })
})
