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
import { SelectField } from '../../ui/SelectField.tsx'

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
        <SelectField
          id="pool-tag"
          label={t('selection.pool.tag')}
          value={filter.tag ?? ''}
          onValue={(tag) => setFilter((f) => ({ ...f, tag }))}
          emptyLabel={t('selection.pool.anyTag')}
          options={tags.map((tag) => ({ value: tag, label: tag }))}
        />
        <SelectField
          id="pool-program"
          label={t('selection.pool.program')}
          value={filter.programId ?? ''}
          onValue={(programId) => setFilter((f) => ({ ...f, programId }))}
          emptyLabel={t('selection.pool.anyProgram')}
          options={(programs.data?.programs ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
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
