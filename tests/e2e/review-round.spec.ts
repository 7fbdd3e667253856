/**
 * A review round (壁打ち) with three people in three browser contexts: the coordinator opens round 1 for the
 * reviewer, the reviewer comments on selected words and on a whole section, the owner answers, edits and
 * resolves, everyone sees what changed, and the round closes with the right summary. Each step is checked
 * in another person's browser, so it proves the change travelled.
 */
import { test, expect } from '@playwright/test'
import { adminGet, createTeam } from './fixtures/adminApi.ts'
import { BoardPage } from './fixtures/BoardPage.ts'
import { ReviewBoard } from './fixtures/ReviewBoard.ts'

test('coordinator, reviewer and owner go through a review round', async ({ browser, baseURL }) => {
  const team = await createTeam(baseURL!)
  const owner = new ReviewBoard(
    await BoardPage.join(browser, await team.invite('owner'), '山田 花子')
  )
  const reviewer = new ReviewBoard(
    await BoardPage.join(browser, await team.invite('reviewer'), '審査 太郎')
  )
  const coordinator = await ReviewBoard.asCoordinator(browser, baseURL!, team.teamId)

  await owner.board.typeInto('やりたいこと', '塩尻のワインを全国の飲食店に届けたい。')
  await reviewer.board.expectText('やりたいこと', '全国の飲食店')
  await expect(reviewer.roundBar).toContainText('まだ壁打ちラウンドはありません')

  // The coordinator opens round 1 and assigns the reviewer; the reviewer's board shows it.
  await coordinator.openRound(1, ['審査 太郎'])
  await expect(reviewer.roundState).toHaveText('実施中', { timeout: 15_000 })
  await expect(reviewer.roundBar).toContainText('第1回')
  await expect(reviewer.roundBar).toContainText('レビュアー: 審査 太郎')
  await expect(owner.roundState).toHaveText('実施中', { timeout: 15_000 })

  // The reviewer comments on selected words in a read-only editor, and on a whole section.
  await reviewer.commentOnSelection(
    'やりたいこと',
    '全国の飲食店',
    '「全国」は広すぎませんか？\n最初の販路を一つに絞ると伝わります。参考: https://example.com/wine'
  )
  await reviewer.commentOnSection('なぜやりたいのか', '理由がまだ書かれていません。')

  // The owner sees the highlight on exactly those words, and two unread entries.
  await expect(owner.highlights('やりたいこと')).toHaveText('全国の飲食店')
  await expect(owner.unreadBadge).toContainText('2')

  // Clicking the highlight opens the panel on that thread: author, role, round, quote, safe link.
  await owner.highlights('やりたいこと').click()
  const thread = owner.thread('広すぎませんか')
  await expect(thread).toBeFocused()
  await expect(thread).toContainText('審査 太郎')
  await expect(thread).toContainText('レビュアー')
  await expect(thread).toContainText('第1回')
  await expect(thread).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)
  await expect(thread.locator('blockquote')).toHaveText('全国の飲食店')
  const link = thread.getByRole('link', { name: 'https://example.com/wine' })
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow')
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(thread.locator('.comment-text').first()).toContainText(
    '広すぎませんか？\n最初の販路'
  )
  await expect(owner.unreadBadge).toHaveCount(0)

  // The owner replies; the reviewer reads the reply.
  await owner.reply(thread, '首都圏のレストランに絞ります。')
  await reviewer.openPanel()
  await expect(reviewer.thread('広すぎませんか')).toContainText('首都圏のレストランに絞ります。')
  await expect(reviewer.thread('広すぎませんか')).toContainText('山田 花子')

  // The owner edits the text and resolves; the reviewer sees it resolved and the highlight gone.
  await owner.board.typeInto('やりたいこと', 'まずは首都圏のレストランから始める。')
  await reviewer.board.expectText('やりたいこと', 'まずは首都圏のレストランから始める。')
  await thread.getByRole('button', { name: '解決にする' }).click()
  await expect(reviewer.highlights('やりたいこと')).toHaveCount(0)
  await reviewer.filter('解決済み')
  await expect(reviewer.thread('広すぎませんか').getByTestId('thread-status')).toContainText(
    '山田 花子（テーマオーナー）'
  )
  await reviewer.filter('未解決')
  await expect(reviewer.panel.getByTestId('thread')).toHaveCount(1)
  await expect(reviewer.thread('理由がまだ書かれていません。')).toContainText(
    'セクション全体へのコメント'
  )

  // "What changed since round 1 opened", in the reviewer's browser: the owner's insertion, one section.
  const diff = await reviewer.openDiff('第1回の開始時')
  await expect(diff.getByTestId('diff-count')).toHaveText('変更のあったセクション: 1 / 9')
  const changed = diff.getByRole('region', { name: 'やりたいこと' })
  await expect(changed.locator('ins')).toContainText('まずは首都圏のレストランから始める。')
  await expect(changed.locator('del')).toHaveCount(0)
  await expect(diff.getByRole('region', { name: 'なぜやりたいのか' })).toHaveCount(0)
  await diff.getByRole('button', { name: '閉じる' }).click()

  // The coordinator closes the round; the summary is right, and the owner sees it too.
  await coordinator.closeRound(1, '販路を一つに絞れました。次回は理由を。')
  await expect(coordinator.summary(1)).toBeVisible()
  expect(await coordinator.summaryRow(1, 'やりたいこと')).toEqual(['1', '1', '0', '変更あり'])
  expect(await coordinator.summaryRow(1, 'なぜやりたいのか')).toEqual(['1', '0', '1', 'なし'])
  await expect(owner.roundState).toHaveText('終了', { timeout: 15_000 })
  await owner.roundBar.getByRole('button', { name: '第1回のまとめ' }).click()
  expect(await owner.summaryRow(1, 'やりたいこと')).toEqual(['1', '1', '0', '変更あり'])
  expect(await owner.summaryRow(1, 'なぜやりたいのか')).toEqual(['1', '0', '1', 'なし'])
  expect(await owner.summaryRow(1, '本気度')).toEqual(['0', '0', '0', 'なし'])
  await expect(owner.roundBar).toContainText('販路を一つに絞れました。次回は理由を。')

  // With the round closed, the reviewer is told plainly that comments wait for the next round.
  await expect(reviewer.roundState).toHaveText('終了', { timeout: 15_000 })
  await reviewer.board
    .section('成果の測り方')
    .getByRole('button', { name: 'セクションにコメント' })
    .click()
  await expect(reviewer.panel).toContainText(
    'レビュアーがコメントできるのは、壁打ちラウンドの実施中だけです。'
  )

  await owner.board.close()
  await reviewer.board.close()
  await coordinator.board.close()
})

