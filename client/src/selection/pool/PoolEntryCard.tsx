import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { splitTags, type PoolEntry, DISPLAY_TIME_ZONE } from '@specboard/shared'
import { formatDate } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { TagsField } from '../../ui/TagsField.tsx'
import { ContactLink } from '../ContactLink.tsx'
import { NoteField } from '../NoteField.tsx'
import { SelectionError } from '../SelectionError.tsx'
import { selectionApi } from '../selectionApi.ts'
import { InviteToTeam } from './InviteToTeam.tsx'
import { useSubmit } from '../../ui/useSubmit.ts'
import { CardToggle } from '../CardToggle.tsx'
import { TagList } from '../../ui/TagList.tsx'

interface PoolEntryCardProps {
  entry: PoolEntry
  isOpen: boolean
  onToggle: () => void
  onChanged: () => void
}

/** A person in the talent pool: where they came from, tags, note, invitations, and erasure on request. */
export function PoolEntryCard({ entry, isOpen, onToggle, onChanged }: PoolEntryCardProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const bodyId = useId()
  const [tags, setTags] = useState(entry.tags.join('、'))
  const [isInviting, setInviting] = useState(false)
  const { error, run: submit } = useSubmit()
  const sourceKinds = [...new Set(entry.sources.map((s) => s.source))]
  const areTagsChanged = splitTags(tags).join('\n') !== entry.tags.join('\n')

  const run = (action: () => Promise<unknown>) =>
    submit(async () => {
      await action()
      onChanged()
    })

  const remove = () => {
    if (!window.confirm(t('selection.pool.deleteConfirm', { name: entry.name }))) return
    void run(() => selectionApi.deletePoolEntry(entry.id))
  }

  return (
    <article
      className={`pool-entry card${isOpen ? ' pool-entry--open' : ''}`}
      aria-labelledby={`${bodyId}-name`}
      data-testid="pool-entry"
    >
      <header className="pool-entry__head">
        <CardToggle bodyId={bodyId} isOpen={isOpen} onToggle={onToggle}>
          {entry.name}
        </CardToggle>
        {sourceKinds.map((kind) => (
          <span key={kind} className={`badge pool-source pool-source--${kind}`}>
            {t(`selection.pool.sources.${kind}`)}
          </span>
        ))}
        {entry.isDemo && <span className="badge">{t('selection.status.demo')}</span>}
        {entry.lapsesAt && (
          <span className="badge">
            {t('selection.pool.renewalDue', {
              date: formatDate(entry.lapsesAt, language, DISPLAY_TIME_ZONE),
            })}
          </span>
        )}
        {entry.tags.length > 0 && <TagList tags={entry.tags} className="pool-entry__tags" />}
      </header>
      <p className="muted small pool-entry__programs">
        {entry.programs.map((p) => p.name).join('・')}
      </p>

      {isOpen && (
        <div id={bodyId} className="pool-entry__body">
          <dl className="facts-list">
            <dt>{t('selection.pipeline.contact')}</dt>
            <dd>
              <ContactLink contact={entry.contact} />
            </dd>
            <dt>{t('selection.pool.history')}</dt>
            <dd>
              <ul className="pool-entry__sources plain-list">
                {entry.sources.map((s, index) => (
                  <li key={index}>
                    {t(`selection.pool.sources.${s.source}`)}
                    {'：'}
                    {[s.programName, s.teamName].filter(Boolean).join(' › ')}
                    <span className="muted">
                      （{formatDate(s.at, language, DISPLAY_TIME_ZONE)}）
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
            {entry.invitations.length > 0 && (
              <>
                <dt>{t('selection.pool.invitations')}</dt>
                <dd>
                  <ul className="pool-entry__sources plain-list">
                    {entry.invitations.map((i) => (
                      <li key={i.inviteId}>
                        {t('selection.pool.invitedTo', {
                          team: i.teamName,
                          role: t(`roles.${i.role}`),
                        })}
                        <span className="muted">
                          （{formatDate(i.createdAt, language, DISPLAY_TIME_ZONE)}）
                        </span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>

          <form
            className="pool-entry__tags-form"
            onSubmit={(e) => {
              e.preventDefault()
              void run(() => selectionApi.updatePoolEntry(entry.id, { tags: splitTags(tags) }))
            }}
          >
            <TagsField
              label={t('selection.pool.tags')}
              hint={t('selection.pool.tagsHint')}
              value={tags}
              onChange={setTags}
            />
            <div>
              <button type="submit" className="button button--small" disabled={!areTagsChanged}>
                {t('selection.pool.saveTags')}
              </button>
            </div>
          </form>

          <NoteField
            value={entry.note}
            label={t('selection.pipeline.note')}
            onSave={(note) => run(() => selectionApi.updatePoolEntry(entry.id, { note }))}
          />

          <div className="pool-entry__actions">
            <button
              type="button"
              className="button button--small"
              aria-expanded={isInviting}
              onClick={() => setInviting((v) => !v)}
            >
              {t('selection.pool.invite')}
            </button>
            <button type="button" className="button button--small button--danger" onClick={remove}>
              {t('selection.pool.delete')}
            </button>
          </div>
          {isInviting && (
            <InviteToTeam entryId={entry.id} name={entry.name} onInvited={onChanged} />
          )}
          {error !== null && <SelectionError error={error} />}
        </div>
      )}
    </article>
  )
}
