/**
 * The account screens (issue 11) at a phone's 390 px and at desktop width: no sideways scroll, and a
 * screenshot of each kept with the test's output so a person can look at them.
 */
import { expect, test, type Page } from '@playwright/test'
import { adminGet, adminPost, createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'
import { signInPathFor } from './fixtures/outbox.ts'

const WIDTHS = [390, 1280] as const

async function shoot(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 })
    await page.reload()
    await ready()
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const root = document.scrollingElement!
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }
    })
    expect(scrollWidth, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(clientWidth)
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true })
  }
}

test('the sign-in, invite, account, board, settings and audit screens fit a phone', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000)
  const team = await createTeam(baseURL!, '画面確認チーム')

  const visitor = await browser.newContext()
  const page = await visitor.newPage()
  await page.goto('/')
  await shoot(page, 'welcome', () =>
    expect(page.getByRole('link', { name: 'サインイン' }).first()).toBeVisible()
  )
  await page.goto('/signin')
  await shoot(page, 'signin', () => expect(page.getByLabel('メールアドレス')).toBeVisible())
  await page.goto('/signin/not-a-real-token')
  await shoot(page, 'signin-link-failed', () =>
    expect(page.getByRole('heading', { name: 'このリンクは使えません' })).toBeVisible()
  )
  await page.goto(await team.invite('talent'))
  await shoot(page, 'invite', () => expect(page.getByLabel('メールアドレス')).toBeVisible())
  await visitor.close()

  const caretakerEmail = `caretaker-${Date.now()}@e2e.example.jp`
  const caretaker = await BoardPage.join(
    browser,
    await team.invite('caretaker'),
    '宮下 彩',
    caretakerEmail
  )
  const talent = await BoardPage.join(
    browser,
    await team.invite('talent'),
    'とても長い名前の外部人材さん'
  )
  await talent.typeInto('成果の測り方', '廃止予定のセクションに書いた文。')
  await talent.close()

  // Retire the last section: the board keeps it, read-only, because it has text.
  const program = await (await adminGet(baseURL!, `/api/programs/${team.programId}`)).json()
  const sections = program.template.sections
  sections[sections.length - 1].retired = true
  const patched = await fetch(`${baseURL}/api/programs/${team.programId}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin'}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ template: { sections } }),
  })
  expect(patched.status).toBe(200)
  await shoot(caretaker.page, 'board', () =>
    expect(caretaker.page.getByTestId('retired-section')).toBeVisible()
  )
  await expect(caretaker.editor('成果の測り方')).toHaveAttribute('contenteditable', 'false')
  await caretaker.page.goto('/account')
  await shoot(caretaker.page, 'account', () =>
    expect(caretaker.page.getByTestId('session-item')).toHaveCount(1)
  )
  // The address given when joining is shown as not confirmed yet, with the mail to send again.
  await expect(caretaker.page.getByText('未確認', { exact: true })).toBeVisible()
  await caretaker.page.getByRole('button', { name: '確認メールを再送' }).click()
  await expect(
    caretaker.page.getByRole('status').filter({ hasText: '確認メールを送りました' })
  ).toBeVisible()

  // The confirmation opened on a phone (not signed in): it confirms the address, signs the laptop out
  // (whoever gave the address there is not proven to own it) and says so before going on.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const phonePage = await phone.newPage()
  await phonePage.goto(await signInPathFor(caretakerEmail, 2))
  await expect(
    phonePage.getByRole('heading', { name: 'メールアドレスを確認しました' })
  ).toBeVisible()
  const { scrollWidth, clientWidth } = await phonePage.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    clientWidth: document.scrollingElement!.clientWidth,
  }))
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
  await phonePage.screenshot({ path: test.info().outputPath('signin-confirmed-elsewhere-390.png') })
  await phonePage.getByRole('link', { name: '続ける' }).click()
  await expect(phonePage.getByRole('link', { name: '宮下 彩' })).toBeVisible()
  await phone.close()
  await caretaker.page.reload()
  await expect(caretaker.page.getByRole('link', { name: 'サインイン' }).first()).toBeVisible()
  await caretaker.close()

  await adminPost(baseURL!, `/api/programs/${team.programId}/coordinators`, {
    email: `screens-${Date.now()}@e2e.example.jp`,
  })
  const admin = await browser.newContext()
  await admin.addCookies([
    { name: 'sb_token', value: process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin', url: baseURL! },
  ])
  const adminPage = await admin.newPage()
  await adminPage.goto(`/programs/${team.programId}`)
  await shoot(adminPage, 'program', () =>
    expect(adminPage.getByRole('link', { name: '設定' })).toBeVisible()
  )
  await adminPage.goto(`/programs/${team.programId}/settings`)
  await shoot(adminPage, 'settings', () =>
    expect(adminPage.getByTestId('template-section').first()).toBeVisible()
  )
  await adminPage.goto(`/programs/${team.programId}/audit`)
  await shoot(adminPage, 'audit', () => expect(adminPage.getByTestId('audit-list')).toBeVisible())
  await admin.close()
})
