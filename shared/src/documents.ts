/**
 * Collaborative document names: `<kind>:<teamId>`.
 *
 * Each team has one document per concern so that permissions can be enforced per document (a Yjs update
 * cannot be half-accepted). Names are built and parsed only here.
 */

/** The kinds of live document a team has. */
export const DOCUMENT_KINDS = ['spec', 'feedback', 'stage'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/** A parsed document name. */
export interface DocumentName {
  readonly kind: DocumentKind
  readonly teamId: string
}

/** Team ids are opaque url-safe strings. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** Builds the document name for a team's document of `kind`. */
export function documentName(kind: DocumentKind, teamId: string): string {
  return `${kind}:${teamId}`
}

/** Parses `<kind>:<teamId>`; returns null for anything else. */
export function parseDocumentName(name: string): DocumentName | null {
  const colon = name.indexOf(':')
  if (colon < 0) return null
  const kind = name.slice(0, colon)
  const teamId = name.slice(colon + 1)
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind) || !ID_PATTERN.test(teamId)) return null
  return { kind: kind as DocumentKind, teamId }
}

/** The three document names of a team. */
export function teamDocuments(teamId: string): Record<DocumentKind, string> {
  return {
    spec: documentName('spec', teamId),
    feedback: documentName('feedback', teamId),
    stage: documentName('stage', teamId),
  }
}

/** Inside a `spec:` document: the Y.Map that holds per-section status and assignee. */
export const SECTION_META_MAP = 'sectionMeta'
