import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react'

type Shared = {
  /** Also the input's id; the problem and hint get ids derived from it. */
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onValue: (value: string) => void
  /** A problem in words, shown under the field and announced with it. */
  readonly problem?: string | null
  /** Help shown under the field while there is no problem (with `keepsHint`, above the problem too). */
  readonly hint?: string
  /** The hint stays when a problem shows (help the problem refers to, e.g. the allowed characters). */
  readonly keepsHint?: boolean
  /** A unit written after the input (円, 時間), not read out: the label names it. */
  readonly unit?: string
  /** A class for the field's box (its place in a form's grid), besides `field`. */
  readonly fieldClassName?: string
}

type TextFieldProps =
  | (Shared & { readonly multiline?: false } & Omit<
        InputHTMLAttributes<HTMLInputElement>,
        'id' | 'value' | 'onChange'
      >)
  | (Shared & { readonly multiline: true } & Omit<
        TextareaHTMLAttributes<HTMLTextAreaElement>,
        'id' | 'value' | 'onChange'
      >)

/** A labelled text input (or textarea) with its problem or hint underneath, wired for screen readers. */
export function TextField(props: TextFieldProps) {
  const {
    id,
    label,
    value,
    onValue,
    problem,
    hint,
    keepsHint = false,
    unit,
    multiline,
    className,
    fieldClassName,
    ...rest
  } = props
  const showsHint = hint !== undefined && hint !== '' && (keepsHint || !problem)
  const note =
    [showsHint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') ||
    undefined
  // Without a problem of its own, a field may still be marked by a form-wide message the caller names.
  const common = {
    id,
    value,
    'aria-invalid': problem ? true : rest['aria-invalid'],
    'aria-describedby': note ?? rest['aria-describedby'],
  }
  const input = multiline ? null : (
    <input
      {...(rest as InputHTMLAttributes<HTMLInputElement>)}
      {...common}
      className={`input ${className ?? ''}`.trim()}
      onChange={(e) => onValue(e.target.value)}
    />
  )
  return (
    <div className={fieldClassName ? `field ${fieldClassName}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...(rest as TextareaHTMLAttributes<HTMLTextAreaElement>)}
          {...common}
          className={`input textarea ${className ?? ''}`.trim()}
          onChange={(e) => onValue(e.target.value)}
        />
      ) : unit ? (
        <span className="input-with-unit">
          {input}
          <span aria-hidden="true">{unit}</span>
        </span>
      ) : (
        input
      )}
      {showsHint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={`${id}-problem`} className="field-problem">
          {problem}
        </span>
      )}
    </div>
  )
}
