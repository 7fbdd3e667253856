/** A caretaker invites someone from the board; the link works once shared and stops working when revoked. */
import { test, expect } from '@playwright/test'
import { createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'

test('a caretaker creates an invite link that lets a new member in, then revokes it', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!)
  const caretaker = await BoardPage.join(browser, await team.invite('caretaker'), '宮下 彩')
  const { page } = caretaker
  const panel = page.getByRole('region', { name: 'メンバーを招待' })

  const role = panel.getByLabel('役割')
  // A caretaker may invite team members but not reviewers.
  await expect(role.locator('option')).toHaveText(['テーマオーナー', '世話人', '外部人材'])
  await role.selectOption({ label: '外部人材' })
  await panel.getByRole('button', { name: '招待リンクを発行' }).click()
  const url = await panel.getByTestId('invite-created').getByLabel('招待リンク').inputValue()
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]+$/)
  await expect(panel.getByTestId('invite-item').first()).toContainText('外部人材')
  await expect(panel.getByTestId('invite-item').first()).toContainText('有効')

  // The person it was sent to joins with it, and the caretaker sees them arrive.
  const newcomer = await BoardPage.join(browser, new URL(url).pathname, '林 大輔')
  await expect(caretaker.presence).toContainText('林 大輔')
  await expect(page.getByRole('region', { name: 'メンバー', exact: true })).toContainText('林 大輔')

  page.once('dialog', (dialog) => void dialog.accept())
  await panel.getByTestId('invite-item').first().getByRole('button', { name: '取り消す' }).click()
  await expect(panel.getByTestId('invite-item').first()).toContainText('取り消し済み')

  // A revoked link says so in words, in a context that has never signed in.
  const stranger = await browser.newContext()
  const strangerPage = await stranger.newPage()
  await strangerPage.goto(new URL(url).pathname)
  await expect(
    strangerPage.getByRole('heading', { name: 'この招待リンクは取り消されています' })
  ).toBeVisible()

  await stranger.close()
  await newcomer.close()
  await caretaker.close()
})
