/**
 * Issue 12: pasting a very large text is refused in words before anything is lost or sent, and the
 * connection stays honest: later edits still reach the other member.
 */
import { test, expect } from '@playwright/test'
import { createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'

/** About 1.2 MB of text, in paragraphs, like a long document copied from elsewhere. */
const HUGE_TEXT = Array.from(
  { length: 9000 },
  (_, i) =>
    `${i + 1}. 地域の課題を外の人にわかる言葉で書き直す作業を、何度も繰り返して続けています。`
).join('\n\n')

test('a huge paste is refused with a message, and later edits still reach the other member', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!)
  const owner = await BoardPage.join(browser, await team.invite('owner'), '山田 花子')
  const talent = await BoardPage.join(browser, await team.invite('talent'), 'Alex Chen')

  await owner.typeInto('やりたいこと', '前の文。')
  await talent.expectText('やりたいこと', '前の文。')

  const editor = owner.editor('やりたいこと')
  await editor.click()
  expect(new TextEncoder().encode(HUGE_TEXT).byteLength).toBeGreaterThan(1_000_000)
  await editor.evaluate((element, text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    )
  }, HUGE_TEXT)

  const message = owner.section('やりたいこと').getByRole('alert')
  await expect(message).toContainText('貼り付けた文章が長すぎるため、貼り付けませんでした')
  await expect(owner.connection).toContainText('接続中')
  await expect(owner.page.getByTestId('unsynced')).toHaveCount(0)
  await owner.page.screenshot({ path: test.info().outputPath('large-paste-desktop.png') })
  await owner.page.setViewportSize({ width: 390, height: 844 })
  await message.scrollIntoViewIfNeeded()
  await owner.page.screenshot({ path: test.info().outputPath('large-paste-390.png') })
  expect(
    await owner.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
  ).toBe(true)

  await owner.typeInto('やりたいこと', '後の文。')
  await talent.expectText('やりたいこと', '前の文。後の文。')
  await expect(message).toHaveCount(0)
  await expect(talent.connection).toContainText('接続中')

  await owner.close()
  await talent.close()
})
