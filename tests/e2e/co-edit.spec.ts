/** Two members in separate browser contexts write the same section and see each other live. */
import { test, expect } from '@playwright/test'
import { createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'

test('owner and talent co-edit one section and see each other’s text and named caret', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!)
  const owner = await BoardPage.join(browser, await team.invite('owner'), '山田 花子')
  const talent = await BoardPage.join(browser, await team.invite('talent'), 'Alex Chen')

  await owner.typeInto('やりたいこと', 'ワインの魅力を言葉にする。')
  await talent.expectText('やりたいこと', 'ワインの魅力を言葉にする。')

  await talent.typeInto('やりたいこと', 'Design the community.')
  await owner.expectText('やりたいこと', 'Design the community.')
  await talent.expectText('やりたいこと', 'ワインの魅力を言葉にする。Design the community.')

  // Both editors are focused in their own context, so each shows the other's caret with its name.
  await expect(owner.caretOf('Alex Chen')).toBeVisible()
  await owner.editor('やりたいこと').click()
  await expect(talent.caretOf('山田 花子')).toBeVisible()

  // Who is here, and in which section.
  await expect(owner.presence).toContainText('Alex Chen')
  await expect(talent.presence).toContainText('山田 花子')
  await expect(talent.presence.locator('[data-person="山田 花子"]')).toContainText('やりたいこと')

  await owner.close()
  await talent.close()
})
