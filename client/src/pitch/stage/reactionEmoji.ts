import type { ReactionKind } from '../../../../shared/src/index.ts'

/** How each reaction kind looks. */
export const REACTION_EMOJI: Readonly<Record<ReactionKind, string>> = {
  clap: '👏',
  heart: '❤️',
  fire: '🔥',
  idea: '💡',
}
