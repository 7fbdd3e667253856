import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import {
  SECTION_META_MAP,
  computeCompleteness,
  countCharacters,
  readSectionMeta,
  type Completeness,
  type SheetTemplate,
} from '@specboard/shared'

// Typing fires an update per keystroke; recounting a few times a second is plenty for a meter.
const RECOUNT_DELAY_MS = 250

/** The sheet's completeness, recomputed live from the document's text and section statuses. */
export function useCompleteness(ydoc: Y.Doc, template: SheetTemplate): Completeness {
  const [completeness, setCompleteness] = useState(() => measure(ydoc, template))

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const schedule = () => {
      timer ??= setTimeout(() => {
        timer = undefined
        setCompleteness(measure(ydoc, template))
      }, RECOUNT_DELAY_MS)
    }
    setCompleteness(measure(ydoc, template))
    ydoc.on('update', schedule)
    return () => {
      ydoc.off('update', schedule)
      clearTimeout(timer)
    }
  }, [ydoc, template])

  return completeness
}

function measure(ydoc: Y.Doc, template: SheetTemplate): Completeness {
  const meta = ydoc.getMap(SECTION_META_MAP)
  return computeCompleteness(
    template.sections
      .filter((section) => !section.retired)
      .map((section) => ({
        characters: countCharacters(ydoc.getXmlFragment(section.key)),
        status: readSectionMeta(meta.get(section.key)).status,
      }))
  )
}
