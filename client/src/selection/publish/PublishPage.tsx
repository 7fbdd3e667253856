import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Team, can, type PostingDetail } from '@specboard/shared'
import { apiRequest } from '../../api.ts'
import { formatPercent } from '../../i18n/format.ts'
import { useSubmit } from '../../ui/useSubmit.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { CopyField } from '../../ui/CopyField.tsx'
import { useApi } from '../../ui/useApi.ts'
import { Crumbs } from '../Crumbs.tsx'
import { selectionApi } from '../selectionApi.ts'
import { SelectionError } from '../SelectionError.tsx'
import { FactsForm } from './FactsForm.tsx'
import {
  initialValues,
  problemFromServer,
  toFactsInput,
  type FactsValues,
  type Problems,
} from './factsForm.ts'
import { PostingSummary } from './PostingSummary.tsx'
import '../selection.css'
import './publish.css'
import { LoadingPage } from '../../ui/LoadingPage.tsx'

/** `/teams/:teamId/posting`: publish the team's sheet as a posting, republish a new version, or unpublish. */
export function PublishPage({ teamId }: { teamId: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const teamPath = `/api/teams/${encodeURIComponent(teamId)}`
  const team = useApi(teamPath, (signal) => apiRequest(teamPath, Team, { signal }))
  const posting = useApi(`${teamPath}/posting`, (signal) =>
    selectionApi.teamPosting(teamId, signal)
  )
  const [published, setPublished] = useState<PostingDetail | null>(null)
  const [serverProblems, setServerProblems] = useState<Problems>({})
  const publishing = useSubmit()
  const unpublishing = useSubmit()

  if (!team.data || !posting.data) {
    const failure = team.error ?? posting.error
    return (
      <LoadingPage
        error={failure}
        onRetry={() => {
          team.reload()
          posting.reload()
        }}
      />
    )
  }
  const current = posting.data.posting
  const mayPublish = can(team.data.myRole, 'posting:publish')

  const publish = (values: FactsValues) =>
    publishing.run(async () => {
      setServerProblems({})
      const slug = !current && values.slug.trim() ? values.slug.trim() : undefined
      try {
        setPublished(
          await selectionApi.publish(teamId, {
            facts: toFactsInput(values),
            ...(slug ? { slug } : {}),
          })
        )
        posting.reload()
      } catch (e) {
        // A problem the server names a field for is shown at that field, not above the form.
        const placed = problemFromServer(e)
        if (!placed) throw e
        setServerProblems(placed)
      }
    })

  const unpublish = () => {
    if (!window.confirm(t('selection.publish.unpublishConfirm'))) return
    void unpublishing.run(async () => {
      await selectionApi.unpublish(teamId)
      setPublished(null)
      posting.reload()
    })
  }

  return (
    <div className="page selection-page">
      <Crumbs
        items={[
          {
            label: team.data.programName,
            href: `/programs/${encodeURIComponent(team.data.programId)}`,
          },
          { label: team.data.name, href: `/teams/${encodeURIComponent(teamId)}` },
          { label: t('selection.publish.title') },
        ]}
      />
      <header className="selection-head">
        <h1>{t('selection.publish.title')}</h1>
        <p className="muted">{t('selection.publish.lead')}</p>
      </header>

      {published && (
        <div
          className="notice notice--ok selection-created"
          role="status"
          data-testid="published-notice"
        >
          <strong>{t('selection.publish.published', { version: published.version })}</strong>
          <p className="small">{t('selection.publish.publishedHint')}</p>
          <CopyField label={t('selection.publish.publicUrl')} value={published.url} />
        </div>
      )}
      {unpublishing.error !== null && <SelectionError error={unpublishing.error} />}

      {current ? (
        <PostingSummary posting={current} mayPublish={mayPublish} onUnpublish={unpublish} />
      ) : (
        <p className="notice">{t('selection.publish.notYet')}</p>
      )}

      {mayPublish && (
        <section className="card selection-section" aria-labelledby="facts-title">
          <h2 id="facts-title">
            {current ? t('selection.publish.republishTitle') : t('selection.publish.factsTitle')}
          </h2>
          <p className="muted small">
            {current
              ? t('selection.publish.republishLead', { version: current.version + 1 })
              : t('selection.publish.factsLead')}
          </p>
          {posting.data.completeness < 100 && (
            <p className="notice notice--warn">
              {t('selection.publish.incomplete', {
                percent: formatPercent(posting.data.completeness, language),
              })}
            </p>
          )}
          <FactsForm
            // A new version (or unpublishing) starts the form again from what is published now.
            key={current ? `${current.version}:${current.status}` : 'first'}
            initial={initialValues(posting.data)}
            isFirstPublication={!current}
            nextVersion={(current?.version ?? 0) + 1}
            isSending={publishing.isSending}
            serverProblems={serverProblems}
            onSubmit={(values) => void publish(values)}
          />
          {publishing.error !== null && <SelectionError error={publishing.error} />}
        </section>
      )}
    </div>
  )
}
