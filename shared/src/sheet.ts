/**
 * What a spec sheet holds besides its rich text: per-section status and assignee, and how complete it is.
 */
import { z } from 'zod'

/** Section workflow: written → ready for review → done. */
export const SECTION_STATUSES = ['draft', 'ready', 'done'] as const
export type SectionStatus = (typeof SECTION_STATUSES)[number]

/** The value stored per section key in the `sectionMeta` Y.Map. */
export const SectionMeta = z.object({
  status: z.enum(SECTION_STATUSES),
  assigneeId: z.string().max(64).nullable(),
})
export type SectionMeta = z.infer<typeof SectionMeta>

/** The meta a section has before anyone touched it. */
export const EMPTY_SECTION_META: SectionMeta = { status: 'draft', assigneeId: null }

/** Reads a stored meta value, tolerating anything a client might have written. */
export function readSectionMeta(value: unknown): SectionMeta {
  const parsed = SectionMeta.safeParse(value)
  return parsed.success ? parsed.data : EMPTY_SECTION_META
}

/** The facts completeness is computed from, per section. */
export interface SectionProgress {
  readonly characters: number
  readonly status: SectionStatus
}

/** A sheet's completeness at a glance. */
export interface Completeness {
  readonly total: number
  /** Sections with any text. */
  readonly written: number
  readonly ready: number
  readonly done: number
  /** 0–100: a written draft counts half, ready three quarters, done in full. */
  readonly percent: number
}

const WEIGHT: Record<SectionStatus, number> = { draft: 0.5, ready: 0.75, done: 1 }

/** Computes completeness; an empty section counts nothing whatever its status says. */
export function computeCompleteness(sections: readonly SectionProgress[]): Completeness {
  let written = 0
  let ready = 0
  let done = 0
  let score = 0
  for (const s of sections) {
    if (s.characters === 0) continue
    written++
    if (s.status === 'ready') ready++
    if (s.status === 'done') done++
    score += WEIGHT[s.status]
  }
  const total = sections.length
  const percent = total === 0 ? 0 : Math.round((score / total) * 100)
  return { total, written, ready, done, percent }
}
