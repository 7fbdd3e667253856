import { useTranslation } from 'react-i18next'
import type { PostingListItem } from '@specboard/shared'

/** Whether a posting takes applications now (募集中 / 募集終了 / 非公開), its version, and "demo". */
export function PostingBadges({
  posting,
}: {
  posting: Pick<PostingListItem, 'status' | 'isOpen' | 'isDemo' | 'version'>
}) {
  const { t } = useTranslation()
  const state =
    posting.status === 'unpublished' ? 'unpublished' : posting.isOpen ? 'open' : 'closed'
  return (
    <span className="posting-badges">
      <span className={`badge posting-state posting-state--${state}`} data-testid="posting-state">
        {t(`selection.status.${state}`)}
      </span>
      <span className="badge">{t('selection.status.version', { version: posting.version })}</span>
      {posting.isDemo && <span className="badge">{t('selection.status.demo')}</span>}
    </span>
  )
}
