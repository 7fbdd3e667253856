import { memo, useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import {
  documentAccess,
  SECTION_STATUSES,
  type SectionMeta,
  type SectionStatus,
  type TeamMember,
  type TemplateSection,
} from '@specboard/shared'
import type { CollabDocument } from '../collab/openDocument.ts'
import type { PresenceUser, PresentPerson } from '../collab/usePresence.ts'
import { SectionEditor } from '../editor/SectionEditor.tsx'
import { SectionFallback } from './SectionFallback.tsx'
import { useSectionProblem } from './useSectionProblem.ts'
import { Avatar } from '../ui/Avatar.tsx'
import { useLanguage } from '../i18n/useLanguage.ts'
import { useFeedbackStore } from '../feedback/ReviewContext.tsx'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { SectionFeedbackButton } from '../feedback/SectionFeedbackButton.tsx'

interface SectionCardProps {
  index: number
  section: TemplateSection
  document: CollabDocument
  user: PresenceUser
  meta: SectionMeta
  members: readonly TeamMember[]
  /** Other people whose cursor is in this section. */
  writers: readonly PresentPerson[]
  isEditable: boolean
  onMetaChange: (key: string, patch: Partial<SectionMeta>) => void
  onFocusSection: (key: string | null) => void
}

/** One template section: title, guidance, status, assignee and the live editor. */
export const SectionCard = memo(function SectionCard(props: SectionCardProps) {
  const { index, section, document, user, meta, members, writers, isEditable } = props
  const { onMetaChange, onFocusSection } = props
  const { t } = useTranslation()
  const ta = useAccountsText()
  const language = useLanguage()
  const title = section.title[language]
  const headingId = `section-${section.key}-title`
  const onFocus = useCallback(() => onFocusSection(section.key), [onFocusSection, section.key])
  const onBlur = useCallback(() => onFocusSection(null), [onFocusSection])
  const feedback = useFeedbackStore()
  const problem = useSectionProblem(document.ydoc, section.key)

  return (
    <section className="section-card" aria-labelledby={headingId} data-section={section.key}>
      <header className="section-card__head">
        <div className="section-card__title-row">
          <span className="section-card__number" aria-hidden="true">
            {String(index + 1).padStart(2, '0')}
          </span>
          <h2 id={headingId} className="section-card__title">
            {title}
          </h2>
          <span className={`status-pill status-pill--${meta.status}`} data-testid="status-pill">
            {t(`sectionStatus.${meta.status}`)}
          </span>
        </div>
        <p className="section-card__prompt">{section.prompt[language]}</p>
        {section.retired && (
          <p className="notice small" data-testid="retired-section">
            {ta('board.retiredSection')}
          </p>
        )}
      </header>

      <div className="section-card__controls">
        <label className="section-card__control">
          <span>{t('board.status')}</span>
          <select
            className="select select--compact"
            value={meta.status}
            disabled={!isEditable}
            onChange={(e) => onMetaChange(section.key, { status: e.target.value as SectionStatus })}
          >
            {SECTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`sectionStatus.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="section-card__control">
          <span>{t('board.assignee')}</span>
          <select
            className="select select--compact"
            value={meta.assigneeId ?? ''}
            disabled={!isEditable}
            onChange={(e) => onMetaChange(section.key, { assigneeId: e.target.value || null })}
          >
            <option value="">{t('common.unassigned')}</option>
            {members
              // Only people who write the sheet take a section (a reviewer reads it); a stale choice stays visible.
              .filter(
                (m) => documentAccess(m.role, 'spec') === 'write' || m.memberId === meta.assigneeId
              )
              .map((m) => (
                <option key={m.memberId} value={m.memberId}>
                  {t('board.memberOption', { name: m.name, role: t(`roles.${m.role}`) })}
                </option>
              ))}
          </select>
        </label>
        {writers.length > 0 && (
          <div className="section-card__writers">
            {writers.map((p) => (
              <span key={p.personId} className="section-card__writer" style={{ color: p.color }}>
                <Avatar name={p.name} color={p.color} size={20} />
                {p.name}
              </span>
            ))}
          </div>
        )}
        {feedback && <SectionFeedbackButton sectionKey={section.key} title={title} />}
      </div>

      {problem !== null ? (
        <SectionFallback
          ydoc={document.ydoc}
          documentName={document.name}
          field={section.key}
          role={user.role}
        />
      ) : (
        <SectionEditor
          ydoc={document.ydoc}
          field={section.key}
          provider={document.provider}
          user={user}
          annotations={feedback ?? undefined}
          isEditable={isEditable}
          label={t('board.sectionEditor', { title })}
          onFocus={onFocus}
          onBlur={onBlur}
        />
      )}
    </section>
  )
})