test('a reviewer can select but cannot type into the sheet', async ({ browser, baseURL }) => {
  const team = await createTeam(baseURL!)
  const owner = await BoardPage.join(browser, await team.invite('owner'), '山田 花子')
  const reviewer = new ReviewBoard(
    await BoardPage.join(browser, await team.invite('reviewer'), '審査 太郎')
  )
  await owner.typeInto('やりたいこと', 'ワインの魅力を言葉にする。')
  await reviewer.board.expectText('やりたいこと', 'ワインの魅力')

  const editor = reviewer.board.editor('やりたいこと')
  await expect(editor).toHaveAttribute('contenteditable', 'false')
  await editor.click()
  await reviewer.page.keyboard.press('End')
  await reviewer.page.keyboard.type('レビュアーの書き込み')
  await reviewer.select('やりたいこと', 'ワインの魅力')
  await reviewer.page.keyboard.press('Backspace')
  await expect(reviewer.page.locator('.selection-comment')).toBeVisible()

  await owner.typeInto('やりたいこと', '続きを書く。')
  await reviewer.board.expectText('やりたいこと', '続きを書く。')
  expect(await owner.textOf('やりたいこと')).toBe('ワインの魅力を言葉にする。続きを書く。')
  const sheet = (await (
    await adminGet(baseURL!, `/api/teams/${team.teamId}/sheet.json`)
  ).json()) as {
    sections: { key: string; text: string }[]
  }
  expect(sheet.sections.find((s) => s.key === 'what')?.text).toBe(
    'ワインの魅力を言葉にする。続きを書く。'
  )

  await owner.close()
  await reviewer.board.close()
})

