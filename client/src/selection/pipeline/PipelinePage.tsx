import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import {
  APPLICATION_STAGES,
  Program,
  type Application,
  type ApplicationStage,
  type ManagedStage,
} from '@specboard/shared'
import { apiRequest } from '../../api.ts'
import { formatCount } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { useApi } from '../../ui/useApi.ts'
import { Crumbs } from '../Crumbs.tsx'
import { freeSlotsFor } from '../interviews/freeSlots.ts'
import { selectionApi, selectionLinks } from '../selectionApi.ts'
import { ApplicationCard } from './ApplicationCard.tsx'
import '../selection.css'
import './pipeline.css'
import { LoadingPage } from '../../ui/LoadingPage.tsx'

type Filter = ApplicationStage | 'all'

// Applications arrive and applicants book slots while the coordinator works; a slow poll shows them.
const REFRESH_MS = 30_000

/** `/programs/:programId/selection/:postingId`: one posting's applicants, stage by stage. */
export function PipelinePage({ programId, postingId }: { programId: string; postingId: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const programPath = `/api/programs/${encodeURIComponent(programId)}`
  const program = useApi(programPath, (signal) => apiRequest(programPath, Program, { signal }))
  const pipeline = useApi(
    `pipeline:${postingId}`,
    (signal) => selectionApi.pipeline(postingId, signal),
    REFRESH_MS
  )
  const canManage = pipeline.data?.canManage ?? false
  // Windows are the coordinator's; the theme owner only reads the pipeline.
  const windows = useApi(
    canManage ? `windows:${programId}` : 'windows:none',
    (signal) => (canManage ? selectionApi.windows(programId, signal) : Promise.resolve([])),
    REFRESH_MS
  )
  const [filter, setFilter] = useState<Filter>('all')
  // Kept here, so a card stays open when its application moves to another stage's group.
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(new Set())
  const [moved, setMoved] = useState<{ name: string; stage: ManagedStage } | null>(null)

  if (!program.data || !pipeline.data) {
    const failure = program.error ?? pipeline.error
    return <LoadingPage error={failure} onRetry={pipeline.reload} />
  }
  const { posting, counts, applications } = pipeline.data
  const total = applications.length
  const freeSlots = freeSlotsFor(windows.data ?? [], posting.id)
  const reload = () => {
    pipeline.reload()
    windows.reload()
  }
  const toggle = (id: string) =>
    setOpenIds((ids) => {
      const next = new Set(ids)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const changed = (application: Application) => (stage?: ManagedStage) => {
    if (stage) setMoved({ name: application.name, stage })
    reload()
  }
  const stages = APPLICATION_STAGES.filter((s) => s !== 'withdrawn' || counts.withdrawn > 0)
  const shown = filter === 'all' ? stages : [filter]

  return (
    <div className="page page--wide selection-page">
      <Crumbs
        items={[
          { label: program.data.name, href: `/programs/${encodeURIComponent(programId)}` },
          {
            label: t('selection.overview.title'),
            href: `/programs/${encodeURIComponent(programId)}/selection`,
          },
          { label: posting.title },
        ]}
      />
      <header className="selection-head selection-head--split">
        <div>
          <p className="muted small">{posting.teamName}</p>
          <h1>{posting.title}</h1>
          <p className="muted">
            {t('selection.pipeline.lead', {
              count: total,
              formatted: formatCount(total, language),
            })}
          </p>
        </div>
        <div className="selection-head__actions">
          <a
            className="button button--small"
            href={`/postings/${encodeURIComponent(posting.slug)}`}
            target="_blank"
            rel="noopener"
          >
            {t('selection.publish.openPublic')}
            <span className="visually-hidden">{t('selection.nav.newTab')}</span>
          </a>
          <a className="button button--small" href={selectionLinks.postingCsv(posting.id)} download>
            {t('selection.pipeline.csv')}
          </a>
          {canManage && (
            <Link
              className="button button--small"
              href={`/teams/${encodeURIComponent(posting.teamId)}/posting`}
            >
              {t('selection.panel.edit')}
            </Link>
          )}
        </div>
      </header>

      {!canManage && <p className="notice">{t('selection.pipeline.readOnly')}</p>}
      <p
        className={moved ? 'notice notice--ok selection-moved' : 'visually-hidden'}
        role="status"
        aria-live="polite"
      >
        {moved
          ? t('selection.pipeline.moved', {
              name: moved.name,
              stage: t(`selection.stages.${moved.stage}`),
            })
          : ''}
      </p>

      <div className="stage-filter" role="group" aria-label={t('selection.pipeline.filter')}>
        <button
          type="button"
          className="stage-filter__option"
          aria-pressed={filter === 'all'}
          onClick={() => setFilter('all')}
        >
          {t('selection.pipeline.all')}
          <span className="stage-filter__count">{formatCount(total, language)}</span>
        </button>
        {stages.map((stage) => (
          <button
            key={stage}
            type="button"
            className={`stage-filter__option stage-color--${stage}`}
            aria-pressed={filter === stage}
            onClick={() => setFilter(stage)}
          >
            {t(`selection.stages.${stage}`)}
            <span className="stage-filter__count" data-testid={`count-${stage}`}>
              {formatCount(counts[stage], language)}
            </span>
          </button>
        ))}
      </div>

      {total === 0 ? (
        <div className="empty">
          <strong>{t('selection.pipeline.emptyTitle')}</strong>
          {t('selection.pipeline.emptyBody')}
        </div>
      ) : (
        shown.map((stage) => (
          <StageGroup
            key={stage}
            stage={stage}
            applications={applications.filter((a) => a.stage === stage)}
            canManage={canManage}
            freeSlots={freeSlots}
            openIds={openIds}
            onToggle={toggle}
            onChanged={changed}
            isFiltered={filter !== 'all'}
          />
        ))
      )}
    </div>
  )
}

interface StageGroupProps {
  stage: ApplicationStage
  applications: readonly Application[]
  canManage: boolean
  freeSlots: ReturnType<typeof freeSlotsFor>
  openIds: ReadonlySet<string>
  onToggle: (id: string) => void
  onChanged: (application: Application) => (stage?: ManagedStage) => void
  isFiltered: boolean
}

function StageGroup({
  stage,
  applications,
  canManage,
  freeSlots,
  openIds,
  onToggle,
  onChanged,
  isFiltered,
}: StageGroupProps) {
  const { t } = useTranslation()
  if (applications.length === 0 && !isFiltered) return null
  return (
    <section
      className="stage-group"
      aria-labelledby={`stage-${stage}`}
      data-testid={`stage-group-${stage}`}
    >
      <h2 id={`stage-${stage}`} className="stage-group__title">
        <span className={`stage-dot stage-color--${stage}`} aria-hidden="true" />
        {t(`selection.stages.${stage}`)}
        <span className="muted">
          {t('selection.pipeline.people', { count: applications.length })}
        </span>
      </h2>
      {applications.length === 0 ? (
        <p className="muted small">{t('selection.pipeline.noneInStage')}</p>
      ) : (
        <ul className="application-list plain-list">
          {applications.map((a) => (
            <li key={a.id}>
              <ApplicationCard
                application={a}
                canManage={canManage}
                freeSlots={freeSlots}
                isOpen={openIds.has(a.id)}
                onToggle={() => onToggle(a.id)}
                onChanged={onChanged(a)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
