/**
 * Issue 13, the harder cases of Japanese composition next to other people's typing: two people composing
 * in one paragraph while a third types, a composition cancelled by Escape, a composition that replaces a
 * selection, and a connection lost and back in the middle of a composition. Also what must keep working:
 * remote edits elsewhere show during a composition, carets stay where their owners put them, and undo
 * undoes only one's own words. Every round asserts the paragraphs on every screen and on the server.
 */
import { test, expect } from '@playwright/test'
import { ImeInput, KANJI, NIHONGO, delayCaretReadUntilComposition } from './fixtures/ImeInput.ts'
import type { BoardPage } from './fixtures/BoardPage.ts'
import {
  ImeSheet,
  PEER_KEY_DELAY_MS,
  SECTION,
  caretInLastParagraph,
  editByCodeAfterCompositionEnd,
  runCommandByCode,
  startParagraph,
} from './fixtures/ImeSheet.ts'
import { type Round, playRounds, roundsOf, roundsTimeout } from './fixtures/ImeRounds.ts'

const ROUNDS = roundsOf(8)
const WORD = NIHONGO.committed
/** What code inserts right after a commit in the input-rule case. */
const MARK = '※'

/** The composer's word and the peer's text, in either order, after the round's opening. */
const wordAndPeer = ({ own, peer }: Round) => [`${own}${WORD}${peer}`, `${own}${peer}${WORD}`]

test(`two people compose in one paragraph while a third types in it, ${ROUNDS} rounds`, async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(roundsTimeout(ROUNDS))
  const sheet = await ImeSheet.open(browser, baseURL!, [
    { role: 'owner', name: '山田' },
    { role: 'talent', name: '佐藤' },
    { role: 'caretaker', name: '鈴木' },
  ])
  const [composer, typist, second] = sheet.boards
  const ime = await ImeInput.attach(composer.page)
  const secondIme = await ImeInput.attach(second.page)
  await playRounds(sheet, {
    rounds: ROUNDS,
    prepare: async () => {
      await caretInLastParagraph(typist, 'end')
      await caretInLastParagraph(second, 'start')
    },
    play: async ({ peer }) => {
      await Promise.all([
        ime.compose(NIHONGO),
        secondIme.compose(KANJI),
        typist.page.keyboard.type(peer, { delay: PEER_KEY_DELAY_MS }),
      ])
    },
    allowed: (round) => wordAndPeer(round).map((text) => KANJI.committed + text),
    // Each person's caret is still right after what they wrote.
    afterCheck: async ({ peer }) => {
      expect(await typist.textBeforeCaret()).toMatch(new RegExp(`${peer}$`))
      expect(await second.textBeforeCaret()).toBe(KANJI.committed)
    },
  })
  await sheet.close()
})

test(`a composition cancelled by Escape leaves nothing behind, and the next one lands, ${ROUNDS} rounds`, async ({
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
    prepare: () => caretInLastParagraph(typist, 'end'),
    play: async ({ n, peer }) => {
      const composing = (async () => {
        await ime.showReadings(NIHONGO.readings.slice(0, 4))
        await ime.cancel()
        // Even-numbered rounds start composing again at once; odd ones leave the word out.
        if (n % 2 === 0) await ime.compose(NIHONGO)
      })()
      await Promise.all([composing, typist.page.keyboard.type(peer, { delay: PEER_KEY_DELAY_MS })])
    },
    allowed: (round) => (round.n % 2 === 0 ? wordAndPeer(round) : [round.own + round.peer]),
  })
  await sheet.close()
})

