/**
 * The spec-sheet template: which sections a program's sheets have, with their guidance prompts.
 *
 * A template belongs to a program. Each section's rich text lives in the team's `spec:` document as the
 * `Y.XmlFragment` named by the section's key.
 */
import { z } from 'zod'
import { SECTION_META_MAP } from './documents.ts'

/** Text shown in both UI languages. */
export const LocalizedText = z.object({
  ja: z.string().min(1).max(500),
  en: z.string().min(1).max(500),
})
export type LocalizedText = z.infer<typeof LocalizedText>

/**
 * Names a section key may not take: other root types of the sheet document, and words that mean
 * something to the JavaScript objects keys end up in.
 */
export const RESERVED_SECTION_KEYS: readonly string[] = [
  SECTION_META_MAP,
  // The root maps of the stage and feedback documents (pitch.ts, feedback.ts), kept apart as well.
  'stage',
  'threads',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
]

/** Section keys double as Y.XmlFragment names, so they stay short and plain. */
export const SectionKey = z
  .string()
  .regex(
    /^[a-z][a-zA-Z0-9]{0,39}$/,
    'must start with a lowercase letter and use only letters and digits'
  )
  .refine((key) => !RESERVED_SECTION_KEYS.includes(key), 'is a reserved name')

/** One section of a sheet. */
export const TemplateSection = z.object({
  key: SectionKey,
  title: LocalizedText,
  prompt: LocalizedText,
  /**
   * A retired section is no longer asked for: new text cannot be written in it, but sheets that have text
   * there keep it, read-only and visible, and exports include it. Sections are retired, never deleted.
   */
  retired: z.boolean().optional(),
})
export type TemplateSection = z.infer<typeof TemplateSection>

/** A program's template: an ordered list of sections with unique keys. */
export const SheetTemplate = z.object({
  sections: z
    .array(TemplateSection)
    .min(1)
    .max(40)
    .refine((s) => new Set(s.map((x) => x.key)).size === s.length, 'section keys must be unique'),
})
export type SheetTemplate = z.infer<typeof SheetTemplate>

const section = (key: string, ja: [string, string], en: [string, string]): TemplateSection => ({
  key,
  title: { ja: ja[0], en: en[0] },
  prompt: { ja: ja[1], en: en[1] },
})

/** The template from the original program: what an outsider needs to decide to take the work on. */
export const DEFAULT_TEMPLATE: SheetTemplate = {
  sections: [
    section(
      'what',
      ['やりたいこと', '何に取り組みたいのかを、地域の外の人が一読してわかる言葉で書きましょう。'],
      [
        'What we want to do',
        'Say what you want to work on, in words someone from outside the region understands at once.',
      ]
    ),
    section(
      'why',
      ['なぜやりたいのか', 'この課題に取り組む理由と、背景にある地域の事情を書きましょう。'],
      [
        'Why we want to do it',
        'The reasons behind this work and the local situation it comes from.',
      ]
    ),
    section(
      'missing',
      [
        'これまで足りなかったこと',
        'これまでの取り組みで何が足りず、なぜ進まなかったのかを正直に書きましょう。',
      ],
      [
        'What has been missing',
        'What earlier efforts lacked, and honestly why they did not move forward.',
      ]
    ),
    section(
      'future',
      [
        '目指す未来（概ね5年後）',
        '5年後、この取り組みが実を結んだとき、地域はどうなっていますか。',
      ],
      [
        'The future we aim for (about five years)',
        'In five years, when this has worked, what does the region look like?',
      ]
    ),
    section(
      'commitment',
      [
        '本気度',
        'テーマオーナーがどれだけ本気か。使える時間・予算・決裁・すでに動いていることを書きましょう。',
      ],
      [
        'How serious we are',
        'How committed the owner is: time, budget, authority, and what is already moving.',
      ]
    ),
    section(
      'role',
      [
        '外部人材に期待する役割',
        '外部のプロ人材に何をお願いしたいのか、チームの中での役割を具体的に。',
      ],
      [
        'The role for an outside professional',
        'What you ask of the outside professional, and their place in the team.',
      ]
    ),
    section(
      'skills',
      ['求めるスキル・経験', 'あると嬉しいスキル、経験、人柄。必須と歓迎を分けて書きましょう。'],
      [
        'Skills we look for',
        'Skills, experience and character you hope for; separate must-haves from nice-to-haves.',
      ]
    ),
    section(
      'terms',
      [
        '期間・稼働・報酬・働き方',
        '期間、月あたりの稼働時間、報酬、リモートか現地か（現地の頻度）を書きましょう。',
      ],
      [
        'Period, hours, pay, remote or on-site',
        'The period, hours per month, pay, and remote or on-site (how often on site).',
      ]
    ),
    section(
      'success',
      ['成果の測り方', '何がどうなれば成功と言えるのか。数字や状態で書きましょう。'],
      ['How success is measured', 'What would count as success, in numbers or observable states.']
    ),
  ],
}
