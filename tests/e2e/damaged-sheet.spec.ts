/**
 * Issue 12: a sheet that already holds content the editor cannot show (from before every update was
 * checked) still renders — its readable text, the rest skipped — and a coordinator repairs it.
 */
import { join } from 'node:path'
import { test, expect } from '@playwright/test'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'
import { ReviewBoard } from './fixtures/ReviewBoard.ts'

/** Writes a damaged sheet straight into the server's log, as an unchecked server once stored it. */
function storeDamagedSheet(teamId: string): void {
  const doc = new Y.Doc()
  const good = new Y.XmlElement('paragraph')
  good.insert(0, [new Y.XmlText('読める文章は残ります。')])
  doc.getXmlFragment('what').insert(0, [good, 42 as never, new Y.Map() as never])
  const db = new Database(join(process.env.E2E_DATA_DIR!, 'specboard.db'))
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare('INSERT INTO document_updates (document, data) VALUES (?, ?)').run(
      `spec:${teamId}`,
      Y.encodeStateAsUpdate(doc)
    )
  } finally {
    db.close()
  }
}

test('a damaged section shows its readable text, and a coordinator repairs it', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!)
  storeDamagedSheet(team.teamId)
  const owner = await BoardPage.join(browser, await team.invite('owner'), '山田 花子')

  const fallback = owner.section('やりたいこと').getByTestId('section-fallback')
  await expect(fallback).toContainText('読める文章は残ります。')
  await expect(fallback).toContainText('コーディネーターに修復を依頼してください')
  // The other sections stay editable.
  await owner.typeInto('なぜやりたいのか', '理由を書く。')
  await owner.expectText('なぜやりたいのか', '理由を書く。')
  await fallback.scrollIntoViewIfNeeded()
  await owner.page.screenshot({ path: test.info().outputPath('damaged-desktop.png') })
  await owner.page.setViewportSize({ width: 390, height: 844 })
  await fallback.scrollIntoViewIfNeeded()
  await owner.page.screenshot({ path: test.info().outputPath('damaged-390.png') })
  expect(
    await owner.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
  ).toBe(true)

  const coordinator = await ReviewBoard.asCoordinator(browser, baseURL!, team.teamId)
  await coordinator.board
    .section('やりたいこと')
    .getByRole('button', { name: '表示できない部分を取り除いて修復する' })
    .click()
  // Repaired live, for everyone: the editor is back with the readable text kept.
  await expect(fallback).toHaveCount(0)
  await owner.expectText('やりたいこと', '読める文章は残ります。')
  await owner.typeInto('やりたいこと', '追記。')
  await coordinator.board.expectText('やりたいこと', '読める文章は残ります。追記。')

  await owner.close()
  await coordinator.board.close()
})