test(`a composition that replaces a selected word lands in its place, ${ROUNDS} rounds`, async ({
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
  const draft = '仮の語'
  await playRounds(sheet, {
    rounds: ROUNDS,
    opening: ({ own }) => own + draft,
    prepare: async () => {
      await caretInLastParagraph(typist, 'end')
      for (const _ of draft) await composer.page.keyboard.press('Shift+ArrowLeft')
    },
    play: async ({ peer }) => {
      await Promise.all([
        ime.compose(NIHONGO),
        typist.page.keyboard.type(peer, { delay: PEER_KEY_DELAY_MS }),
      ])
    },
    allowed: wordAndPeer,
    afterCheck: async ({ own }) => expect(await composer.textBeforeCaret()).toBe(own + WORD),
  })
  await sheet.close()
})

test('a composition survives the connection dropping and coming back while it is open', async ({
  browser,
  baseURL,
}) => {
  const rounds = roundsOf(4)
  test.setTimeout(roundsTimeout(rounds, 40_000))
  const sheet = await ImeSheet.open(browser, baseURL!, [
    { role: 'owner', name: '山田' },
    { role: 'talent', name: '佐藤' },
  ])
  const [composer, typist] = sheet.boards
  const ime = await ImeInput.attach(composer.page)
  await playRounds(sheet, {
    rounds,
    prepare: () => caretInLastParagraph(typist, 'end'),
    play: async ({ own, peer }) => {
      await ime.showReadings(NIHONGO.readings.slice(0, 3))
      await composer.context.setOffline(true)
      await expect(composer.connection).toContainText('オフライン')
      await typist.page.keyboard.type(peer, { delay: PEER_KEY_DELAY_MS })
      await ime.showReadings(NIHONGO.readings.slice(3, 6))
      await composer.context.setOffline(false)
      await expect(composer.connection).toContainText('接続中', { timeout: 15_000 })
      // Back online and still composing: the peer's text has arrived but waits for the composition.
      await expect.poll(() => sheet.probe.paragraphs(SECTION.field).at(-1)).toBe(own + peer)
      await ime.showReadings(NIHONGO.readings.slice(6))
      await ime.commit(WORD)
    },
    allowed: wordAndPeer,
  })
  await sheet.close()
})

test(`an edit made by code right after a commit (as TipTap's input rules do) applies to the merged text, ${ROUNDS} rounds`, async ({
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
    prepare: async () => {
      await caretInLastParagraph(typist, 'end')
      await editByCodeAfterCompositionEnd(composer, MARK)
    },
    play: async ({ peer }) => {
      await Promise.all([
        ime.compose(NIHONGO),
        typist.page.keyboard.type(peer, { delay: PEER_KEY_DELAY_MS }),
      ])
    },
    allowed: (round) => wordAndPeer(round).map((text) => MARK + text),
  })
  await sheet.close()
})

test(`text inserted by code in the paragraph while a word is being composed there and a peer types there survives with both, ${ROUNDS} rounds`, async ({
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
    prepare: () => caretInLastParagraph(typist, 'end'),
    play: async ({ peer }) => {
      const composing = (async () => {
        await ime.showReadings(NIHONGO.readings.slice(0, 4))
        await runCommandByCode(composer, { insertAtParagraphStart: MARK })
        await ime.showReadings(NIHONGO.readings.slice(4))
        await ime.commit(WORD)
      })()
      await Promise.all([composing, typist.page.keyboard.type(peer, { delay: PEER_KEY_DELAY_MS })])
    },
    allowed: (round) => wordAndPeer(round).map((text) => MARK + text),
  })
  await sheet.close()
})

test(`a paragraph made a heading by code while a word is being composed in it keeps the word and a peer's text, ${ROUNDS} rounds`, async ({
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
  const lastBlock = (board: BoardPage) =>
    board.editor(SECTION.title).evaluate((el) => el.lastElementChild?.nodeName.toLowerCase())
  await playRounds(sheet, {
    rounds: ROUNDS,
    prepare: () => caretInLastParagraph(typist, 'end'),
    play: async ({ own, peer }) => {
      await Promise.all([
        ime.showReadings(NIHONGO.readings.slice(0, 4)),
        typist.page.keyboard.type(peer, { delay: PEER_KEY_DELAY_MS }),
      ])
      // The peer has finished typing (the heading replaces the paragraph under their caret otherwise).
      await expect.poll(() => sheet.probe.paragraphs(SECTION.field).at(-1)).toBe(own + peer)
      await runCommandByCode(composer, { heading: 3 })
      await ime.showReadings(NIHONGO.readings.slice(4))
      await ime.commit(WORD)
    },
    allowed: wordAndPeer,
    // The heading is an edit of its own after the word: the text may agree a moment before it arrives.
    afterCheck: async ({ n }) => {
      for (const board of sheet.boards)
        await expect
          .poll(() => lastBlock(board), { message: `round ${n}: ${board.name}'s last block` })
          .toBe('h3')
      await expect
        .poll(() => sheet.probe.xml(SECTION.field), {
          message: `round ${n}: the server's last block`,
        })
        .toMatch(/<heading level="3">[^<]*<\/heading>$/)
    },
  })
  await sheet.close()
})

test(`a composition starting where Home just put the caret, before selectionchange told the editor, lands whole there, ${ROUNDS} rounds`, async ({
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
    prepare: async () => {
      await caretInLastParagraph(typist, 'end')
      await delayCaretReadUntilComposition(composer.page)
      await composer.page.keyboard.press('Home')
    },
    play: async ({ peer }) => {
      await Promise.all([
        ime.compose(KANJI),
        typist.page.keyboard.type(peer, { delay: PEER_KEY_DELAY_MS }),
      ])
    },
    allowed: ({ own, peer }) => [KANJI.committed + own + peer],
    afterCheck: async () => expect(await composer.textBeforeCaret()).toBe(KANJI.committed),
  })
  await sheet.close()
})

