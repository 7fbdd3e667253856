/**
 * Issue 13: Japanese composition in the paragraph a peer is typing in. Round after round, in a fresh
 * paragraph each time, one person composes にほんご → 日本語 (CDP, 45 ms a step) while another types a
 * character every 40 ms in the same paragraph. After each round every screen and the server must hold the
 * same paragraphs, the round's paragraph must hold both people's text, and no earlier paragraph may change.
 */
import { test, expect } from '@playwright/test'
import { createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'
import { ImeInput, KANA, NIHONGO } from './fixtures/ImeInput.ts'
import { SheetProbe } from './fixtures/SheetProbe.ts'

const SECTION = 'やりたいこと'
const FIELD = 'what'
const ROUNDS = Number(process.env.IME_ROUNDS ?? 8)
const PEER_KEY_DELAY_MS = 40

/** Everyone on one sheet, and the server's copy of it. */
interface Sheet {
  readonly boards: BoardPage[]
  readonly probe: SheetProbe
}

/**
 * Waits until every screen and the server hold the same paragraphs, and returns them. Convergence is
 * waited for, never slept for: the machine may be slow.
 */
async function agreedParagraphs({ boards, probe }: Sheet): Promise<string[]> {
  let agreed: string[] = []
  await expect(async () => {
    const server = written(probe.paragraphs(FIELD))
    for (const board of boards) expect(written(await board.paragraphsOf(SECTION))).toEqual(server)
    agreed = server
  }).toPass({ timeout: 20_000, intervals: [50, 100, 200, 400] })
  return agreed
}

/** The paragraphs written so far: an empty section shows one empty paragraph, and the server none. */
function written(paragraphs: string[]): string[] {
  return paragraphs.length === 1 && paragraphs[0] === '' ? [] : paragraphs
}

/** Starts the round's paragraph at the end of the section, typed by `board`. */
async function startParagraph(board: BoardPage, isFirst: boolean, text: string): Promise<void> {
  await board.page.keyboard.press('ControlOrMeta+End')
  if (!isFirst) await board.page.keyboard.press('Enter')
  await board.page.keyboard.type(text)
}

/** Puts `board`'s caret at the end (or the start) of the section's last paragraph. */
async function caretInLastParagraph(board: BoardPage, where: 'end' | 'start'): Promise<void> {
  await board.page.keyboard.press('ControlOrMeta+End')
  if (where === 'start') await board.page.keyboard.press('Home')
}

async function openSheet(
  browser: Parameters<typeof BoardPage.join>[0],
  baseURL: string,
  people: { role: 'owner' | 'caretaker' | 'talent'; name: string }[]
): Promise<Sheet & { close(): Promise<void> }> {
  const team = await createTeam(baseURL, 'IME 検証チーム')
  const boards: BoardPage[] = []
  for (const person of people)
    boards.push(await BoardPage.join(browser, await team.invite(person.role), person.name))
  for (const board of boards) await board.editor(SECTION).click()
  const probe = await SheetProbe.open(baseURL, team.teamId)
  return {
    boards,
    probe,
    async close() {
      probe.close()
      for (const board of boards) await board.close()
    },
  }
}

for (const where of ['end', 'start'] as const) {
  test(`a word composed while a peer types at the ${where} of the same paragraph lands in that paragraph, ${ROUNDS} rounds`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(60_000 + ROUNDS * 15_000)
    const sheet = await openSheet(browser, baseURL!, [
      { role: 'owner', name: '山田' },
      { role: 'talent', name: '佐藤' },
    ])
    const [composer, typist] = sheet.boards
    const ime = await ImeInput.attach(composer.page)
    const done: string[] = []
    const check = async (round: number) => {
      // Every screen and the server agree on every paragraph before anything is asserted.
      const now = await agreedParagraphs(sheet)
      const [last] = now.slice(done.length, done.length + 1)
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
      done.push(last)
      return now
    }

    for (let round = 1; round <= ROUNDS; round++) {
      // As a fast typist does, the composer starts the next paragraph right after committing.
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
    await sheet.close()
  })
}
