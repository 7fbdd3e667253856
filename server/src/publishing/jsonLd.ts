/**
 * schema.org JobPosting structured data for a posting page, and its safe embedding in a
 * `<script type="application/ld+json">` block.
 */
import type { PostingFacts } from '@specboard/shared'

export interface JobPostingInput {
  readonly url: string
  readonly postingId: string
  readonly facts: PostingFacts
  /** The rendered, sanitized story. */
  readonly descriptionHtml: string
  readonly datePosted: string
  /** Who offers the work: the theme owner's organisation, else the program. */
  readonly organization: string
}

const SALARY_UNIT: Record<PostingFacts['pay']['unit'], string | undefined> = {
  month: 'MONTH',
  hour: 'HOUR',
  total: undefined,
}

/**
 * The JobPosting object. Remote work is described as Google asks: `jobLocationType: TELECOMMUTE` (with
 * `applicantLocationRequirements`) only for work that can be done fully remotely; work with visits
 * (hybrid) or on site names the place (`jobLocation`) and is not marked TELECOMMUTE, since Google
 * reserves that value for jobs done 100% remotely.
 */
export function jobPostingJsonLd(input: JobPostingInput): Record<string, unknown> {
  const { facts } = input
  const place = {
    '@type': 'Place',
    address: {
      '@type': 'PostalAddress',
      addressRegion: facts.region,
      ...(facts.municipality ? { addressLocality: facts.municipality } : {}),
      addressCountry: 'JP',
    },
  }
  const unitText = SALARY_UNIT[facts.pay.unit]
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: facts.title,
    description: input.descriptionHtml,
    datePosted: input.datePosted,
    validThrough: new Date(facts.deadline).toISOString(),
    employmentType: facts.employmentType,
    hiringOrganization: { '@type': 'Organization', name: input.organization },
    identifier: { '@type': 'PropertyValue', name: 'Specboard', value: input.postingId },
    url: input.url,
    directApply: true,
    workHours: `月${facts.hoursPerMonth}時間程度`,
    ...(facts.skills.length > 0 ? { skills: facts.skills.join(', ') } : {}),
    ...(facts.workStyle === 'remote'
      ? {
          jobLocationType: 'TELECOMMUTE',
          applicantLocationRequirements: { '@type': 'Country', name: 'JP' },
        }
      : {}),
    ...(facts.workStyle !== 'remote' ? { jobLocation: place } : {}),
    ...(facts.pay.amount > 0
      ? {
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: 'JPY',
            value: {
              '@type': 'QuantitativeValue',
              value: facts.pay.amount,
              ...(unitText ? { unitText } : {}),
            },
          },
        }
      : {}),
  }
}

/**
 * JSON for inside a `<script>` element: `<`, `>` and `&` as \u escapes, so no text can close the element
 * or open a comment, and the line separators JavaScript parsers once choked on.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
