/**
 * The rules of a `stage:` document for the presenters who write it: the slide index, and nothing else.
 * Timer, reactions, viewers and session are the server's (see pitch/stageWrites.ts).
 */
import { STAGE_KEYS, STAGE_MAP } from '@specboard/shared'
import type { DocumentRules } from './DocumentRules.ts'

/** More slides than any sheet can make (a title, the sections, a closing one). */
const MAX_SLIDE = 1000

export const stageRules: DocumentRules = {
  check({ doc, roots }) {
    for (const [name, change] of roots) {
      if (name !== STAGE_MAP) return `"${name}" is not part of the stage`
      if (change.nested.size > 0) return 'stage values must be plain'
      for (const key of change.keys) {
        if (key !== STAGE_KEYS.slide) return `"${key ?? 'list content'}" is written by the server`
        const slide = doc.getMap(STAGE_MAP).get(key)
        if (slide === undefined) continue
        if (!Number.isInteger(slide) || (slide as number) < 0 || (slide as number) > MAX_SLIDE)
          return 'the slide must be a slide number'
      }
    }
    return null
  },
}
