/** A reviewer reads the sheet live but can change nothing in it. */
import { test, expect } from '@playwright/test'
import { adminGet, createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'

test('a reviewer cannot edit, yet sees the owner’s writing arrive live', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!)
  const owner = await BoardPage.join(browser, await team.invite('owner'), '山田 花子')
  const reviewer = await BoardPage.join(browser, await team.invite('reviewer'), '審査 太郎')

  await expect(reviewer.page.getByTestId('readonly-notice')).toBeVisible()
  const editor = reviewer.editor('やりたいこと')
  await expect(editor).toHaveAttribute('contenteditable', 'false')
  await expect(reviewer.status('やりたいこと')).toBeDisabled()
  await expect(reviewer.assignee('やりたいこと')).toBeDisabled()

  // Typing into a read-only editor changes nothing, locally or for anyone else.
  await editor.click()
  await reviewer.page.keyboard.type('レビュアーの書き込み')
  await owner.typeInto('やりたいこと', 'オーナーの本文')
  await reviewer.expectText('やりたいこと', 'オーナーの本文')
  expect(await reviewer.textOf('やりたいこと')).not.toContain('レビュアー')
  expect(await owner.textOf('やりたいこと')).not.toContain('レビュアー')
  const sheet = (await (
    await adminGet(baseURL!, `/api/teams/${team.teamId}/sheet.json`)
  ).json()) as {
    sections: { key: string; text: string }[]
  }
  expect(sheet.sections.find((s) => s.key === 'what')?.text).toBe('オーナーの本文')

  // More text keeps arriving live.
  await owner.typeInto('なぜやりたいのか', '理由を書きます')
  await reviewer.expectText('なぜやりたいのか', '理由を書きます')

  await owner.close()
  await reviewer.close()
})
