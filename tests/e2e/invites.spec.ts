/**
 * A caretaker invites someone from the board. An invite link admits one person by default: forwarded, it
 * is refused for the second person; a multi-use link is a choice, and stops working when revoked.
 */
import { test, expect } from '@playwright/test'
import { createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'

test('a single-use invite lets one new member in and is refused for the person it was forwarded to', async ({
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
  await expect(panel.getByLabel('参加できる人数')).toHaveValue('1')
  await panel.getByRole('button', { name: '招待リンクを発行' }).click()
  const url = await panel.getByTestId('invite-created').getByLabel('招待リンク').inputValue()
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]+$/)
  await expect(panel.getByTestId('invite-item').first()).toContainText('外部人材')
  await expect(panel.getByTestId('invite-item').first()).toContainText('有効')

  // Someone it was forwarded to opens it too, before the intended person has used it.
  const forwarded = await browser.newContext()
  const forwardedPage = await forwarded.newPage()
  await forwardedPage.goto(new URL(url).pathname)
  await forwardedPage.getByLabel('あなたの名前').fill('転送 された人')
  await forwardedPage.getByLabel('メールアドレス').fill('forwarded@e2e.example.jp')

  // The person it was sent to joins with it, and the caretaker sees them arrive.
  const newcomer = await BoardPage.join(browser, new URL(url).pathname, '林 大輔')
  await expect(caretaker.presence).toContainText('林 大輔')
  await expect(page.getByRole('region', { name: 'メンバー', exact: true })).toContainText('林 大輔')
  await page.reload()
  await expect(panel.getByTestId('invite-item').first()).toContainText('使用済み')
  await expect(panel.getByTestId('invite-item').first()).toContainText('参加 1/1人')

  // The forwarded person is refused in words and joins nothing.
  await forwardedPage.getByRole('button', { name: '参加する' }).click()
  await expect(forwardedPage.getByRole('alert')).toContainText('この招待リンクは使用済みです')
  await expect(forwardedPage).toHaveURL(/\/invite\//)
  const members = page.getByRole('region', { name: 'メンバー', exact: true })
  await page.reload()
  await expect(members).toContainText('林 大輔')
  await expect(members).not.toContainText('転送 された人')
  // Opening it again now says at once that it is used.
  await forwardedPage.reload()
  await expect(
    forwardedPage.getByRole('heading', { name: 'この招待リンクは使用済みです' })
  ).toBeVisible()

  await forwarded.close()
  await newcomer.close()
  await caretaker.close()
})

test('a multi-use invite link stops working when revoked', async ({ browser, baseURL }) => {
  const team = await createTeam(baseURL!)
  const caretaker = await BoardPage.join(browser, await team.invite('caretaker'), '百瀬 由紀')
  const { page } = caretaker
  const panel = page.getByRole('region', { name: 'メンバーを招待' })
  await panel.getByLabel('参加できる人数').selectOption({ label: '5人まで' })
  await panel.getByRole('button', { name: '招待リンクを発行' }).click()
  const url = await panel.getByTestId('invite-created').getByLabel('招待リンク').inputValue()
  await expect(panel.getByTestId('invite-item').first()).toContainText('参加 0/5人')

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
  await caretaker.close()
})
