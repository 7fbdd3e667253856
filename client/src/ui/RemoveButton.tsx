/** The small, quiet red button that takes something away (revoke a link, delete a thread). */
export function RemoveButton({
  label,
  onClick,
  disabled,
}: {
  label: string
  onClick: () => void
  disabled?: boolean
}) {
  return (
    <button
      type="button"
      className="button button--small button--quiet button--danger"
      disabled={disabled}
      onClick={onClick}
    >
      {label}
    </button>
  )
}
