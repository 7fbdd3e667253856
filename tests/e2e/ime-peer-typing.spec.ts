/**
 * Issue 13: Japanese composition in the paragraph a peer is typing in. Round after round, in a fresh
 * paragraph each time, one person composes にほんご → 日本語 (CDP, 45 ms a step) while another types a
 * character every 40 ms at the end (or the start) of the same paragraph. The composer starts the next
 * paragraph right after committing, as a fast typist does. After each round every screen and the server
 * hold the same paragraphs, the round's paragraph holds both people's text, no earlier paragraph changed,
 * and the peer's caret is still right after what they typed.
 */
import { test, expect } from '@playwright/test'
import { ImeInput, KANA, NIHONGO } from './fixtures/ImeInput.ts'
import {
  ImeSheet,
  PEER_KEY_DELAY_MS,
  caretInLastParagraph,
  roundsOf,
  startParagraph,
} from './fixtures/ImeSheet.ts'

const ROUNDS = roundsOf(8)
const SECTION = 'やりたいこと'

for (const where of ['end', 'start'] as const) {
  test(`a word composed while a peer types at the ${where} of the same paragraph lands in that paragraph, ${ROUNDS} rounds`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(60_000 + ROUNDS * 15_000)
    const sheet = await ImeSheet.open(browser, baseURL!, [
      { role: 'owner', name: '山田' },
      { role: 'talent', name: '佐藤' },
    ])
    const [composer, typist] = sheet.boards
    const ime = await ImeInput.attach(composer.page)
    const done: string[] = []
    const check = async (round: number) => {
      // Every screen and the server agree on every paragraph before anything is asserted.
      const now = await sheet.agreedParagraphs()
      const last = now[done.length]
      const own = `A${round}:`
      const peer = `B${round}x`
      const expected =
        where === 'end'
          ? [`${own}${NIHONGO.committed}${peer}`, `${own}${peer}${NIHONGO.committed}`]
          : [`${peer}${own}${NIHONGO.committed}`]
      expect(now.slice(0, done.length), `round ${round}: earlier paragraphs unchanged`).toEqual(
        done
      )
      expect(expected, `round ${round}: ${JSON.stringify(now)}`).toContain(last)
      expect(now.join('\n')).not.toMatch(KANA)
      expect(await typist.textBeforeCaret(), `round ${round}: the peer's caret`).toMatch(
        new RegExp(`${peer}$`)
      )
      done.push(last)
    }

    for (let round = 1; round <= ROUNDS; round++) {
      const own = `A${round}:`
      await startParagraph(composer, round === 1, own)
      if (round > 1) await check(round - 1)
      await expect.poll(() => typist.paragraphsOf(SECTION)).toEqual([...done, own])
      await caretInLastParagraph(typist, where)
      await Promise.all([
        ime.compose(NIHONGO),
        typist.page.keyboard.type(`B${round}x`, { delay: PEER_KEY_DELAY_MS }),
      ])
    }
    await check(ROUNDS)
    await ime.detach()
    await sheet.close()
  })
}
