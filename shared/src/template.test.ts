import { describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATE, SectionKey, SheetTemplate } from './template.ts'

const section = (key: string) => ({
  key,
  title: { ja: 'タイトル', en: 'Title' },
  prompt: { ja: '問い', en: 'Prompt' },
})

describe('SheetTemplate', () => {
  it('accepts the default template, with unique keys and both languages', () => {
    expect(SheetTemplate.parse(DEFAULT_TEMPLATE)).toEqual(DEFAULT_TEMPLATE)
    expect(DEFAULT_TEMPLATE.sections.map((s) => s.key)).toContain('what')
  })

  it('refuses duplicate section keys', () => {
    expect(SheetTemplate.safeParse({ sections: [section('what'), section('what')] }).success).toBe(
      false
    )
  })

  it('refuses an empty template', () => {
    expect(SheetTemplate.safeParse({ sections: [] }).success).toBe(false)
  })

  it.each([
    '',
    'What',
    '1what',
    'what-now',
    'what now',
    'x'.repeat(41),
    '__proto__',
    'sectionMeta',
    'constructor',
  ])('refuses the section key %j', (key) => {
    expect(SectionKey.safeParse(key).success).toBe(false)
  })

  it.each(['what', 'w', 'section2', 'whatWeWant'])('accepts the section key %j', (key) => {
    expect(SectionKey.safeParse(key).success).toBe(true)
  })
})
