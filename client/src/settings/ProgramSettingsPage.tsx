import { Link } from 'wouter'
import { Program } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useApi } from '../ui/useApi.ts'
import { BasicsForm } from './BasicsForm.tsx'
import { CoordinatorsPanel } from './CoordinatorsPanel.tsx'
import { RetentionPanel } from './RetentionPanel.tsx'
import { DigestPanel } from './DigestPanel.tsx'
import { TemplateEditor } from './TemplateEditor.tsx'
import { WebhooksPanel } from './WebhooksPanel.tsx'
import './settings.css'
import { LoadingPage } from '../ui/LoadingPage.tsx'

/** `/programs/:programId/settings`: what a coordinator sets up for a program, and who runs it. */
export function ProgramSettingsPage({ programId }: { programId: string }) {
  const ta = useAccountsText()
  const path = `/api/programs/${encodeURIComponent(programId)}`
  const program = useApi(path, (signal) => apiRequest(path, Program, { signal }))

  if (!program.data) return <LoadingPage error={program.error} onRetry={program.reload} />
  const data = program.data
  return (
    <div className="page settings stack">
      <nav className="small">
        <Link href={`/programs/${encodeURIComponent(data.id)}`}>{data.name}</Link>
      </nav>
      <h1 className="page-title">{ta('settings.title')}</h1>
      <BasicsForm program={data} onSaved={program.reload} />
      <CoordinatorsPanel programId={data.id} />
      <TemplateEditor program={data} onSaved={program.reload} />
      <DigestPanel programId={data.id} />
      <RetentionPanel programId={data.id} />
      <WebhooksPanel programId={data.id} />
      <p>
        <Link href={`/programs/${encodeURIComponent(data.id)}/audit`}>{ta('audit.title')}</Link>
      </p>
    </div>
  )
}
