/**
 * The publish form's values as the inputs hold them (strings), and the way to and from the shared
 * `PostingFacts` schema: the client checks with the same schema the server does, and both sides'
 * problems land on the field they belong to.
 */
import {
  type EMPLOYMENT_TYPES,
  type PAY_UNITS,
  PostingFacts,
  PostingSlug,
  type WORK_STYLES,
  splitTags,
  type PostingFactsInput,
  type TeamPosting,
  tokyoDateFromNow,
  tokyoIso,
  tokyoParts,
} from '@specboard/shared'
import { ApiRequestError } from '../../api.ts'

export interface FactsValues {
  title: string
  employmentType: (typeof EMPLOYMENT_TYPES)[number]
  region: string
  municipality: string
  workStyle: (typeof WORK_STYLES)[number]
  location: string
  periodStart: string
  periodEnd: string
  hoursPerMonth: string
  payAmount: string
  payUnit: (typeof PAY_UNITS)[number]
  skills: string
  deadlineDate: string
  deadlineTime: string
  slug: string
}

/** Where a problem is shown. */
export const FACT_FIELDS = [
  'title',
  'employmentType',
  'region',
  'municipality',
  'workStyle',
  'location',
  'periodStart',
  'periodEnd',
  'hoursPerMonth',
  'payAmount',
  'payUnit',
  'skills',
  'deadline',
  'slug',
] as const
export type FactField = (typeof FACT_FIELDS)[number]

/** What went wrong with a field, as a key under selection.publish.problems. */
export type Problem = FactField | 'deadlineFuture' | 'slugTaken' | 'slugFixed'

export type Problems = Partial<Record<FactField, Problem>>

/** The form's starting values: the current version's facts, or the team's defaults for a first publication. */
export function initialValues(data: TeamPosting, now = Date.now()): FactsValues {
  const facts = data.posting?.facts
  if (facts) {
    const deadline = tokyoParts(facts.deadline)
    return {
      title: facts.title,
      employmentType: facts.employmentType,
      region: facts.region,
      municipality: facts.municipality ?? '',
      workStyle: facts.workStyle,
      location: facts.location ?? '',
      periodStart: facts.periodStart,
      periodEnd: facts.periodEnd,
      hoursPerMonth: String(facts.hoursPerMonth),
      payAmount: String(facts.pay.amount),
      payUnit: facts.pay.unit,
      skills: facts.skills.join('、'),
      deadlineDate: deadline.date,
      deadlineTime: deadline.time,
      slug: data.posting!.slug,
    }
  }
  // Two weeks of applications, as in the account the product comes from.
  return {
    title: data.defaults.title,
    employmentType: 'CONTRACTOR',
    region: data.defaults.region,
    municipality: '',
    workStyle: 'remote',
    location: '',
    periodStart: '',
    periodEnd: '',
    hoursPerMonth: '',
    payAmount: '',
    payUnit: 'month',
    skills: '',
    deadlineDate: tokyoDateFromNow(14, now),
    deadlineTime: '23:59',
    slug: '',
  }
}

/** The facts as the API takes them; numbers that are not numbers stay NaN so the schema names the field. */
export function toFactsInput(v: FactsValues): PostingFactsInput {
  const number = (s: string) => (s.trim() === '' ? Number.NaN : Number(s))
  return {
    title: v.title,
    employmentType: v.employmentType,
    region: v.region,
    municipality: v.municipality.trim() || null,
    workStyle: v.workStyle,
    location: v.location.trim() || null,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    hoursPerMonth: number(v.hoursPerMonth),
    pay: { amount: number(v.payAmount), unit: v.payUnit },
    skills: splitTags(v.skills),
    deadline: tokyoIso(v.deadlineDate, v.deadlineTime) ?? '',
  }
}

/** Checks the form with the shared schema (plus "the deadline lies ahead"); empty when it may be sent. */
export function checkFacts(
  v: FactsValues,
  isFirstPublication: boolean,
  now = Date.now()
): Problems {
  const problems: Problems = {}
  const parsed = PostingFacts.safeParse(toFactsInput(v))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path.map(String))
      if (field) problems[field] ??= field
    }
  }
  if (!problems.deadline) {
    const deadline = tokyoIso(v.deadlineDate, v.deadlineTime)
    if (deadline && Date.parse(deadline) <= now) problems.deadline = 'deadlineFuture'
  }
  if (isFirstPublication && v.slug.trim() && !PostingSlug.safeParse(v.slug.trim()).success)
    problems.slug = 'slug'
  return problems
}

/** A zod path (`['pay', 'amount']`) or a server message's field (`facts.pay.amount`) → the form field. */
export function fieldOf(path: readonly string[]): FactField | undefined {
  const [head = '', next] = path[0] === 'facts' ? path.slice(1) : path
  if (head === 'pay') return next === 'unit' ? 'payUnit' : 'payAmount'
  return (FACT_FIELDS as readonly string[]).includes(head) ? (head as FactField) : undefined
}

/**
 * The server's refusal placed on its field: `slug_taken`, `slug_fixed`, or a 400 whose message starts
 * with the field's path (`facts.deadline: must be in the future`). Undefined when it belongs to no field.
 */
export function problemFromServer(error: unknown): Problems | undefined {
  if (!(error instanceof ApiRequestError)) return undefined
  if (error.code === 'slug_taken') return { slug: 'slugTaken' }
  if (error.code === 'slug_fixed') return { slug: 'slugFixed' }
  if (error.code !== 'invalid_body') return undefined
  const match = /^([\w.]+):\s*(.*)$/.exec(error.message)
  if (!match) return undefined
  const [, path = '', detail = ''] = match
  const field = fieldOf(path.split('.'))
  if (!field) return undefined
  if (field === 'deadline' && /future/.test(detail)) return { deadline: 'deadlineFuture' }
  return { [field]: field }
}
