import { describe, expect, it } from 'vitest'
import { ApiRequestError } from '../../api.ts'
import {
  checkFacts,
  initialValues,
  problemFromServer,
  toFactsInput,
  type FactsValues,
} from './factsForm.ts'

const NOW = Date.parse('2026-11-25T12:00:00+09:00')

function valid(overrides: Partial<FactsValues> = {}): FactsValues {
  return {
    title: 'ワインのコミュニティづくり',
    employmentType: 'CONTRACTOR',
    region: '長野県',
    municipality: '塩尻市',
    workStyle: 'remote',
    location: '',
    periodStart: '2027-01-01',
    periodEnd: '2027-03-31',
    hoursPerMonth: '20',
    payAmount: '50000',
    payUnit: 'month',
    skills: 'コミュニティ運営、SNS, SNS',
    deadlineDate: '2026-12-09',
    deadlineTime: '23:59',
    slug: '',
    ...overrides,
  }
}

describe('factsForm', () => {
  it('turns the inputs into facts in Japan time, tags split and deduplicated', () => {
    expect(toFactsInput(valid())).toMatchObject({
      hoursPerMonth: 20,
      pay: { amount: 50000, unit: 'month' },
      skills: ['コミュニティ運営', 'SNS'],
      deadline: '2026-12-09T23:59:00+09:00',
      location: null,
    })
    expect(checkFacts(valid(), true, NOW)).toEqual({})
  })

  it('names each field the shared schema refuses', () => {
    const problems = checkFacts(
      valid({ title: ' ', hoursPerMonth: '', payAmount: '-1', periodStart: 'x' }),
      true,
      NOW
    )
    expect(problems).toMatchObject({
      title: 'title',
      hoursPerMonth: 'hoursPerMonth',
      payAmount: 'payAmount',
      periodStart: 'periodStart',
    })
  })

  it('asks for a location unless fully remote, and for an end after the start', () => {
    expect(checkFacts(valid({ workStyle: 'hybrid' }), true, NOW)).toEqual({ location: 'location' })
    expect(checkFacts(valid({ periodEnd: '2026-12-01' }), true, NOW)).toEqual({
      periodEnd: 'periodEnd',
    })
  })

  it('wants a deadline ahead, and a well-formed address only on the first publication', () => {
    expect(
      checkFacts(valid({ deadlineDate: '2026-11-25', deadlineTime: '11:00' }), true, NOW)
    ).toEqual({ deadline: 'deadlineFuture' })
    expect(checkFacts(valid({ deadlineTime: '' }), true, NOW)).toEqual({ deadline: 'deadline' })
    expect(checkFacts(valid({ slug: 'Wine Club' }), true, NOW)).toEqual({ slug: 'slug' })
    expect(checkFacts(valid({ slug: 'Wine Club' }), false, NOW)).toEqual({})
  })

  it('places the server’s refusals on their fields', () => {
    expect(
      problemFromServer(
        new ApiRequestError(400, 'invalid_body', 'facts.deadline: must be in the future')
      )
    ).toEqual({ deadline: 'deadlineFuture' })
    expect(
      problemFromServer(new ApiRequestError(400, 'invalid_body', 'facts.pay.amount: Too big'))
    ).toEqual({ payAmount: 'payAmount' })
    expect(
      problemFromServer(
        new ApiRequestError(409, 'slug_taken', 'slug: another posting uses this address')
      )
    ).toEqual({ slug: 'slugTaken' })
    expect(
      problemFromServer(new ApiRequestError(409, 'sheet_empty', 'the sheet has no text yet'))
    ).toBeUndefined()
  })

  it('starts a first publication from the team’s name and region with a two-week deadline', () => {
    const values = initialValues(
      { posting: null, defaults: { title: 'チーム', region: '長野県塩尻市' }, completeness: 40 },
      NOW
    )
    expect(values).toMatchObject({
      title: 'チーム',
      region: '長野県塩尻市',
      deadlineDate: '2026-12-09',
      deadlineTime: '23:59',
    })
  })
})