test(`a caret put at the end with End stays there when a peer's text arrives, so Enter keeps that text in its paragraph, ${ROUNDS} rounds`, async ({
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
  const lastOf = async (board: BoardPage) => (await board.paragraphsOf(SECTION.title)).at(-1)
  await playRounds(sheet, {
    rounds: ROUNDS,
    play: async ({ own, peer }) => {
      await ime.compose(NIHONGO)
      await composer.page.keyboard.press('ControlOrMeta+End')
      await caretInLastParagraph(typist, 'end')
      await typist.page.keyboard.type(peer)
      await expect.poll(() => lastOf(composer)).toBe(own + WORD + peer)
      await composer.page.keyboard.press('Enter')
      await composer.page.keyboard.type('Z')
      await expect
        .poll(async () => (await sheet.agreedParagraphs()).slice(-2))
        .toEqual([own + WORD + peer, 'Z'])
      // Takes the new paragraph back, so the round ends with one paragraph like every other.
      await composer.page.keyboard.press('Backspace')
      await composer.page.keyboard.press('Backspace')
    },
    allowed: ({ own, peer }) => [own + WORD + peer],
  })
  await sheet.close()
})

test('during a composition, edits elsewhere show at once; carets stay; undo takes back only one’s own word', async ({
  browser,
  baseURL,
}) => {
  const sheet = await ImeSheet.open(browser, baseURL!, [
    { role: 'owner', name: '山田' },
    { role: 'talent', name: '佐藤' },
  ])
  const [composer, typist] = sheet.boards
  const ime = await ImeInput.attach(composer.page)
  const other = { title: 'なぜやりたいのか', field: 'why' }

  await startParagraph(composer, true, 'A1:')
  await expect.poll(() => typist.paragraphsOf(SECTION.title)).toEqual(['A1:'])
  await caretInLastParagraph(typist, 'end')
  await ime.showReadings(NIHONGO.readings)
  await typist.page.keyboard.type('B1x', { delay: PEER_KEY_DELAY_MS })
  await typist.typeInto(other.title, '別の節')
  // The composition is still open, and the other section shows the peer's words already.
  await expect.poll(() => composer.paragraphsOf(other.title)).toEqual(['別の節'])
  expect(await composer.paragraphsOf(SECTION.title)).toEqual(['A1:にほんご'])
  expect(sheet.probe.paragraphs(SECTION.field)).toEqual(['A1:B1x'])

  await ime.commit(WORD)
  const now = await sheet.agreedParagraphs()
  expect([`A1:${WORD}B1x`, `A1:B1x${WORD}`]).toContain(now[0])
  expect(await sheet.agreedParagraphs(other.title, other.field)).toEqual(['別の節'])
  // Each caret is where its owner left it.
  expect(await composer.textBeforeCaret()).toBe(`A1:${WORD}`)
  expect(await typist.textBeforeCaret()).toBe('別の節')

  // Undo takes back the composer's word and leaves the peer's text in both sections.
  await composer.page.keyboard.press('ControlOrMeta+z')
  await expect.poll(async () => (await sheet.agreedParagraphs()).join('|')).not.toContain(WORD)
  expect((await sheet.agreedParagraphs())[0]).toContain('B1x')
  expect(await sheet.agreedParagraphs(other.title, other.field)).toEqual(['別の節'])
  await sheet.close()
})
