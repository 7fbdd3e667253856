import type { ReactNode } from 'react'

/**
 * The name on a selection card (an application, a pool entry) that opens and closes its details; the
 * card labels itself with `${bodyId}-name`.
 */
export function CardToggle({
  bodyId,
  isOpen,
  onToggle,
  children,
}: {
  bodyId: string
  isOpen: boolean
  onToggle: () => void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className="application__toggle"
      aria-expanded={isOpen}
      aria-controls={bodyId}
      onClick={onToggle}
    >
      <span className="application__chevron" aria-hidden="true">
        {isOpen ? '▾' : '▸'}
      </span>
      <span id={`${bodyId}-name`} className="application__name">
        {children}
      </span>
    </button>
  )
}
