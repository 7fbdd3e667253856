/**
 * A coordinator registers a webhook on the program settings page, copies the secret shown once, and
 * reads the delivery log after an event: at a phone's 390 px and at desktop width, in Japanese and English.
 */
import { expect, test, type Page } from '@playwright/test'
import { startWebhookReceiver } from '../helpers/webhookReceiver.ts'
import { adminPost, createTeam } from './fixtures/adminApi.ts'

async function expectNoSideways(page: Page, what: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement!
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }
  })
  expect(scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(clientWidth)
}

test('a coordinator registers a webhook and reads its delivery log, on a phone', async ({
  browser,
  baseURL,
}) => {
  const receiver = await startWebhookReceiver()
  try {
    const team = await createTeam(baseURL!, 'Webhook チーム')
    const admin = await browser.newContext({ viewport: { width: 390, height: 844 } })
    await admin.addCookies([
      { name: 'sb_token', value: process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin', url: baseURL! },
    ])
    const page = await admin.newPage()
    await page.goto(`/programs/${team.programId}/settings`)
    const panel = page.getByTestId('webhooks')
    await expect(panel.getByText('まだ登録されていません。')).toBeVisible()

    await panel.getByLabel('送信先URL（https://…）').fill('http://example.com/hooks')
    await panel.getByRole('button', { name: '登録する' }).click()
    await expect(panel.getByRole('alert')).toBeVisible()

    await panel.getByLabel('送信先URL（https://…）').fill(receiver.url)
    await panel.getByRole('checkbox', { name: '求人を公開' }).uncheck()
    await panel.getByRole('button', { name: '登録する' }).click()
    await expect(panel.getByText(/二度と表示されません/)).toBeVisible()
    await expect(panel.locator('code', { hasText: receiver.url })).toBeVisible()
    await expectNoSideways(page, 'the settings page with a webhook and its secret')
    await page.screenshot({ path: test.info().outputPath('webhooks-390.png'), fullPage: true })

    // Change its events, then give it a new secret (shown once, after a confirmation).
    await panel.getByRole('button', { name: '変更' }).click()
    await panel.getByRole('checkbox', { name: '応募を受付' }).first().uncheck()
    await panel.getByRole('button', { name: '保存' }).click()
    await expect(panel.getByRole('button', { name: '変更' })).toBeVisible()
    await expect(panel.locator('.webhook p.muted').first()).not.toContainText('応募を受付')
    const firstSecret = await panel.locator('.notice--ok code').textContent()
    await panel.getByRole('button', { name: '秘密鍵を再発行' }).click()
    await expect(panel.getByText(/受け取る側で鍵を差し替えるまで/)).toBeVisible()
    await expectNoSideways(page, 'the secret rotation confirmation')
    await panel.getByRole('button', { name: '再発行する' }).click()
    await expect(panel.locator('.notice--ok code')).not.toHaveText(firstSecret ?? '')
    await expect(panel.getByText(/二度と表示されません/)).toBeVisible()
    await expectNoSideways(page, 'the new secret')
    await panel.screenshot({ path: test.info().outputPath('webhooks-rotated-390.png') })

    await adminPost(baseURL!, `/api/teams/${team.teamId}/rounds`, { reviewerIds: [] })
    await expect.poll(() => receiver.received.length).toBe(1)
    await page.reload()
    await panel.getByText('最近の送信').click()
    await expect(panel.getByText('送信済み (200)')).toBeVisible()
    await expect(panel.locator('details').getByText('レビューの回を開始')).toBeVisible()
    await panel.getByRole('button', { name: '再送' }).click()
    await expect.poll(() => receiver.received.length).toBe(2)
    await expectNoSideways(page, 'the delivery log')
    await page.screenshot({ path: test.info().outputPath('webhooks-log-390.png'), fullPage: true })

    await page.setViewportSize({ width: 1280, height: 900 })
    await page.evaluate(() => localStorage.setItem('specboard.language', 'en'))
    await page.reload()
    await expect(panel.getByRole('heading', { name: 'Webhooks' })).toBeVisible()
    await panel.getByText('Recent deliveries').click()
    await expect(panel.getByText('Delivered (200)').first()).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('webhooks-en-1280.png'), fullPage: true })
    await admin.close()
  } finally {
    await receiver.close()
  }
})
