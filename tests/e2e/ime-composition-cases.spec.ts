/**
 * Issue 13, the harder cases of Japanese composition next to other people's typing: two people composing
 * in one paragraph while a third types, a composition cancelled by Escape, a composition that replaces a
 * selection, and a connection lost and back in the middle of a composition. Also what must keep working:
 * remote edits elsewhere show during a composition, carets stay where their owners put them, and undo
 * undoes only one's own words. Every round asserts the paragraphs on every screen and on the server.
 */
import { test, expect } from '@playwright/test'
import { ImeInput, KANA, KANJI, NIHONGO } from './fixtures/ImeInput.ts'
import {
  ImeSheet,
  PEER_KEY_DELAY_MS,
  SECTION,
  caretInLastParagraph,
  roundsOf,
  startParagraph,
} from './fixtures/ImeSheet.ts'

const ROUNDS = roundsOf(8)
const WORD = NIHONGO.committed

/** Checks a round's result against what came before it and returns the round's paragraph. */
function expectRound(now: string[], done: string[], round: number, allowed: string[]): string {
  expect(now.slice(0, done.length), `round ${round}: earlier paragraphs unchanged`).toEqual(done)
  expect(now.length, `round ${round}: ${JSON.stringify(now)}`).toBe(done.length + 1)
  expect(allowed, `round ${round}: ${JSON.stringify(now)}`).toContain(now.at(-1))
  expect(now.join('\n'), 'no reading is left behind').not.toMatch(KANA)
  return now.at(-1)!
}

test(`two people compose in one paragraph while a third types in it, ${ROUNDS} rounds`, async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000 + ROUNDS * 15_000)
  const sheet = await ImeSheet.open(browser, baseURL!, [
    { role: 'owner', name: '山田' },
    { role: 'talent', name: '佐藤' },
    { role: 'caretaker', name: '鈴木' },
  ])
  const [composer, typist, second] = sheet.boards
  const ime = await ImeInput.attach(composer.page)
  const secondIme = await ImeInput.attach(second.page)
  const done: string[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    const own = `A${round}:`
    const peer = `B${round}x`
    await startParagraph(composer, round === 1, own)
    await expect.poll(() => sheet.agreedParagraphs()).toEqual([...done, own])
    await caretInLastParagraph(typist, 'end')
    await caretInLastParagraph(second, 'start')
    await Promise.all([
      ime.compose(NIHONGO),
      secondIme.compose(KANJI),
      typist.page.keyboard.type(peer, { delay: PEER_KEY_DELAY_MS }),
    ])
    const now = await sheet.agreedParagraphs()
    done.push(
      expectRound(now, done, round, [
        `${KANJI.committed}${own}${WORD}${peer}`,
        `${KANJI.committed}${own}${peer}${WORD}`,
      ])
    )
    // Each person's caret is still right after what they wrote.
    expect(await typist.textBeforeCaret()).toMatch(new RegExp(`${peer}$`))
    expect(await second.textBeforeCaret()).toBe(KANJI.committed)
  }
  await sheet.close()
})

test(`a composition cancelled by Escape leaves nothing behind, and the next one lands, ${ROUNDS} rounds`, async ({
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
  for (let round = 1; round <= ROUNDS; round++) {
    const own = `A${round}:`
    const peer = `B${round}x`
    await startParagraph(composer, round === 1, own)
    await expect.poll(() => typist.paragraphsOf(SECTION.title)).toEqual([...done, own])
    await caretInLastParagraph(typist, 'end')
    const composing = (async () => {
      await ime.showReadings(NIHONGO.readings.slice(0, 4))
      await ime.cancel()
      // Even-numbered rounds start composing again at once; odd ones leave the word out.
      if (round % 2 === 0) await ime.compose(NIHONGO)
    })()
    await Promise.all([composing, typist.page.keyboard.type(peer, { delay: PEER_KEY_DELAY_MS })])
    const now = await sheet.agreedParagraphs()
    const allowed =
      round % 2 === 0 ? [`${own}${WORD}${peer}`, `${own}${peer}${WORD}`] : [`${own}${peer}`]
    done.push(expectRound(now, done, round, allowed))
  }
  await sheet.close()
})

test(`a composition that replaces a selected word lands in its place, ${ROUNDS} rounds`, async ({
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
  for (let round = 1; round <= ROUNDS; round++) {
    const own = `A${round}:`
    const peer = `B${round}x`
    const draft = '仮の語'
    await startParagraph(composer, round === 1, own + draft)
    await expect.poll(() => typist.paragraphsOf(SECTION.title)).toEqual([...done, own + draft])
    await caretInLastParagraph(typist, 'end')
    for (const _ of draft) await composer.page.keyboard.press('Shift+ArrowLeft')
    await Promise.all([
      ime.compose(NIHONGO),
      typist.page.keyboard.type(peer, { delay: PEER_KEY_DELAY_MS }),
    ])
    const now = await sheet.agreedParagraphs()
    done.push(expectRound(now, done, round, [`${own}${WORD}${peer}`, `${own}${peer}${WORD}`]))
    expect(await composer.textBeforeCaret()).toBe(`${own}${WORD}`)
  }
  await sheet.close()
})

test('a composition survives the connection dropping and coming back while it is open', async ({
  browser,
  baseURL,
}) => {
  const rounds = roundsOf(4)
  test.setTimeout(60_000 + rounds * 40_000)
  const sheet = await ImeSheet.open(browser, baseURL!, [
    { role: 'owner', name: '山田' },
    { role: 'talent', name: '佐藤' },
  ])
  const [composer, typist] = sheet.boards
  const ime = await ImeInput.attach(composer.page)
  const done: string[] = []
  for (let round = 1; round <= rounds; round++) {
    const own = `A${round}:`
    const peer = `B${round}x`
    await startParagraph(composer, round === 1, own)
    await expect.poll(() => typist.paragraphsOf(SECTION.title)).toEqual([...done, own])
    await caretInLastParagraph(typist, 'end')
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
    const now = await sheet.agreedParagraphs()
    done.push(expectRound(now, done, round, [`${own}${WORD}${peer}`, `${own}${peer}${WORD}`]))
  }
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
