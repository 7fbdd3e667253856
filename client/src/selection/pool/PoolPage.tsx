import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearch } from 'wouter'
import { ProgramList } from '@specboard/shared'
import { ApiRequestError, apiRequest } from '../../api.ts'
import { formatCount } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { ErrorMessage } from '../../ui/ErrorMessage.tsx'
import { Loading } from '../../ui/Loading.tsx'
import { useApi } from '../../ui/useApi.ts'
import { Crumbs } from '../Crumbs.tsx'
import { poolQuery, selectionApi, selectionLinks, type PoolFilter } from '../selectionApi.ts'
import { PoolEntryCard } from './PoolEntryCard.tsx'
import '../selection.css'
import './pool.css'

/** `/pool`: people across programs who agreed to be contacted again; search, tags, notes, invitations. */
export function PoolPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const search = useSearch()
  const [filter, setFilter] = useState<PoolFilter>(() => {
    const params = new URLSearchParams(search)
    return {
      q: params.get('q') ?? '',
      tag: params.get('tag') ?? '',
      programId: params.get('programId') ?? '',
    }
  })
  const [text, setText] = useState(filter.q ?? '')
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(new Set())
  const programs = useApi('/api/programs', (signal) =>
    apiRequest('/api/programs', ProgramList, { signal })
  )
  const all = useApi('pool:all', (signal) => selectionApi.pool({}, signal))
  const shown = useApi(`pool:${poolQuery(filter)}`, (signal) => selectionApi.pool(filter, signal))
  const tags = [...new Set((all.data?.entries ?? []).flatMap((e) => e.tags))].sort((a, b) =>
    a.localeCompare(b, 'ja')
  )
  const programName = programs.data?.programs.find((p) => p.id === filter.programId)?.name

  const reload = () => {
    all.reload()
    shown.reload()
  }
  const toggle = (id: string) =>
    setOpenIds((ids) => {
      const next = new Set(ids)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setFilter((f) => ({ ...f, q: text }))
  }
  const failure = shown.error ?? all.error
  // Only coordinators may use the pool: others get a word, not controls that would answer 403.
  const isForbidden = failure instanceof ApiRequestError && failure.kind === 'forbidden'

  if (isForbidden) {
    return (
      <div className="page selection-page">
        <Crumbs
          items={[{ label: t('app.home'), href: '/' }, { label: t('selection.pool.title') }]}
        />
        <h1>{t('selection.pool.title')}</h1>
        <div className="empty" data-testid="pool-forbidden">
          <strong>{t('selection.pool.forbiddenTitle')}</strong>
          {t('selection.pool.forbiddenBody')}
        </div>
      </div>
    )
  }

  return (
    <div className="page page--wide selection-page">
      <Crumbs
        items={[
          { label: t('app.home'), href: '/' },
          ...(filter.programId && programName
            ? [{ label: programName, href: `/programs/${encodeURIComponent(filter.programId)}` }]
            : []),
          { label: t('selection.pool.title') },
        ]}
      />
      <header className="selection-head selection-head--split">
        <div>
          <h1>{t('selection.pool.title')}</h1>
          <p className="muted">{t('selection.pool.lead')}</p>
        </div>
        <div className="selection-head__actions">
          <a className="button button--small" href={selectionLinks.poolCsv(filter)} download>
            {t('selection.pool.csv')}
          </a>
        </div>
      </header>

      <form
        className="pool-filters card"
        role="search"
        onSubmit={submit}
        aria-label={t('selection.pool.searchLabel')}
      >
        <div className="field pool-filters__q">
          <label htmlFor="pool-q">{t('selection.pool.search')}</label>
          <div className="row">
            <input
              id="pool-q"
              className="input"
              type="search"
              value={text}
              maxLength={100}
              placeholder={t('selection.pool.searchPlaceholder')}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button">
              {t('selection.pool.searchSubmit')}
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor="pool-tag">{t('selection.pool.tag')}</label>
          <select
            id="pool-tag"
            className="select"
            value={filter.tag}
            onChange={(e) => setFilter((f) => ({ ...f, tag: e.target.value }))}
          >
            <option value="">{t('selection.pool.anyTag')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pool-program">{t('selection.pool.program')}</label>
          <select
            id="pool-program"
            className="select"
            value={filter.programId}
            onChange={(e) => setFilter((f) => ({ ...f, programId: e.target.value }))}
          >
            <option value="">{t('selection.pool.anyProgram')}</option>
            {(programs.data?.programs ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </form>

      {failure !== undefined && <ErrorMessage error={failure} onRetry={reload} />}
      {!shown.data ? (
        failure === undefined && <Loading />
      ) : (
        <>
          <p className="pool-count" role="status" data-testid="pool-count">
            {t('selection.pool.count', {
              shown: formatCount(shown.data.total, language),
              total: formatCount(all.data?.total ?? shown.data.total, language),
            })}
          </p>
          {shown.data.entries.length === 0 ? (
            <div className="empty">
              <strong>{t('selection.pool.emptyTitle')}</strong>
              {t('selection.pool.emptyBody')}
            </div>
          ) : (
            <ul className="pool-list plain-list">
              {shown.data.entries.map((entry) => (
                <li key={entry.id}>
                  <PoolEntryCard
                    entry={entry}
                    isOpen={openIds.has(entry.id)}
                    onToggle={() => toggle(entry.id)}
                    onChanged={reload}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}
