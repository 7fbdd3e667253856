/**
 * Publishing and selection end to end: the coordinator publishes a sheet and offers interview slots; a
 * newcomer with JavaScript turned off finds the posting, applies and books a slot; the coordinator moves
 * the interview, places one applicant and sends another to the talent pool; the applicants see each change
 * on their status pages, and the figures follow. Script-like text stays text everywhere, and a posting past
 * its deadline refuses an application.
 */
import { test, expect } from '@playwright/test'
import { adminPost, createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'
import { CoordinatorScreens, PublicVisitor, tokyoDate } from './fixtures/SelectionPages.ts'

const HOSTILE_IMG = '<img src=x onerror=alert(1)>'
const HOSTILE_SCRIPT = '<script>alert("xss")</script>'
const TITLE = '塩尻ワインのファンづくりを一緒に'

test('a published sheet is found and applied to without JavaScript, and selection runs through to the figures', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!, 'ワインのファンづくりチーム')
  const owner = await BoardPage.join(browser, await team.invite('owner'), '山田 花子')
  await owner.typeInto(
    'やりたいこと',
    `ワインの味を言葉にして、若いファンとつなぎたい。${HOSTILE_IMG} ${HOSTILE_SCRIPT}`
  )
  await owner.expectText('やりたいこと', HOSTILE_SCRIPT)
  await owner.close()

  // The coordinator publishes from the board; the form checks the facts before sending them.
  const coordinator = await CoordinatorScreens.open(browser, baseURL!)
  await coordinator.openPublishFromBoard(team.teamId)
  await coordinator.fillFacts({
    title: TITLE,
    periodStart: '2027-01-01',
    periodEnd: '2027-03-31',
    hoursPerMonth: '',
    payAmount: '50000',
    skills: 'SNS運用、編集',
  })
  await coordinator.factsForm.getByRole('button', { name: 'この内容で公開する' }).click()
  await expect(coordinator.factsForm.getByText('1〜300の整数で入力してください。')).toBeVisible()
  await expect(coordinator.factsForm.getByLabel('稼働時間（月あたり）')).toBeFocused()
  await expect(
    coordinator.factsForm.getByText('求人ページでの表示: 月額5万円（¥50,000）')
  ).toBeVisible()
  await coordinator.factsForm.getByLabel('稼働時間（月あたり）').fill('20')
  const postingPath = await coordinator.publish()
  await expect(coordinator.page.getByTestId('posting-summary')).toContainText('募集中')

  // Interview slots: one window of 30 minutes, two 15-minute slots, two days ahead (Japan time).
  await coordinator.openSelection(team.programId)
  await coordinator.addWindow(tokyoDate(2), '10:00', '10:30')
  await expect(coordinator.page.getByText('15分の枠を2つ追加しました。')).toBeVisible()

  // A newcomer without JavaScript finds the posting; the hostile text is shown as text, never run.
  const newcomer = await PublicVisitor.open(browser)
  await newcomer.findInList(TITLE)
  expect(newcomer.page.url()).toContain(postingPath)
  const story = newcomer.page.getByRole('article', { name: '仕様書' })
  await expect(story).toContainText(HOSTILE_IMG)
  await expect(story).toContainText(HOSTILE_SCRIPT)
  await expect(newcomer.page.locator('img[src="x"]')).toHaveCount(0)
  await expect(newcomer.page.locator('article script')).toHaveCount(0)

  const firstStatus = await newcomer.apply({
    name: '鈴木 一郎',
    contact: 'ichiro@example.com',
    motivation: `仕様書を読んでワクワクしました。${HOSTILE_IMG} 編集の経験を活かしたいです。`,
    skills: '編集、ライティング',
  })
  await newcomer.bookSlot('10:00')
  await expect(newcomer.page.getByText('10:00〜10:15')).toBeVisible()

  const second = await PublicVisitor.open(browser)
  await second.page.goto(postingPath)
  const secondStatus = await second.apply({
    name: '佐藤 花子',
    contact: 'hanako@example.com',
    motivation: 'SNSでの発信を10年続けてきました。地域の仕事に関わりたいです。',
    consentPool: true,
  })

  // The figures before any decision.
  await coordinator.openFigures(team.programId)
  await expect(coordinator.figure('applicants')).toHaveText('2')
  await expect(coordinator.figure('placements')).toHaveText('0')
  await expect(coordinator.figure('talentPool')).toHaveText('0')

  // The pipeline: one applied, one with an interview; the applicant's text stays text here too.
  await coordinator.openSelection(team.programId)
  await coordinator.openPipeline(TITLE)
  await expect(coordinator.stageCount('applied')).toHaveText('1')
  await expect(coordinator.stageCount('interview_scheduled')).toHaveText('1')
  const first = await coordinator.application('鈴木 一郎')
  await expect(first).toContainText(HOSTILE_IMG)
  await expect(coordinator.page.locator('img[src="x"]')).toHaveCount(0)

  // Moving the interview shows on the applicant's status page.
  await coordinator.moveInterview('鈴木 一郎', '10:15')
  await newcomer.reloadStatus(firstStatus)
  await expect(newcomer.page.getByText('日時が変更されました')).toBeVisible()
  await expect(newcomer.page.getByText('10:15〜10:30')).toBeVisible()

  // Without consent the pool is closed to the first applicant, and the page says why.
  await expect(first.getByRole('button', { name: '人材プールへ' })).toBeDisabled()
  await expect(first).toContainText('人材プールへの登録に同意していないため')

  await coordinator.decide('鈴木 一郎', '採用にする', '採用')
  await expect(coordinator.stageCount('placed')).toHaveText('1')
  await newcomer.reloadStatus(firstStatus)
  await expect(newcomer.page.getByText('採用が決まりました。')).toBeVisible()

  await coordinator.decide('佐藤 花子', '人材プールへ', '人材プール')
  await expect(coordinator.stageCount('pool')).toHaveText('1')
  await second.reloadStatus(secondStatus)
  await expect(second.page.getByText('人材プールに登録しました')).toBeVisible()

  // The figures follow, and the pool has the second applicant.
  await coordinator.openFigures(team.programId)
  await expect(coordinator.figure('placements')).toHaveText('1')
  await expect(coordinator.figure('talentPool')).toHaveText('1')
  await expect(coordinator.page.getByTestId('funnel-placed')).toContainText('1人')
  await coordinator.page.getByRole('link', { name: '人材プール', exact: true }).first().click()
  await expect(
    coordinator.page.getByTestId('pool-entry').filter({ hasText: '佐藤 花子' })
  ).toBeVisible()

  expect(coordinator.dialogs).toEqual([])
  await newcomer.close()
  await second.close()
  await coordinator.close()
})

