/**
 * Accounts that last (issue 11), each step in another browser context: signing in again by the emailed
 * link reaches the same person; a coordinator invited by email runs a round; a removed member's open
 * board stops at once.
 */
import { test, expect } from '@playwright/test'
import { adminPost, createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'
import { ReviewBoard } from './fixtures/ReviewBoard.ts'
import { signInPathFor } from './fixtures/outbox.ts'

const address = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@e2e.example.jp`

test('signing out and in again by the emailed link reaches the same person, without a duplicate', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!, 'サインイン検証チーム')
  const email = address('hanako')
  const owner = await BoardPage.join(browser, await team.invite('owner'), '山田 花子', email)
  await owner.typeInto('やりたいこと', '別の端末からも書き続けたい。')

  // Sign out: the cookie is gone, and the board says so in words.
  await owner.page.getByRole('button', { name: 'サインアウト' }).click()
  await expect(owner.page.getByRole('link', { name: 'サインイン' }).first()).toBeVisible()
  await owner.close()

  // A fresh browser (a second device): ask for a link with the same address.
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto('/')
  await page.getByRole('link', { name: 'サインイン' }).first().click()
  await page.getByLabel('メールアドレス').fill(email.toUpperCase())
  await page.getByRole('button', { name: 'サインインリンクを送る' }).click()
  await expect(page.getByRole('status')).toContainText('メールを確認してください')

  // The link from the outbox (after the confirmation mailed when joining) signs this device in as the
  // same person, with the same team.
  await page.goto(await signInPathFor(email, 2))
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('link', { name: '山田 花子' })).toBeVisible()
  await page.getByRole('link', { name: 'サインイン検証チーム' }).first().click()
  const board = new BoardPage(page, context)
  await expect(board.connection).toContainText('接続中')
  await board.expectText('やりたいこと', '別の端末からも書き続けたい。')
  const members = page.getByRole('region', { name: 'メンバー', exact: true })
  await expect(members.getByText('山田 花子')).toHaveCount(1)

  // The account page lists this device; the signed-out one is gone.
  await page.getByRole('link', { name: '山田 花子' }).click()
  await expect(page.getByTestId('account-email')).toHaveText(email)
  await expect(page.getByTestId('session-item')).toHaveCount(1)
  await expect(page.getByTestId('session-item')).toContainText('この端末')
  await expect(page.getByTestId('account-memberships')).toContainText('サインイン検証チーム')

  // The link was single-use: opening it again is refused in words.
  const again = await browser.newContext()
  const againPage = await again.newPage()
  await againPage.goto(await signInPathFor(email, 2))
  await expect(againPage.getByRole('heading', { name: 'このリンクは使えません' })).toBeVisible()
  await again.close()
  await context.close()
})

test('a second coordinator invited by email runs a round in that program', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!, '共同運営チーム')
  await BoardPage.join(browser, await team.invite('reviewer'), '審査 花子').then((b) => b.close())

  // The setup account (here the operations token in a browser) appoints a coordinator by email.
  const admin = await browser.newContext()
  await admin.addCookies([
    { name: 'sb_token', value: process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin', url: baseURL! },
  ])
  const adminPage = await admin.newPage()
  await adminPage.goto(`/programs/${team.programId}`)
  await adminPage.getByRole('link', { name: '設定' }).click()
  const email = address('npo')
  await adminPage.getByLabel('メールアドレス').fill(email)
  await adminPage.getByRole('button', { name: 'コーディネーターに招待' }).click()
  await expect(adminPage.getByRole('status')).toContainText(email)
  await expect(adminPage.getByTestId('coordinator-list')).toContainText(email)
  await admin.close()

  // The new coordinator signs in from the mail and opens round 1 on the team's board.
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(await signInPathFor(email))
  await expect(page).toHaveURL(/\/$/)
  await page.goto(`/teams/${team.teamId}`)
  const coordinator = new ReviewBoard(new BoardPage(page, context))
  await expect(coordinator.board.connection).toContainText('接続中')
  await coordinator.openRound(1, ['審査 花子'])
  await expect(coordinator.roundState).toHaveText('実施中')

  // …and holds no role in another program.
  const other = await adminPost<{ id: string }>(baseURL!, '/api/programs', {
    name: '別の地域',
    region: '別の県',
  })
  await page.goto(`/programs/${other.id}`)
  await expect(page.getByRole('alert')).toContainText('権限がありません')

  // Back on the team's board, the coordinator is removed in the settings (once a second one is
  // appointed: the last one cannot be removed): their board stops within a second.
  await page.goto(`/teams/${team.teamId}`)
  await expect(coordinator.board.connection).toContainText('接続中')
  const settings = await browser.newContext()
  await settings.addCookies([
    { name: 'sb_token', value: process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin', url: baseURL! },
  ])
  const settingsPage = await settings.newPage()
  await settingsPage.goto(`/programs/${team.programId}/settings`)
  const coordinators = settingsPage.getByTestId('coordinator-list')
  await expect(coordinators).toContainText(email)
  await expect(
    settingsPage.getByText('コーディネーターが 1 人だけのときは外せません')
  ).toBeVisible()
  const successor = address('office')
  await settingsPage.getByLabel('メールアドレス').fill(successor)
  await settingsPage.getByRole('button', { name: 'コーディネーターに招待' }).click()
  await expect(coordinators).toContainText(successor)
  settingsPage.once('dialog', (dialog) => void dialog.accept())
  // Someone appointed by address is named after it until they say otherwise.
  await coordinators
    .getByRole('button', { name: `${email.split('@')[0]} さんをコーディネーターから外す` })
    .click()
  const removedAt = Date.now()
  await expect(page.getByRole('alert')).toContainText('権限がありません', { timeout: 1000 })
  expect(Date.now() - removedAt).toBeLessThan(1500)
  await expect(coordinators).not.toContainText(email)
  await expect(coordinators.getByRole('button')).toHaveCount(0)
  await settings.close()
  await context.close()
})

test("a removed member's open board stops within a second", async ({ browser, baseURL }) => {
  const team = await createTeam(baseURL!, '削除検証チーム')
  const caretaker = await BoardPage.join(browser, await team.invite('caretaker'), '宮下 彩')
  const talent = await BoardPage.join(browser, await team.invite('talent'), '藤井 翔')
  await talent.typeInto('やりたいこと', '外される前に書いた文。')
  await caretaker.expectText('やりたいこと', '外される前に書いた文。')

  const members = caretaker.page.getByRole('region', { name: 'メンバー', exact: true })
  await expect(members).toContainText('藤井 翔')
  caretaker.page.once('dialog', (dialog) => void dialog.accept())
  await members.getByRole('button', { name: '藤井 翔 さんをチームから外す' }).click()
  const removedAt = Date.now()

  // The removed person's board goes read-only with the reason, within a second.
  // The board says it, and the page may say it too when its next refresh is refused: either counts.
  const refused = talent.page.getByRole('alert').filter({ hasText: '権限がありません' }).first()
  await expect(refused).toBeVisible({ timeout: 1000 })
  expect(Date.now() - removedAt).toBeLessThan(1500)
  await expect(talent.editor('やりたいこと')).toHaveAttribute('contenteditable', 'false')
  await expect(members).not.toContainText('藤井 翔')
  // What they wrote stays.
  await caretaker.expectText('やりたいこと', '外される前に書いた文。')

  // Opening the team again is refused.
  await talent.page.reload()
  await expect(refused).toBeVisible()
  await talent.close()
  await caretaker.close()
})
