import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { can, parseDocumentName } from '@specboard/shared'
import { fragmentToPlainText } from '@specboard/shared/sheetText'
import { apiSend } from '../api.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'

/**
 * Shown instead of the editor when a section holds content the editor cannot show: the readable text,
 * what happened, and — for a coordinator — the repair that removes the unreadable parts.
 */
export function SectionFallback({
  ydoc,
  documentName,
  field,
  role,
}: {
  ydoc: Y.Doc
  documentName: string
  field: string
  role: string
}) {
  const { t } = useTranslation()
  const [state, setState] = useState<'idle' | 'repairing' | { error: unknown }>('idle')
  const text = useMemo(() => fragmentToPlainText(ydoc.getXmlFragment(field)), [ydoc, field])
  const teamId = parseDocumentName(documentName)?.teamId
  const repair = async () => {
    if (!teamId) return
    setState('repairing')
    try {
      await apiSend(`/api/teams/${encodeURIComponent(teamId)}/sheet/repair`, { method: 'POST' })
      setState('idle')
    } catch (error) {
      setState({ error })
    }
  }
  return (
    <div className="section-fallback" data-testid="section-fallback">
      <p className="section-fallback__text">{text}</p>
      <div className="notice notice--warn" role="status">
        <p>{t('board.unreadable')}</p>
        {can(role, 'sheet:repair') ? (
          <button
            type="button"
            className="button notice__action"
            disabled={state === 'repairing'}
            onClick={() => void repair()}
          >
            {state === 'repairing' ? t('board.repairing') : t('board.repair')}
          </button>
        ) : (
          <p>{t('board.askRepair')}</p>
        )}
        {typeof state === 'object' && <ErrorMessage error={state.error} />}
      </div>
    </div>
  )
}
