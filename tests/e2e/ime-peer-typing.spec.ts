/**
 * Issue 13: Japanese composition in the paragraph a peer is typing in. Round after round, in a fresh
 * paragraph each time, one person composes にほんご → 日本語 (CDP, 45 ms a step) while another types a
 * character every 40 ms at the end (or the start) of the same paragraph. The composer starts the next
 * paragraph right after committing, as a fast typist does. After each round every screen and the server
 * hold the same paragraphs, the round's paragraph holds both people's text, no earlier paragraph changed,
 * and the peer's caret is still right after what they typed.
 */
import { test, expect } from '@playwright/test'
import { ImeInput, NIHONGO } from './fixtures/ImeInput.ts'
import { ImeSheet, PEER_KEY_DELAY_MS, caretInLastParagraph } from './fixtures/ImeSheet.ts'
import { playRounds, roundsOf, roundsTimeout } from './fixtures/ImeRounds.ts'

const ROUNDS = roundsOf(8)
const WORD = NIHONGO.committed

for (const where of ['end', 'start'] as const) {
  test(`a word composed while a peer types at the ${where} of the same paragraph lands in that paragraph, ${ROUNDS} rounds`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(roundsTimeout(ROUNDS))
    const sheet = await ImeSheet.open(browser, baseURL!, [
      { role: 'owner', name: '山田' },
      { role: 'talent', name: '佐藤' },
    ])
    const [composer, typist] = sheet.boards
    const ime = await ImeInput.attach(composer.page)
    await playRounds(sheet, {
      rounds: ROUNDS,
      nextAtOnce: true,
      prepare: () => caretInLastParagraph(typist, where),
      play: async ({ peer }) => {
        await Promise.all([
          ime.compose(NIHONGO),
          typist.page.keyboard.type(peer, { delay: PEER_KEY_DELAY_MS }),
        ])
      },
      allowed: ({ own, peer }) =>
        where === 'end'
          ? [`${own}${WORD}${peer}`, `${own}${peer}${WORD}`]
          : [`${peer}${own}${WORD}`],
      afterCheck: async ({ n, peer }) =>
        expect(await typist.textBeforeCaret(), `round ${n}: the peer's caret`).toMatch(
          new RegExp(`${peer}$`)
        ),
    })
    await ime.detach()
    await sheet.close()
  })
}
