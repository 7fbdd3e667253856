/** The Markdown export holds what was typed; the UI switches to English and remembers it. */
import { test, expect } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'

test('the Markdown export contains the text typed by another member', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!)
  const writer = await BoardPage.join(browser, await team.invite('owner'), '山田 花子')
  const reader = await BoardPage.join(browser, await team.invite('talent'), 'Alex Chen')

  await writer.typeInto('目指す未来（概ね5年後）', '若者がワインで集う町')
  await reader.expectText('目指す未来（概ね5年後）', '若者がワインで集う町')

  const [download] = await Promise.all([
    reader.page.waitForEvent('download'),
    reader.page.getByRole('link', { name: 'Markdown をダウンロード' }).click(),
  ])
  const markdown = await readFile((await download.path())!, 'utf8')
  expect(markdown).toContain(team.name)
  expect(markdown).toContain('目指す未来（概ね5年後）')
  expect(markdown).toContain('若者がワインで集う町')

  await writer.close()
  await reader.close()
})

test('the language switch shows English and is remembered after a reload', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!)
  const member = await BoardPage.join(browser, await team.invite('caretaker'), '宮下 彩')
  const { page } = member

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('region', { name: 'What we want to do', exact: true })).toBeVisible()
  await expect(page.getByTestId('connection')).toContainText('Connected')
  await expect(page.getByRole('heading', { name: 'Invite members' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.reload()
  await expect(page.getByRole('region', { name: 'What we want to do', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute(
    'aria-pressed',
    'true'
  )

  await page.getByRole('button', { name: '日本語' }).click()
  await expect(page.getByRole('region', { name: 'やりたいこと', exact: true })).toBeVisible()
  await member.close()
})
