/** Status, assignee and completeness change live in the other member's view. */
import { test, expect } from '@playwright/test'
import { createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'

test('status, assignee and the completeness meter update live for the other member', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!)
  const owner = await BoardPage.join(browser, await team.invite('owner'), '山田 花子')
  const talent = await BoardPage.join(browser, await team.invite('talent'), 'Alex Chen')

  await expect(talent.completeness).toContainText('記入 0/9')
  await expect(talent.completeness).toContainText('0%')

  await owner.typeInto('やりたいこと', '目的を書きました')
  await expect(talent.completeness).toContainText('記入 1/9')
  // A written draft counts half a section: 0.5 / 9 ≈ 6%.
  await expect(talent.completeness).toContainText('6%')

  await owner.status('やりたいこと').selectOption({ label: '完了' })
  await expect(talent.status('やりたいこと')).toHaveValue('done')
  await expect(talent.section('やりたいこと').getByTestId('status-pill')).toHaveText('完了')
  await expect(talent.completeness).toContainText('完了 1')
  await expect(talent.completeness).toContainText('11%')

  await owner.assignee('やりたいこと').selectOption({ label: 'Alex Chen（外部人材）' })
  await expect(talent.assignee('やりたいこと').locator('option:checked')).toHaveText(
    'Alex Chen（外部人材）'
  )

  // And back the other way.
  await talent.status('なぜやりたいのか').selectOption({ label: 'レビュー待ち' })
  await expect(owner.status('なぜやりたいのか')).toHaveValue('ready')

  await owner.close()
  await talent.close()
})
