import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { Program, can } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { useApi } from '../ui/useApi.ts'
import { Crumbs } from './Crumbs.tsx'
import { InterviewsSection } from './interviews/InterviewsSection.tsx'
import { MailProblemsNotice } from './MailProblemsNotice.tsx'
import { PostingCard } from './PostingCard.tsx'
import { PublicPostings } from './PublicPostings.tsx'
import { selectionApi, selectionLinks } from './selectionApi.ts'
import './selection.css'
import './postings-overview.css'
import { LoadingPage } from '../ui/LoadingPage.tsx'

// New applications and bookings show without a reload.
const REFRESH_MS = 30_000

/** `/programs/:programId/selection`: the program's postings with applicants per stage, and the interviews. */
export function SelectionPage({ programId }: { programId: string }) {
  const { t } = useTranslation()
  const programPath = `/api/programs/${encodeURIComponent(programId)}`
  const program = useApi(programPath, (signal) => apiRequest(programPath, Program, { signal }))
  const postings = useApi(
    `${programPath}/postings`,
    (signal) => selectionApi.programPostings(programId, signal),
    REFRESH_MS
  )

  if (!program.data || !postings.data) {
    const failure = program.error ?? postings.error
    return <LoadingPage error={failure} onRetry={postings.reload} />
  }
  const isCoordinator = can(program.data.myRole, 'selection:manage')
  const { postings: followed, published: publicOnly } = postings.data
  const published = new Set(followed.map((p) => p.teamId))
  const unpublishedTeams = program.data.teams.filter((team) => !published.has(team.id))

  return (
    <div className="page page--wide selection-page">
      <Crumbs
        items={[
          { label: program.data.name, href: `/programs/${encodeURIComponent(programId)}` },
          { label: t('selection.overview.title') },
        ]}
      />
      <header className="selection-head selection-head--split">
        <div>
          <h1>{t('selection.overview.title')}</h1>
          <p className="muted">{t('selection.overview.lead')}</p>
        </div>
        <div className="selection-head__actions">
          <a
            className="button button--small"
            href={selectionLinks.publicList}
            target="_blank"
            rel="noopener"
          >
            {t('selection.nav.publicPostings')}
            <span className="visually-hidden">{t('selection.nav.newTab')}</span>
          </a>
          {isCoordinator && (
            <>
              <a
                className="button button--small"
                href={selectionLinks.programCsv(programId)}
                download
              >
                {t('selection.overview.csv')}
              </a>
              <Link
                className="button button--small"
                href={`/programs/${encodeURIComponent(programId)}/figures`}
              >
                {t('selection.nav.figures')}
              </Link>
              <Link
                className="button button--small"
                href={`/pool?programId=${encodeURIComponent(programId)}`}
              >
                {t('selection.nav.pool')}
              </Link>
            </>
          )}
        </div>
      </header>

      {isCoordinator && <MailProblemsNotice programId={programId} />}

      <section className="selection-section" aria-labelledby="postings-title">
        <h2 id="postings-title" className="selection-section__title">
          {t('selection.overview.postings')}
        </h2>
        {followed.length === 0 && publicOnly.length === 0 && (
          <div className="empty">
            <strong>{t('selection.overview.emptyTitle')}</strong>
            {isCoordinator
              ? t('selection.overview.emptyBody')
              : t('selection.overview.emptyBodyMember')}
          </div>
        )}
        {followed.length > 0 && (
          <ul className="posting-cards plain-list">
            {followed.map((posting) => (
              <li key={posting.id}>
                <PostingCard programId={programId} posting={posting} canEdit={isCoordinator} />
              </li>
            ))}
          </ul>
        )}
        {publicOnly.length > 0 && <PublicPostings postings={publicOnly} />}
        {isCoordinator && unpublishedTeams.length > 0 && (
          <div className="unpublished">
            <h3 className="unpublished__title">{t('selection.overview.unpublished')}</h3>
            <ul className="unpublished__list plain-list">
              {unpublishedTeams.map((team) => (
                <li key={team.id}>
                  <span>{team.name}</span>
                  <Link
                    className="button button--small"
                    href={`/teams/${encodeURIComponent(team.id)}/posting`}
                  >
                    {t('selection.panel.publish')}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {isCoordinator && <InterviewsSection programId={programId} postings={followed} />}
    </div>
  )
}
