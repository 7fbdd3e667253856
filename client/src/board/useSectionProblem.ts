import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { sectionProblem } from '@specboard/shared/sheetNodes'

/**
 * Why the editor cannot show section `key` of `ydoc` (content written before the server checked every
 * update), or null. Followed live: a repair elsewhere brings the editor back.
 */
export function useSectionProblem(ydoc: Y.Doc, key: string): string | null {
  const [problem, setProblem] = useState<string | null>(() =>
    sectionProblem(ydoc.getXmlFragment(key))
  )
  useEffect(() => {
    const fragment = ydoc.getXmlFragment(key)
    const check = () => setProblem(sectionProblem(fragment))
    check()
    fragment.observeDeep(check)
    return () => fragment.unobserveDeep(check)
  }, [ydoc, key])
  return problem
}
