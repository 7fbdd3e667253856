import { useState } from 'react'
import { SheetTemplate, type Program, type TemplateSection } from '@specboard/shared'
import { apiSend } from '../api.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { TextField } from '../ui/TextField.tsx'
import { useSubmit } from '../ui/useSubmit.ts'

/** A key no section has yet; keys name the section's text in every sheet, so they never change. */
function freshKey(sections: readonly TemplateSection[]): string {
  const taken = new Set(sections.map((s) => s.key))
  let n = sections.length + 1
  while (taken.has(`section${n}`)) n++
  return `section${n}`
}

function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list]
  const [item] = next.splice(from, 1)
  if (item !== undefined) next.splice(to, 0, item)
  return next
}

/**
 * The program's sheet template: add, rename, reword, reorder and retire sections. There is no delete:
 * a retired section keeps the text sheets already have.
 */
export function TemplateEditor({ program, onSaved }: { program: Program; onSaved: () => void }) {
  const ta = useAccountsText()
  const language = useLanguage()
  const [sections, setSections] = useState<TemplateSection[]>(() => [...program.template.sections])
  const { isSending, error, run } = useSubmit()
  const [isSaved, setSaved] = useState(false)
  const parsed = SheetTemplate.safeParse({ sections })
  const isChanged = JSON.stringify(sections) !== JSON.stringify(program.template.sections)

  const change = (index: number, patch: Partial<TemplateSection>) => {
    setSaved(false)
    setSections((all) => all.map((s, i) => (i === index ? { ...s, ...patch } : s)))
  }
  const add = () => {
    setSaved(false)
    setSections((all) => [
      ...all,
      {
        key: freshKey(all),
        title: { ja: ta('settings.newSection'), en: 'New section' },
        prompt: { ja: ta('settings.newPrompt'), en: 'Explain what should be written here.' },
      },
    ])
  }
  const save = async () => {
    if (!parsed.success) return
    await run(async () => {
      await apiSend(`/api/programs/${encodeURIComponent(program.id)}`, {
        method: 'PATCH',
        body: { template: parsed.data },
      })
      setSaved(true)
      onSaved()
    })
  }

  return (
    <section className="card stack" aria-labelledby="settings-template">
      <div>
        <h2 id="settings-template">{ta('settings.template')}</h2>
        <p className="muted small">{ta('settings.templateLead')}</p>
      </div>
      <ol className="template-list plain-list">
        {sections.map((section, index) => (
          <li
            key={section.key}
            className={`template-list__item${section.retired ? ' template-list__item--retired' : ''}`}
            data-testid="template-section"
            aria-label={section.title[language]}
          >
            <div className="template-list__head">
              <span className="template-list__number">{String(index + 1).padStart(2, '0')}</span>
              <code className="muted small">
                {ta('settings.key')}: {section.key}
              </code>
              {section.retired && <span className="badge">{ta('settings.retired')}</span>}
              <span className="template-list__tools">
                <button
                  type="button"
                  className="button button--small button--quiet"
                  disabled={index === 0}
                  onClick={() => setSections((all) => moved(all, index, index - 1))}
                >
                  {ta('settings.moveUp')}
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  disabled={index === sections.length - 1}
                  onClick={() => setSections((all) => moved(all, index, index + 1))}
                >
                  {ta('settings.moveDown')}
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  onClick={() => change(index, { retired: section.retired ? undefined : true })}
                >
                  {section.retired ? ta('settings.restore') : ta('settings.retire')}
                </button>
              </span>
            </div>
            <div className="template-list__fields">
              <TextField
                id={`title-ja-${section.key}`}
                label={ta('settings.titleJa')}
                value={section.title.ja}
                maxLength={500}
                onValue={(ja) => change(index, { title: { ...section.title, ja } })}
              />
              <TextField
                id={`title-en-${section.key}`}
                label={ta('settings.titleEn')}
                value={section.title.en}
                maxLength={500}
                onValue={(en) => change(index, { title: { ...section.title, en } })}
              />
              <TextField
                id={`prompt-ja-${section.key}`}
                multiline
                rows={2}
                label={ta('settings.promptJa')}
                value={section.prompt.ja}
                maxLength={500}
                onValue={(ja) => change(index, { prompt: { ...section.prompt, ja } })}
              />
              <TextField
                id={`prompt-en-${section.key}`}
                multiline
                rows={2}
                label={ta('settings.promptEn')}
                value={section.prompt.en}
                maxLength={500}
                onValue={(en) => change(index, { prompt: { ...section.prompt, en } })}
              />
            </div>
          </li>
        ))}
      </ol>
      {!parsed.success && (
        <p className="notice notice--error" role="alert">
          {parsed.error.issues[0]?.message}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <div className="settings__actions">
        <button type="button" className="button" onClick={add}>
          {ta('settings.addSection')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!parsed.success || !isChanged || isSending}
          onClick={() => void save()}
        >
          {ta('settings.save')}
        </button>
        {isSaved && !isChanged && (
          <span className="muted small" role="status">
            {ta('settings.saved')}
          </span>
        )}
        {isChanged && <span className="muted small">{ta('settings.unsaved')}</span>}
      </div>
    </section>
  )
}