test('a posting whose deadline has passed refuses an application', async ({ browser, baseURL }) => {
  const team = await createTeam(baseURL!, '締切の近いチーム')
  const owner = await BoardPage.join(browser, await team.invite('owner'), '田中 次郎')
  await owner.typeInto('やりたいこと', '締切の近い募集です。')
  await owner.expectText('やりたいこと', '締切の近い募集です。')
  await owner.close()

  // Published through the API with a deadline a few seconds ahead, as the server tests do.
  const deadline = Date.now() + 6000
  const posting = await adminPost<{ id: string; slug: string }>(
    baseURL!,
    `/api/teams/${team.teamId}/posting`,
    {
      facts: {
        title: '締切間近の募集',
        region: '長野県',
        periodStart: '2027-01-01',
        periodEnd: '2027-02-28',
        hoursPerMonth: 10,
        pay: { amount: 0, unit: 'month' },
        workStyle: 'remote',
        deadline: new Date(deadline).toISOString(),
      },
    }
  )

  const late = await PublicVisitor.open(browser)
  await late.page.goto(`/postings/${posting.slug}`)
  await late.fillApplication({
    name: '遅刻 三郎',
    contact: 'late@example.com',
    motivation: '締切の直前に応募します。よろしくお願いします。',
  })
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now() + 500)))
  await late.submitApplication()
  await expect(late.page.getByText('この募集は締め切りました')).toBeVisible()
  await expect(late.page.getByText('応募を受け付けました。')).toHaveCount(0)

  // The coordinator's pipeline shows the posting closed, with nobody in it.
  const coordinator = await CoordinatorScreens.open(browser, baseURL!)
  await coordinator.openSelection(team.programId)
  const card = coordinator.page.getByTestId('posting-card').filter({ hasText: '締切間近の募集' })
  await expect(card.getByTestId('posting-state')).toHaveText('募集終了')
  await coordinator.openPipeline('締切間近の募集')
  await expect(coordinator.page.getByText('まだ応募はありません')).toBeVisible()

  await late.close()
  await coordinator.close()
})

test('republishing makes a new version and unpublishing takes the posting off the public list', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!, '版を重ねるチーム')
  const owner = await BoardPage.join(browser, await team.invite('owner'), '小林 三郎')
  await owner.typeInto('やりたいこと', '最初に公開した文章です。')
  await owner.expectText('やりたいこと', '最初に公開した文章です。')

  const coordinator = await CoordinatorScreens.open(browser, baseURL!)
  await coordinator.openPublishFromBoard(team.teamId)
  await coordinator.fillFacts({
    title: '版を重ねる募集',
    periodStart: '2027-04-01',
    periodEnd: '2027-06-30',
    hoursPerMonth: '8',
    payAmount: '0',
    skills: '',
  })
  const postingPath = await coordinator.publish()

  // The sheet changes after publishing; the public page keeps the frozen text until a new version.
  await owner.typeInto('やりたいこと', '公開後に書き足した文章です。')
  await owner.expectText('やりたいこと', '公開後に書き足した文章です。')
  const visitor = await PublicVisitor.open(browser)
  await visitor.page.goto(postingPath)
  await expect(visitor.page.getByText('最初に公開した文章です。')).toBeVisible()
  await expect(visitor.page.getByText('公開後に書き足した文章です。')).toHaveCount(0)

  await coordinator.factsForm.getByRole('button', { name: '第2版として再公開する' }).click()
  await expect(coordinator.page.getByTestId('published-notice')).toContainText(
    '第2版を公開しました'
  )
  await expect(coordinator.page.getByTestId('posting-summary')).toContainText('第2版')
  // Public pages are cached for a minute: each later look is a new visitor, as it would be.
  const later = await PublicVisitor.open(browser)
  await later.page.goto(postingPath)
  await expect(later.page.getByText('公開後に書き足した文章です。')).toBeVisible()
  await expect(later.page.getByText('（第2版）')).toBeVisible()

  await coordinator.page.getByRole('button', { name: '公開を停止する' }).click()
  await expect(
    coordinator.page.getByTestId('posting-summary').getByTestId('posting-state')
  ).toHaveText('非公開')
  expect(coordinator.dialogs).toEqual([
    'この求人の公開を停止しますか？求人ページは見られなくなり、応募も受け付けなくなります。',
  ])
  const afterwards = await PublicVisitor.open(browser)
  await afterwards.page.goto('/postings')
  await expect(afterwards.page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(afterwards.page.getByRole('link', { name: '版を重ねる募集' })).toHaveCount(0)
  const response = await afterwards.page.goto(postingPath)
  expect(response?.status()).toBe(404)

  await owner.close()
  await visitor.close()
  await later.close()
  await afterwards.close()
  await coordinator.close()
})
