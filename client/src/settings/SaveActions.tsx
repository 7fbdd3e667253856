/** A settings form's save button, and a quiet "saved" once it has been. */
export function SaveActions({
  label,
  savedLabel,
  isSaved,
  disabled,
}: {
  label: string
  savedLabel: string
  isSaved: boolean
  disabled: boolean
}) {
  return (
    <div className="settings__actions">
      <button className="button button--primary" type="submit" disabled={disabled}>
        {label}
      </button>
      {isSaved && (
        <span className="muted small" role="status">
          {savedLabel}
        </span>
      )}
    </div>
  )
}
