import { useId } from 'react'
import { splitTags } from '@specboard/shared'
import { TagList } from './TagList.tsx'

interface TagsFieldProps {
  label: string
  hint: string
  /** The tags as typed: one line, separated by 、 , / or newlines. */
  value: string
  onChange: (value: string) => void
  problem?: string
  id?: string
  maxLength?: number
}

/**
 * Tags typed as one line (IME-friendly: no key handling), shown back as chips so the split is visible
 * before saving. The split is the shared `splitTags`, the same the server and the public form use.
 */
export function TagsField({
  label,
  hint,
  value,
  onChange,
  problem,
  id,
  maxLength = 600,
}: TagsFieldProps) {
  const ownId = useId()
  const inputId = id ?? ownId
  const tags = splitTags(value)
  return (
    <div className="field tags-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        className="input"
        value={value}
        maxLength={maxLength}
        aria-describedby={`${inputId}-hint${problem ? ` ${inputId}-problem` : ''}`}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={`${inputId}-hint`} className="field-hint">
        {hint}
      </span>
      {tags.length > 0 && <TagList tags={tags} aria-hidden="true" />}
      {problem && (
        <span id={`${inputId}-problem`} className="field-problem">
          {problem}
        </span>
      )}
    </div>
  )
}
