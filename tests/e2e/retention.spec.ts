/**
 * On the program settings page (issue 14): a coordinator sets how long applicants' personal data is kept
 * and erases a closed posting's unkept applicants now, and turns their own daily digest off — at a phone's
 * 390 px and at desktop width, in Japanese and English, with no sideways scrolling.
 */
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import * as Y from 'yjs'
import { openSqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage.ts'
import { syncedProvider } from '../helpers/wsClient.ts'
import { adminPost, createTeam } from './fixtures/adminApi.ts'
import { signInPathFor } from './fixtures/outbox.ts'

const ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin'
const DAY_MS = 24 * 3600 * 1000

async function expectNoSideways(page: Page, what: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement!
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }
  })
  expect(scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(clientWidth)
}

/** A published posting with two applicants, closed again (unpublished) so its selection is over. */
async function closedPostingWithApplicants(baseURL: string, teamId: string): Promise<void> {
  const client = await syncedProvider(
    { wsUrl: baseURL.replace(/^http/, 'ws') },
    `spec:${teamId}`,
    ADMIN_TOKEN
  )
  try {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('保存期間の画面を確かめるための募集です。')])
    client.doc.getXmlFragment('what').insert(0, [paragraph])
    await new Promise((r) => setTimeout(r, 500))
  } finally {
    client.destroy()
  }
  const posting = await adminPost<{ slug: string }>(baseURL, `/api/teams/${teamId}/posting`, {
    facts: {
      title:
        '地域のワインを届けるEC担当（とても長い募集タイトルが狭い画面で折り返すことを確かめる）',
      region: '長野県',
      municipality: '塩尻市',
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31',
      hoursPerMonth: 20,
      pay: { amount: 50000, unit: 'month' },
      workStyle: 'remote',
      skills: ['EC'],
      deadline: new Date(Date.now() + 7 * DAY_MS).toISOString(),
    },
  })
  for (const [name, contact] of [
    ['応募 花子', 'hanako-retention@example.com'],
    ['応募 太郎', 'taro-retention@example.com'],
  ]) {
    const response = await fetch(`${baseURL}/postings/${posting.slug}/apply`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseURL },
      body: new URLSearchParams({
        name,
        contact,
        motivation: '仕様書を読んで関わりたいと思いました。',
        consent_data: 'yes',
      }).toString(),
    })
    expect(response.status).toBe(303)
  }
  await adminPost(baseURL, `/api/teams/${teamId}/posting/unpublish`, {})
}

test('a coordinator sets the retention period and erases a closed posting now, on a phone', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!, 'Retention チーム')
  await closedPostingWithApplicants(baseURL!, team.teamId)
  const admin = await browser.newContext({ viewport: { width: 390, height: 844 } })
  await admin.addCookies([{ name: 'sb_token', value: ADMIN_TOKEN, url: baseURL! }])
  const page = await admin.newPage()
  await page.goto(`/programs/${team.programId}/settings`)
  const panel = page.getByTestId('retention')
  await expect(panel.getByRole('heading', { name: '応募者の個人情報の保存期間' })).toBeVisible()
  const months = panel.getByLabel('締切後の保存期間（か月、1〜60）')
  await expect(months).toHaveValue('6')
  await expect(panel.getByText('削除の対象 2人・削除済み 0人')).toBeVisible()
  // Dates as people in Japan read them.
  await expect(
    panel.getByText(/締切 \d{4}年\d{1,2}月\d{1,2}日・自動削除 \d{4}年\d{1,2}月\d{1,2}日/)
  ).toBeVisible()

  await months.fill('0')
  await expect(panel.getByRole('button', { name: '保存' })).toBeDisabled()
  await months.fill('12')
  await panel.getByRole('button', { name: '保存' }).click()
  await expect(panel.getByRole('status')).toHaveText('保存しました')
  await expectNoSideways(page, 'the retention panel')
  await panel.screenshot({ path: test.info().outputPath('retention-390.png') })

  await panel.getByRole('button', { name: '今すぐ削除' }).click()
  await expect(panel.getByText('2人の個人情報をいま削除します。元に戻せません。')).toBeVisible()
  await expectNoSideways(page, 'the erase confirmation')
  await panel.screenshot({ path: test.info().outputPath('retention-confirm-390.png') })
  await panel.getByRole('button', { name: '削除する', exact: true }).click()
  await expect(panel.getByText('2人の個人情報を削除しました。')).toBeVisible()
  await expect(panel.getByText('削除の対象 0人・削除済み 2人')).toBeVisible()
  await expect(panel.getByRole('button', { name: '今すぐ削除' })).toHaveCount(0)
  await page.screenshot({
    path: test.info().outputPath('retention-erased-390.png'),
    fullPage: true,
  })

  await page.goto(`/programs/${team.programId}/audit`)
  await expect(page.getByText('応募者の個人情報をまとめて削除（保存期間）')).toBeVisible()
  await expect(page.getByText(/人数: 2/)).toBeVisible()
  await expectNoSideways(page, 'the audit trail with an erasure')

  await page.setViewportSize({ width: 1280, height: 900 })
  await page.evaluate(() => localStorage.setItem('specboard.language', 'en'))
  await page.goto(`/programs/${team.programId}/settings`)
  await expect(
    panel.getByRole('heading', { name: "How long applicants' personal data is kept" })
  ).toBeVisible()
  await expect(panel.getByLabel('Kept after the deadline (months, 1–60)')).toHaveValue('12')
  await expect(panel.getByText('0 to delete · 2 deleted')).toBeVisible()
  await expectNoSideways(page, 'the retention panel at desktop width')
  await page.screenshot({
    path: test.info().outputPath('retention-desktop-en.png'),
    fullPage: true,
  })
  await admin.close()
})

