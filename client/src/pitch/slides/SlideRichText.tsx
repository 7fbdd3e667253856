import { memo } from 'react'
import type { JSONContent } from '@tiptap/core'
import { renderToReactElement } from '@tiptap/static-renderer/pm/react'
import { sheetContentExtensions } from '@specboard/shared/editorExtensions'
import { safeHref } from '@specboard/shared/sheetContent'

const extensions = sheetContentExtensions()

/**
 * A slide's blocks as React elements, rendered by TipTap's static renderer with the sheet's own
 * extensions: text is escaped by React, and blocks were checked against the schema by buildSlides.
 */
export const SlideRichText = memo(function SlideRichText({
  blocks,
}: {
  blocks: readonly JSONContent[]
}) {
  try {
    return renderToReactElement({
      content: { type: 'doc', content: [...blocks] },
      extensions,
      options: {
        nodeMapping: {
          // The slide title is the <h2>; headings inside a section start at <h3>.
          heading: ({ node, children }) => {
            const level = Math.min(5, Math.max(1, Number(node.attrs.level) || 1) + 2)
            const Tag = `h${level}` as 'h3' | 'h4' | 'h5'
            return <Tag>{children}</Tag>
          },
        },
        markMapping: {
          link: ({ mark, children }) => {
            const href = safeHref(mark.attrs.href)
            return href ? (
              <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                {children}
              </a>
            ) : (
              children
            )
          },
        },
      },
    })
  } catch {
    // Checked blocks always render; should the renderer still refuse, show the words without formatting.
    return (
      <>
        {blocks.map((block, i) => (
          <p key={i}>{textOf(block)}</p>
        ))}
      </>
    )
  }
})

function textOf(node: JSONContent): string {
  return typeof node.text === 'string' ? node.text : (node.content ?? []).map(textOf).join(' ')
}
