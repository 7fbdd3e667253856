import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { FigureKey, type ProgramFigures, DISPLAY_TIME_ZONE } from '@specboard/shared'
import { formatCount, formatDateTime } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { ErrorMessage } from '../../ui/ErrorMessage.tsx'
import { useApi } from '../../ui/useApi.ts'
import { Crumbs } from '../Crumbs.tsx'
import { selectionApi, selectionLinks } from '../selectionApi.ts'
import { DailyChart } from './DailyChart.tsx'
import { FigureTables } from './FigureTables.tsx'
import { FunnelChart } from './FunnelChart.tsx'
import { ProgressList } from './ProgressList.tsx'
import '../selection.css'
import './figures.css'
import { LoadingPage } from '../../ui/LoadingPage.tsx'

// Numbers move while applications come in; a slow poll keeps a dashboard left open on a screen honest.
const REFRESH_MS = 30_000

/** `/programs/:programId/figures`: the program's numbers against its targets, with charts. */
export function FiguresPage({ programId }: { programId: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const figures = useApi(
    `figures:${programId}`,
    (signal) => selectionApi.figures(programId, signal),
    REFRESH_MS
  )

  if (!figures.data) {
    return <LoadingPage error={figures.error} onRetry={figures.reload} />
  }
  const data = figures.data
  return (
    <div className="page page--wide selection-page figures">
      <Crumbs
        items={[
          { label: data.programName, href: `/programs/${encodeURIComponent(programId)}` },
          { label: t('selection.figures.title') },
        ]}
      />
      <header className="selection-head selection-head--split">
        <div>
          <h1>{t('selection.figures.title')}</h1>
          <p className="muted">
            {t('selection.figures.lead', {
              date: formatDateTime(data.generatedAt, language, DISPLAY_TIME_ZONE),
            })}
          </p>
        </div>
        <div className="selection-head__actions">
          <a className="button button--small" href={selectionLinks.programCsv(programId)} download>
            {t('selection.overview.csv')}
          </a>
          <a className="button button--small" href={selectionLinks.poolCsv({ programId })} download>
            {t('selection.pool.csv')}
          </a>
          <Link
            className="button button--small"
            href={`/programs/${encodeURIComponent(programId)}/selection`}
          >
            {t('selection.nav.selection')}
          </Link>
        </div>
      </header>
      {figures.error !== undefined && (
        <ErrorMessage error={figures.error} onRetry={figures.reload} />
      )}

      <section className="selection-section card" aria-labelledby="progress-title">
        <h2 id="progress-title" className="selection-section__title">
          {t('selection.figures.progressTitle')}
        </h2>
        <ProgressList progress={data.progress} />
      </section>

      <section className="selection-section" aria-labelledby="actuals-title">
        <h2 id="actuals-title" className="selection-section__title">
          {t('selection.figures.actualsTitle')}
        </h2>
        <Tiles data={data} />
      </section>

      <div className="figures__pair">
        <section className="selection-section card" aria-labelledby="funnel-title">
          <h2 id="funnel-title" className="selection-section__title">
            {t('selection.figures.funnelTitle')}
          </h2>
          <FunnelChart funnel={data.funnel} />
          <p className="muted small">
            {t('selection.figures.funnelNote', { count: data.interviewsScheduled })}
          </p>
        </section>
        <section className="selection-section card" aria-labelledby="daily-title">
          <h2 id="daily-title" className="selection-section__title">
            {t('selection.figures.dailyTitle')}
          </h2>
          <DailyChart days={data.applicationsByDay} />
        </section>
      </div>

      <FigureTables data={data} programId={programId} />
    </div>
  )
}

function Tiles({ data }: { data: ProgramFigures }) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <dl className="figure-tiles">
      {FigureKey.options.map((key) => {
        const value = data.actuals[key]
        return (
          <div key={key} className="figure-tile" data-testid={`figure-${key}`}>
            <dt>
              {t(`selection.figures.keys.${key}`)}
              <span className="figure-tile__counts">{t(`selection.figures.counts.${key}`)}</span>
            </dt>
            <dd>
              {value === null ? (
                <span className="muted small">{t('selection.figures.notRecorded')}</span>
              ) : (
                formatCount(value, language)
              )}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
