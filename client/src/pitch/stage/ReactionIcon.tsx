import type { ReactionKind } from '@specboard/shared'

// Drawn rather than emoji: emoji fonts differ by device (and some projector PCs have none).
const SHAPES: Readonly<Record<ReactionKind, React.ReactNode>> = {
  clap: (
    <>
      <g transform="translate(3.2 3.4) scale(0.86)">
        <path d="M18 11V6a2 2 0 0 0-4 0" />
        <path d="M14 10V4a2 2 0 0 0-4 0v2" />
        <path d="M10 10.5V6a2 2 0 0 0-4 0v8" />
        <path
          className="reaction-icon__fill"
          d="M18 8a2 2 0 1 1 4 0v6a8 8 0 0 1-8 8h-2c-2.8 0-4.5-.86-5.99-2.34l-3.6-3.6a2 2 0 0 1 2.83-2.82L7 15"
        />
      </g>
      <path d="M2 5.5 4 7M5 2l.9 2.3M1.5 9.5h2.3" />
    </>
  ),
  heart: (
    <path
      className="reaction-icon__fill"
      d="M19 14c1.49-1.46 3-3.21 3-5.5A5.5 5.5 0 0 0 16.5 3c-1.76 0-3 .5-4.5 2-1.5-1.5-2.74-2-4.5-2A5.5 5.5 0 0 0 2 8.5c0 2.3 1.5 4.05 3 5.5l7 7Z"
    />
  ),
  fire: (
    <path
      className="reaction-icon__fill"
      d="M8.5 14.5A2.5 2.5 0 0 0 11 12c0-1.38-.5-2-1-3-1.07-2.14-.22-4.05 2-6 .5 2.5 2 4.9 4 6.5 2 1.6 3 3.5 3 5.5a7 7 0 1 1-14 0c0-1.15.43-2.29 1-3a2.5 2.5 0 0 0 2.5 2.5z"
    />
  ),
  idea: (
    <>
      <path
        className="reaction-icon__fill"
        d="M15 14c.2-1 .7-1.7 1.5-2.5 1-.9 1.5-2.2 1.5-3.5A6 6 0 0 0 6 8c0 1 .2 2.2 1.5 3.5.7.7 1.3 1.5 1.5 2.5"
      />
      <path d="M9 18h6M10 22h4" />
    </>
  ),
}

/** A reaction's icon in its colour; decorative (the button or count carries the words). */
export function ReactionIcon({ kind, size = 22 }: { kind: ReactionKind; size?: number }) {
  return (
    <svg
      className={`reaction-icon reaction-icon--${kind}`}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {SHAPES[kind]}
    </svg>
  )
}
