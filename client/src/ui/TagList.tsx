import type { HTMLAttributes } from 'react'

/** Words shown as chips (skills, pool tags); `className` adds to `tags` for a place's own spacing. */
export function TagList({
  tags,
  className,
  ...rest
}: { tags: readonly string[] } & Omit<HTMLAttributes<HTMLUListElement>, 'children'>) {
  return (
    <ul {...rest} className={className ? `tags ${className}` : 'tags'}>
      {tags.map((tag) => (
        <li key={tag} className="tag">
          {tag}
        </li>
      ))}
    </ul>
  )
}