test('deleted words leave a detached thread with its quote, and a comment on deleted words is refused in words', async ({
  browser,
  baseURL,
}) => {
  const team = await createTeam(baseURL!)
  const owner = new ReviewBoard(
    await BoardPage.join(browser, await team.invite('owner'), '山田 花子')
  )
  const reviewer = new ReviewBoard(
    await BoardPage.join(browser, await team.invite('reviewer'), '審査 太郎')
  )
  await owner.board.typeInto('やりたいこと', '古い表現を残す。新しい表現を足す。')
  await reviewer.board.expectText('やりたいこと', '新しい表現を足す。')
  const opened = await fetch(`${baseURL}/api/teams/${team.teamId}/rounds`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin'}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ reviewerIds: [] }),
  })
  expect(opened.status).toBe(201)
  await expect(reviewer.roundState).toHaveText('実施中', { timeout: 15_000 })

  await reviewer.commentOnSelection('やりたいこと', '古い表現', 'この言い方は伝わりにくいです。')
  await expect(owner.highlights('やりたいこと')).toHaveText('古い表現')

  // The owner deletes the commented words: the reviewer's thread shows as detached, with the quote.
  await owner.board.editor('やりたいこと').click()
  await owner.select('やりたいこと', '古い表現を')
  await owner.page.keyboard.press('Backspace')
  await reviewer.board.expectText('やりたいこと', '残す。新しい表現を足す。')
  const detached = reviewer.thread('この言い方は伝わりにくいです。')
  await expect(detached.getByTestId('thread-detached')).toContainText(
    'コメントした箇所の文章は削除されました'
  )
  await expect(detached.getByTestId('thread-detached').locator('blockquote')).toHaveText('古い表現')
  await expect(reviewer.highlights('やりたいこと')).toHaveCount(0)

  // The reviewer starts a comment on words the owner then deletes: the server refuses, the panel says why.
  await reviewer.select('やりたいこと', '新しい表現')
  await reviewer.page.locator('.selection-comment').click()
  const composer = reviewer.panel.getByRole('form', {
    name: '「やりたいこと」の選択箇所へのコメント',
  })
  await owner.select('やりたいこと', '新しい表現を')
  await owner.page.keyboard.press('Backspace')
  await reviewer.board.expectText('やりたいこと', '残す。足す。')
  await composer.getByRole('textbox').fill('ここをもう少し。')
  await composer.getByRole('button', { name: 'コメントする' }).click()
  await expect(composer.getByRole('alert')).toHaveText(
    '選択した文章はすでに削除されています。今の本文からもう一度選択してください。'
  )
  await expect(reviewer.panel.getByTestId('thread')).toHaveCount(1)

  // From the keyboard: a member selects words and presses Ctrl+Alt+M to comment on them.
  await owner.board.editor('やりたいこと').click()
  await owner.select('やりたいこと', '残す')
  await owner.page.keyboard.press('Control+Alt+m')
  const ownerComposer = owner.panel.getByRole('form', {
    name: '「やりたいこと」の選択箇所へのコメント',
  })
  await expect(ownerComposer.locator('blockquote')).toHaveText('残す')
  await expect(ownerComposer.getByRole('textbox')).toBeFocused()

  await owner.board.close()
  await reviewer.board.close()
})
