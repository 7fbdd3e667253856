/**
 * What the renderers read of a posting, its version, an application, an interview and a slot. Declared
 * here, structurally, so publishing/ depends on no store: the records fit these shapes as they are.
 */
import type { ApplicationStage, PostingFacts } from '@specboard/shared'

export interface PostingShown {
  readonly id: string
  readonly slug: string
  readonly isDemo: boolean
  readonly firstPublishedAt: string
}

export interface VersionShown {
  readonly version: number
  readonly facts: PostingFacts
  /** The sheet rendered and sanitized at publication. */
  readonly html: string
  /** Plain text for descriptions and feeds. */
  readonly excerpt: string
  readonly publishedAt: string
}

export interface PostingWithVersionShown {
  readonly posting: PostingShown
  readonly version: VersionShown
}

export interface ApplicationShown {
  readonly name: string
  readonly contact: string
  readonly stage: ApplicationStage
  readonly erasedAt: string | null
}

export interface InterviewShown {
  readonly id: string
  readonly startsAt: string
  readonly endsAt: string
  readonly status: 'scheduled' | 'cancelled'
  readonly cancelledBy: 'coordinator' | 'applicant' | null
  readonly cancelReason: string | null
  readonly movedFrom: string | null
  readonly sequence: number
  readonly updatedAt: string
}

export interface SlotShown {
  readonly id: string
  readonly startsAt: string
  readonly endsAt: string
}
