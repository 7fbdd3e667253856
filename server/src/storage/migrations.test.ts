import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const numbered = (dir: string) =>
  readdirSync(fileURLToPath(new URL(dir, import.meta.url)))
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()

describe('migrations', () => {
  // Both engines hold the same schema: a migration added for one and not the other would leave the
  // service different on PostgreSQL (issue 9).
  it('has each numbered migration in both dialects, under the same name', () => {
    expect(numbered('./postgres/migrations/')).toEqual(numbered('./sqlite/migrations/'))
  })
})
