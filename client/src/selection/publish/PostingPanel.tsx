import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { can, type Role } from '@specboard/shared'
import { useApi } from '../../ui/useApi.ts'
import { PostingBadges } from '../PostingBadges.tsx'
import { selectionApi } from '../selectionApi.ts'
import '../selection.css'
import { Panel } from '../../ui/Panel.tsx'

/** The board's way into publishing: whether the sheet is published, and "求人として公開" for the coordinator. */
export function PostingPanel({
  teamId,
  programId,
  myRole,
}: {
  teamId: string
  programId: string
  myRole: Role
}) {
  const { t } = useTranslation()
  const data = useApi(`/api/teams/${teamId}/posting`, (signal) =>
    selectionApi.teamPosting(teamId, signal)
  )
  if (!data.data) return null
  const posting = data.data.posting
  const mayPublish = can(myRole, 'posting:publish')
  const publishHref = `/teams/${encodeURIComponent(teamId)}/posting`
  return (
    <Panel
      titleId="posting-panel-title"
      title={t('selection.panel.title')}
      data-testid="posting-panel"
    >
      {posting ? (
        <>
          <PostingBadges posting={posting} />
          <p className="small">{posting.facts.title}</p>
          <div className="panel__actions">
            {posting.status === 'published' && (
              <a className="button button--small" href={posting.url} target="_blank" rel="noopener">
                {t('selection.panel.openPublic')}
                <span className="visually-hidden">{t('selection.nav.newTab')}</span>
              </a>
            )}
            <Link
              className="button button--small"
              href={`/programs/${encodeURIComponent(programId)}/selection/${encodeURIComponent(posting.id)}`}
            >
              {t('selection.panel.openPipeline')}
            </Link>
            {mayPublish && (
              <Link className="button button--small" href={publishHref}>
                {t('selection.panel.edit')}
              </Link>
            )}
          </div>
        </>
      ) : (
        <>
          <p className="panel__lead">{t('selection.panel.notYet')}</p>
          {mayPublish && (
            <div className="panel__actions">
              <Link className="button button--small button--primary" href={publishHref}>
                {t('selection.panel.publish')}
              </Link>
            </div>
          )}
        </>
      )}
    </Panel>
  )
}
