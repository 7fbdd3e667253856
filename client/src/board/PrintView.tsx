import { EditorContent, useEditorState } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { Team, type TemplateSection } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import type { CollabDocument } from '../collab/openDocument.ts'
import { useDocument, useDocumentReady } from '../collab/useDocument.ts'
import { useCollabEditor } from '../editor/useCollabEditor.ts'
import { formatDate } from '../i18n/format.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { useApi } from '../ui/useApi.ts'
import './print.css'

/** `/teams/:teamId/print`: the sheet as a clean document for the browser's "Save as PDF" (A4). */
export function PrintView({ teamId }: { teamId: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const path = `/api/teams/${encodeURIComponent(teamId)}`
  const team = useApi(path, (signal) => apiRequest(path, Team, { signal }))
  const document = useDocument(team.data?.documents.spec)
  const isReady = useDocumentReady(document)

  if (team.error !== undefined) {
    return (
      <div className="page">
        <ErrorMessage error={team.error} onRetry={team.reload} />
      </div>
    )
  }
  if (!team.data || !document || !isReady)
    return (
      <div className="page">
        <Loading />
      </div>
    )
  const { data } = team

  return (
    <div className="print">
      <div className="print__toolbar">
        <Link href={`/teams/${encodeURIComponent(teamId)}`} className="button button--quiet">
          ← {t('print.back')}
        </Link>
        <span className="muted small print__hint">{t('print.hint')}</span>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('print.printNow')}
        </button>
      </div>
      <article className="print__sheet">
        <header className="print__head">
          <p className="print__program">
            {data.programName}・{data.region}
          </p>
          <h1>{data.name}</h1>
          <p className="print__meta">
            {[
              data.organization,
              t('print.exportedAt', { date: formatDate(new Date().toISOString(), language) }),
            ]
              .filter(Boolean)
              .join('　')}
          </p>
        </header>
        {data.template.sections.map((section, index) => (
          <PrintSection key={section.key} index={index} section={section} document={document} />
        ))}
      </article>
    </div>
  )
}

function PrintSection({
  index,
  section,
  document,
}: {
  index: number
  section: TemplateSection
  document: CollabDocument
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const title = section.title[language]
  const editor = useCollabEditor({
    ydoc: document.ydoc,
    field: section.key,
    isEditable: false,
    label: title,
  })
  const isEmpty =
    useEditorState({ editor, selector: ({ editor }) => editor?.isEmpty ?? true }) ?? true
  return (
    <section className="print__section">
      <h2>
        <span className="print__number">{index + 1}.</span> {title}
      </h2>
      {isEmpty && <p className="print__empty">{t('print.empty')}</p>}
      <div hidden={isEmpty}>
        <EditorContent editor={editor} />
      </div>
    </section>
  )
}
