import { linkify } from './linkify.ts'

/**
 * A comment as plain text: line breaks kept (by CSS), web addresses as links that open in a new tab
 * without handing over the page. Built from React text nodes, never from HTML.
 */
export function CommentText({ text }: { text: string }) {
  return (
    <p className="comment-text">
      {linkify(text).map((part, i) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow">
            {part.href}
          </a>
        )
      )}
    </p>
  )
}
