/**
 * The screens a coordinator found rough (issue 14), at a phone's 390 px and at desktop width: no
 * horizontal scroll anywhere, サインアウト in reach, a talent told what they may see of postings and the
 * pool instead of controls that answer 403, reviewers not offered as section assignees, and an empty
 * program name said in words.
 */
import { expect, test, type Page } from '@playwright/test'
import { createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'
import { CoordinatorScreens } from './fixtures/SelectionPages.ts'

const WIDTHS = [390, 1280] as const

async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement!
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }
  })
  expect(
    scrollWidth,
    `${what} at ${page.viewportSize()?.width} px scrolls sideways`
  ).toBeLessThanOrEqual(clientWidth)
}

/**
 * The header's サインアウト is wholly on screen, its words not cut off (no ellipsis, no overflow), and
 * nothing lies on top of it: a person can always sign out.
 */
async function expectSignOutInReach(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'サインアウト', exact: true })
  await expect(button).toBeInViewport({ ratio: 1 })
  const state = await button.evaluate((el) => {
    const box = el.getBoundingClientRect()
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    // Every ancestor that clips must hold the button whole.
    let clipped = false
    for (let a = el.parentElement; a; a = a.parentElement) {
      const style = getComputedStyle(a)
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
      const outer = a.getBoundingClientRect()
      if (box.left < outer.left - 0.5 || box.right > outer.right + 0.5) clipped = true
    }
    return {
      cut: el.scrollWidth > el.clientWidth + 1,
      covered: !(top && (top === el || el.contains(top))),
      clipped,
    }
  })
  expect(state, `サインアウト at ${page.viewportSize()?.width} px on ${page.url()}`).toEqual({
    cut: false,
    covered: false,
    clipped: false,
  })
}

/** Visits `path` at each width, waits for `ready`, and checks that nothing overflows the screen. */
async function atEachWidth(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 })
    await page.goto(path)
    await ready(page)
    await expectNoHorizontalScroll(page, path)
  }
}

test('the selection screens fit a phone, and each person is shown what they may use', async ({
  browser,
  baseURL,
}) => {
  // Four people and sixteen screens, each at two widths: more than the default minute on a busy machine.
  test.setTimeout(240_000)
  const team = await createTeam(baseURL!, 'ワイン販路チーム')
  const reviewer = await BoardPage.join(browser, await team.invite('reviewer'), 'レビュー 一郎')
  await reviewer.close()
  const owner = await BoardPage.join(browser, await team.invite('owner'), '山田 花子')
  await owner.typeInto('やりたいこと', 'ワインの味を言葉にして、若いファンとつなぎたい。')
  await expect
    .poll(async () => {
      const response = await fetch(`${baseURL}/api/teams/${team.teamId}/posting`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin'}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          facts: {
            title: '塩尻ワインのファンづくり',
            region: '長野県',
            municipality: '塩尻市',
            periodStart: '2027-01-01',
            periodEnd: '2027-03-31',
            hoursPerMonth: 20,
            pay: { amount: 50000, unit: 'month' },
            workStyle: 'hybrid',
            location: '月1回、塩尻市内のワイナリー',
            deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
          },
        }),
      })
      return response.status
    })
    .toBe(201)

  // The board: a reviewer reads the sheet, so is not offered a section to write.
  const options = await owner.assignee('やりたいこと').locator('option').allTextContents()
  expect(options.some((o) => o.includes('山田 花子'))).toBe(true)
  expect(options.some((o) => o.includes('レビュー 一郎'))).toBe(false)
  await atEachWidth(owner.page, `/teams/${team.teamId}`, async (page) => {
    await expect(page.getByRole('region', { name: 'やりたいこと', exact: true })).toBeVisible()
    await expectSignOutInReach(page)
  })
  // Its feedback panel, opened on the board, fits too.
  await atEachWidth(owner.page, `/teams/${team.teamId}`, async (page) => {
    await page.getByRole('button', { name: 'フィードバック', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'フィードバック', exact: true })).toBeVisible()
  })
  await owner.close()

  // A talent sees the open posting as its public page, and a word instead of the pool's controls.
  const talent = await BoardPage.join(browser, await team.invite('talent'), 'Alex Chen')
  await atEachWidth(talent.page, `/programs/${team.programId}/selection`, async (page) => {
    await expect(page.getByTestId('public-posting')).toContainText('塩尻ワインのファンづくり')
    await expect(page.getByText('まだ公開した求人はありません')).toHaveCount(0)
    await expectSignOutInReach(page)
  })
  await atEachWidth(talent.page, '/pool', async (page) => {
    await expect(page.getByTestId('pool-forbidden')).toBeVisible()
    await expect(page.getByRole('link', { name: /CSV/ })).toHaveCount(0)
    await expect(page.getByRole('search')).toHaveCount(0)
    await expectSignOutInReach(page)
  })
  await talent.close()

  // The coordinator's selection, pipeline and figures, with an application in the pipeline.
  const applied = await fetch(
    `${baseURL}/postings/${await slugOf(baseURL!, team.programId)}/apply`,
    {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseURL! },
      body: new URLSearchParams({
        name: '佐藤 太郎',
        contact: 'taro@example.com',
        motivation: '仕様書を読んで関わりたいと思いました。',
        consent_data: 'yes',
      }).toString(),
    }
  )
  expect(applied.status).toBe(303)
  const coordinator = await CoordinatorScreens.open(browser, baseURL!)
  const postingId = await postingIdOf(baseURL!, team.programId)
  // Every signed-in screen of the program, each with サインアウト in reach.
  for (const path of [
    '/',
    `/programs/${team.programId}`,
    `/teams/${team.teamId}`,
    `/teams/${team.teamId}/posting`,
    `/programs/${team.programId}/selection`,
    `/programs/${team.programId}/selection/${postingId}`,
    `/programs/${team.programId}/figures`,
    `/programs/${team.programId}/settings`,
    `/programs/${team.programId}/audit`,
    '/pool',
    '/account',
  ]) {
    await atEachWidth(coordinator.page, path, async (page) => {
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
      await expect(page.getByRole('alert')).toHaveCount(0)
      await expectSignOutInReach(page)
    })
  }
  // No coordinator appointed yet: the settings say who runs the program and what to do.
  await coordinator.page.goto(`/programs/${team.programId}/settings`)
  await expect(coordinator.page.getByTestId('coordinators-empty')).toContainText(
    'まだ招待したコーディネーターはいません'
  )
  await coordinator.context.close()
})

test('an empty program name is said in words, not only a disabled button', async ({
  browser,
  baseURL,
}) => {
  const coordinator = await CoordinatorScreens.open(browser, baseURL!)
  const page = coordinator.page
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/')
  const submit = page.getByRole('button', { name: 'プログラムを作成' })
  await expect(submit).toBeEnabled()
  await submit.click()
  await expect(page.getByText('プログラム名を入力してください。')).toBeVisible()
  await expect(page.getByLabel('プログラム名')).toBeFocused()
  await expectNoHorizontalScroll(page, 'home')
  await coordinator.context.close()
})

async function postingsOf(baseURL: string, programId: string) {
  const response = await fetch(`${baseURL}/api/programs/${programId}/postings`, {
    headers: { authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin'}` },
  })
  return ((await response.json()) as { postings: { id: string; slug: string }[] }).postings
}

async function slugOf(baseURL: string, programId: string): Promise<string> {
  return (await postingsOf(baseURL, programId))[0]!.slug
}

async function postingIdOf(baseURL: string, programId: string): Promise<string> {
  return (await postingsOf(baseURL, programId))[0]!.id
}
