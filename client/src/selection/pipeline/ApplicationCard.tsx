import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import {
  isWebUrl,
  type Application,
  type ManagedStage,
  type Slot,
  DISPLAY_TIME_ZONE,
} from '@specboard/shared'
import { formatDateTime, formatTimeSpan } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { InterviewControls } from '../interviews/InterviewControls.tsx'
import { ContactLink } from '../ContactLink.tsx'
import { NoteField } from '../NoteField.tsx'
import { SelectionError } from '../SelectionError.tsx'
import { selectionApi } from '../selectionApi.ts'
import { RatingField, Stars } from './RatingField.tsx'
import { StageBadge } from './StageBadge.tsx'
import { StageControls } from './StageControls.tsx'
import { CardToggle } from '../CardToggle.tsx'
import { useSubmit } from '../../ui/useSubmit.ts'
import { TagList } from '../../ui/TagList.tsx'

interface ApplicationCardProps {
  application: Application
  canManage: boolean
  freeSlots: readonly Slot[]
  isOpen: boolean
  onToggle: () => void
  /** After any change; `stage` when the application moved. */
  onChanged: (stage?: ManagedStage) => void
}

/** One applicant: a summary line, and when opened what they wrote, the interview, rating, note and stage. */
export function ApplicationCard({
  application: a,
  canManage,
  freeSlots,
  isOpen,
  onToggle,
  onChanged,
}: ApplicationCardProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const detailsId = useId()
  const { isSending, error, run } = useSubmit()
  const scheduled = a.interview?.status === 'scheduled' ? a.interview : null

  const update = (body: { stage?: ManagedStage; note?: string; rating?: number | null }) =>
    run(async () => {
      await selectionApi.updateApplication(a.id, body)
      onChanged(body.stage)
    })

  return (
    <article
      className={`application card${isOpen ? ' application--open' : ''}`}
      aria-labelledby={`${detailsId}-name`}
      data-testid="application"
    >
      <header className="application__head">
        <CardToggle bodyId={detailsId} isOpen={isOpen} onToggle={onToggle}>
          {a.isErased ? t('selection.pipeline.erasedName') : a.name}
        </CardToggle>
        <StageBadge stage={a.stage} />
        <Stars value={a.rating} />
        <span className="application__meta muted small">
          {scheduled
            ? t('selection.pipeline.nextInterview', {
                when: formatTimeSpan(
                  scheduled.startsAt,
                  scheduled.endsAt,
                  language,
                  DISPLAY_TIME_ZONE
                ),
              })
            : t('selection.pipeline.appliedAt', {
                date: formatDateTime(a.createdAt, language, DISPLAY_TIME_ZONE),
              })}
        </span>
      </header>

      {isOpen && (
        <div id={detailsId} className="application__body">
          {a.isErased ? (
            <p className="notice">{t('selection.pipeline.erased')}</p>
          ) : (
            <dl className="facts-list application__facts">
              <dt>{t('selection.pipeline.contact')}</dt>
              <dd>
                <ContactLink contact={a.contact} />
              </dd>
              <dt>{t('selection.pipeline.appliedOn')}</dt>
              <dd>{formatDateTime(a.createdAt, language, DISPLAY_TIME_ZONE)}</dd>
              <dt>{t('selection.pipeline.motivation')}</dt>
              <dd className="application__motivation">{a.motivation}</dd>
              {a.skills.length > 0 && (
                <>
                  <dt>{t('selection.pipeline.skills')}</dt>
                  <dd>
                    <TagList tags={a.skills} />
                  </dd>
                </>
              )}
              {a.links.length > 0 && (
                <>
                  <dt>{t('selection.pipeline.links')}</dt>
                  <dd>
                    <ul className="application__links plain-list">
                      {a.links.map((link) => (
                        <li key={link}>
                          <SafeLink href={link} />
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
              <dt>{t('selection.pipeline.poolConsent')}</dt>
              <dd>
                {t(
                  a.consentPool ? 'selection.pipeline.consentYes' : 'selection.pipeline.consentNo'
                )}
              </dd>
            </dl>
          )}

          <InterviewControls
            applicationId={a.id}
            interview={a.interview}
            isBookable={!a.isErased && (a.stage === 'applied' || a.stage === 'interview_scheduled')}
            canManage={canManage}
            freeSlots={freeSlots}
            onChanged={() => onChanged()}
          />

          {canManage ? (
            <div className="application__manage">
              <RatingField value={a.rating} onChange={(rating) => void update({ rating })} />
              <NoteField
                value={a.note}
                label={t('selection.pipeline.note')}
                onSave={(note) => update({ note })}
              />
              <StageControls
                application={a}
                isSending={isSending}
                onMove={(stage) => void update({ stage })}
              />
            </div>
          ) : (
            a.note && (
              <p className="application__note">
                <span className="field-label">{t('selection.pipeline.note')}</span> {a.note}
              </p>
            )
          )}
          {error !== null && <SelectionError error={error} />}
        </div>
      )}
    </article>
  )
}

/** An applicant's link: only http(s) becomes a link (the server checks too), opened without a referrer. */
function SafeLink({ href }: { href: string }) {
  return isWebUrl(href) ? (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {href}
    </a>
  ) : (
    <span>{href}</span>
  )
}
