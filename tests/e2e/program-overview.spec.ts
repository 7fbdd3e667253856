/** The program overview shows each team's progress and who is writing, refreshed while you watch. */
import { test, expect } from '@playwright/test'
import { createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'

test('the program page shows a team’s completeness and who is active, updating on its own', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!, '空き家活用チーム')
  const watcher = await BoardPage.join(browser, await team.invite('talent'), 'Alex Chen')
  await watcher.page.getByRole('link', { name: 'E2E プログラム' }).click()
  const card = watcher.page.locator('.team-card').filter({ hasText: '空き家活用チーム' })
  await expect(card).toContainText('記入 0/9')

  const writer = await BoardPage.join(browser, await team.invite('owner'), '山田 花子')
  await writer.typeInto('やりたいこと', '空き家を使った移住体験')
  // No reload: the page polls every 10 seconds.
  await expect(card).toContainText('記入 1/9', { timeout: 15_000 })
  await expect(card).toContainText('山田 花子')

  await writer.close()
  await watcher.close()
})
