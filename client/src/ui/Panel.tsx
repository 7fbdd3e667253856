import type { HTMLAttributes, ReactNode } from 'react'

type PanelProps = {
  /** The heading's id, which names the section for screen readers. */
  readonly titleId: string
  readonly title: ReactNode
  readonly lead?: string
  readonly titleClassName?: string
  readonly children?: ReactNode
} & Omit<HTMLAttributes<HTMLElement>, 'title' | 'children'>

/** A side panel (board, presenter, runner): a titled section with an optional lead line. */
export function Panel(props: PanelProps) {
  const { titleId, title, lead, titleClassName, className, children, ...rest } = props
  return (
    <section
      {...rest}
      className={className ? `panel ${className}` : 'panel'}
      aria-labelledby={titleId}
    >
      <h2
        id={titleId}
        className={titleClassName ? `panel__title ${titleClassName}` : 'panel__title'}
      >
        {title}
      </h2>
      {lead && <p className="panel__lead">{lead}</p>}
      {children}
    </section>
  )
}
