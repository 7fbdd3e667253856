/** Edits made offline survive and merge with what others wrote meanwhile. */
import { test, expect } from '@playwright/test'
import { createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'

test('a member edits offline while another writes elsewhere; both texts meet after reconnecting', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!)
  const owner = await BoardPage.join(browser, await team.invite('owner'), '山田 花子')
  const talent = await BoardPage.join(browser, await team.invite('talent'), 'Alex Chen')

  await talent.context.setOffline(true)
  await expect(talent.connection).toContainText('オフライン')
  await talent.typeInto('なぜやりたいのか', 'オフラインで書いた理由')
  await expect(talent.connection).toContainText('未同期の変更あり')

  await owner.typeInto('やりたいこと', 'オンラインで書いた目的')
  // The offline member does not get it yet…
  await talent.page.waitForTimeout(500)
  expect(await talent.textOf('やりたいこと')).not.toContain('オンラインで書いた目的')
  // …nor does the owner see the offline edit.
  expect(await owner.textOf('なぜやりたいのか')).not.toContain('オフラインで書いた理由')

  await talent.context.setOffline(false)
  await expect(talent.connection).toContainText('接続中', { timeout: 15_000 })
  await expect(talent.page.getByTestId('unsynced')).toHaveCount(0)

  await talent.expectText('やりたいこと', 'オンラインで書いた目的')
  await owner.expectText('なぜやりたいのか', 'オフラインで書いた理由')
  await owner.expectText('やりたいこと', 'オンラインで書いた目的')
  await talent.expectText('なぜやりたいのか', 'オフラインで書いた理由')

  await owner.close()
  await talent.close()
})
