import type { SelectHTMLAttributes } from 'react'

export interface SelectOption {
  readonly value: string
  readonly label: string
}

type SelectFieldProps = {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onValue: (value: string) => void
  readonly options: readonly SelectOption[]
  /** The first choice, with the value '' ("any", "choose…"); none when left out. */
  readonly emptyLabel?: string
  /** Help shown under the select. */
  readonly hint?: string
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>

/** A labelled select, TextField's sibling: the label, an optional empty choice, then the options. */
export function SelectField(props: SelectFieldProps) {
  const { id, label, value, onValue, options, emptyLabel, hint, className, ...rest } = props
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        {...rest}
        id={id}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={`select ${className ?? ''}`.trim()}
        value={value}
        onChange={(e) => onValue(e.target.value)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  )
}