test('a coordinator turns their daily digest off, on a phone and in English at desktop width', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!, 'Digest チーム')
  const email = `digest-${Math.random().toString(36).slice(2, 8)}@e2e.example.jp`
  await adminPost(baseURL!, `/api/programs/${team.programId}/coordinators`, { email })
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  await page.goto(await signInPathFor(email))
  await expect(page).toHaveURL(/\/$/)
  await page.goto(`/programs/${team.programId}/settings`)
  const panel = page.getByTestId('digest')
  await expect(panel.getByRole('heading', { name: '毎日のお知らせメール' })).toBeVisible()
  const box = panel.getByRole('checkbox', { name: '毎日のお知らせを受け取る' })
  await expect(box).toBeChecked()
  await expect(panel.getByText(`送り先: ${email}`)).toBeVisible()
  await box.uncheck()
  await panel.getByRole('button', { name: '保存' }).click()
  await expect(panel.getByRole('status')).toHaveText('保存しました')
  await expectNoSideways(page, 'the digest panel')
  await panel.screenshot({ path: test.info().outputPath('digest-390.png') })
  await page.reload()
  await expect(panel.getByRole('checkbox', { name: '毎日のお知らせを受け取る' })).not.toBeChecked()

  await page.setViewportSize({ width: 1280, height: 900 })
  await page.evaluate(() => localStorage.setItem('specboard.language', 'en'))
  await page.reload()
  await expect(panel.getByRole('heading', { name: 'Daily digest by mail' })).toBeVisible()
  await expect(panel.getByRole('checkbox', { name: 'Send me the daily digest' })).not.toBeChecked()
  await expectNoSideways(page, 'the digest panel at desktop width')
  await panel.screenshot({ path: test.info().outputPath('digest-desktop-en.png') })
  await context.close()
})

test('the pool shows who was asked to renew their consent and until when, on a phone', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!, 'Renewal チーム')
  // A pitch lead from two years ago, asked to renew (written into the server's database, as the hourly
  // job would; the job's mail is covered by the integration test).
  const storage = openSqliteStorage(join(process.env.E2E_DATA_DIR!, 'specboard.db'))
  try {
    const longAgo = new Date(Date.now() - 25 * 30 * 24 * 3600 * 1000).toISOString()
    await storage.postings.pool.add({
      source: 'pitch_lead',
      programId: team.programId,
      teamId: team.teamId,
      name: '更新待ち 和子',
      contact: `renewal-${Date.now()}@e2e.example.jp`,
      consent: true,
      consentedAt: longAgo,
    })
    await storage.postings.pool.claimRenewals(
      new Date(Date.now() - 24 * 30 * 24 * 3600 * 1000).toISOString(),
      new Date().toISOString(),
      10
    )
  } finally {
    await storage.close()
  }
  const admin = await browser.newContext({ viewport: { width: 390, height: 844 } })
  await admin.addCookies([{ name: 'sb_token', value: ADMIN_TOKEN, url: baseURL! }])
  const page = await admin.newPage()
  await page.goto('/pool')
  const card = page.locator('.pool-entry', { hasText: '更新待ち 和子' })
  await expect(card.getByText(/同意の更新待ち（\d{4}年\d{1,2}月\d{1,2}日まで）/)).toBeVisible()
  await expectNoSideways(page, 'the pool with a renewal badge')
  await card.screenshot({ path: test.info().outputPath('pool-renewal-390.png') })
  await admin.close()
})
