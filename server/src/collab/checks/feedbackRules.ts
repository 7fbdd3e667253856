import type { DocumentRules } from './DocumentRules.ts'

/** `feedback:` documents are written by the server alone (through the API, which checks authors). */
export const feedbackRules: DocumentRules = {
  check: ({ roots }) => (roots.size > 0 ? 'only the server writes this document' : null),
}
