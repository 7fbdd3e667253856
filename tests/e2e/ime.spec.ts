/**
 * Japanese IME input while a peer types at the same place. Composition is driven through the Chrome
 * DevTools Protocol (Input.imeSetComposition / Input.insertText), which fires the same composition events
 * a real IME does. The stock TipTap collaboration stack fails this test: every intermediate reading
 * (か, かん, かんじ) reaches the shared document and the peer.
 */
import { test, expect, type Browser, type Locator, type Page } from '@playwright/test'

const ADMIN = { authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin'}` }
const READINGS = ['か', 'かん', 'かんじ']
const KANA = /[ぁ-ゖ]/

async function api<T>(
  baseURL: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = ADMIN
): Promise<T> {
  const response = await fetch(baseURL + path, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.ok, `${path} → ${response.status}`).toBe(true)
  return (await response.json()) as T
}

/** A signed-in member's board, in a browser context of its own. */
async function openBoard(
  browser: Browser,
  baseURL: string,
  teamId: string,
  accessToken: string
): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP' })
  await context.addCookies([{ name: 'sb_token', value: accessToken, url: baseURL }])
  const page = await context.newPage()
  await page.goto(`/teams/${teamId}`)
  return page
}

/** The editor's text without other people's caret labels, which sit inside the text. */
function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
    return copy.textContent ?? ''
  })
}

async function serverText(baseURL: string, teamId: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/teams/${teamId}/sheet.json`, { headers: ADMIN })
  const sheet = (await response.json()) as { sections: { key: string; text: string }[] }
  return sheet.sections.find((s) => s.key === 'what')!.text
}

test('a composition never reaches the peer or the server half-converted, and merges with the peer’s typing', async ({
  browser,
  baseURL,
}) => {
  const base = baseURL!
  const program = await api<{ id: string }>(base, '/api/programs', {
    name: 'IME 検証',
    region: '塩尻市',
  })
  const team = await api<{ id: string }>(base, `/api/programs/${program.id}/teams`, {
    name: '変換チーム',
  })
  const join = async (role: string, name: string) => {
    const invite = await api<{ token: string }>(base, `/api/teams/${team.id}/invites`, { role })
    return api<{ accessToken: string }>(
      base,
      `/api/invites/${invite.token}/accept`,
      { name, email: `${Math.random().toString(36).slice(2, 10)}@e2e.example.jp` },
      {}
    )
  }
  const composer = await openBoard(
    browser,
    base,
    team.id,
    (await join('owner', '山田')).accessToken
  )
  const peer = await openBoard(browser, base, team.id, (await join('talent', '佐藤')).accessToken)
  const composerEditor = composer.getByRole('textbox', { name: /やりたいこと/ })
  const peerEditor = peer.getByRole('textbox', { name: /やりたいこと/ })

  await composerEditor.click()
  await composer.keyboard.type('本日')
  await expect(peerEditor).toContainText('本日')
  await peerEditor.click()
  await peer.keyboard.press('End')

  const cdp = await composer.context().newCDPSession(composer)
  for (const [i, reading] of READINGS.entries()) {
    await cdp.send('Input.imeSetComposition', {
      text: reading,
      selectionStart: reading.length,
      selectionEnd: reading.length,
    })
    await peer.keyboard.type('XYZ'[i])
    // The peer's letter reaches the server while the composition is open…
    await expect.poll(() => serverText(base, team.id)).toContain('XYZ'.slice(0, i + 1))
    // …and no reading ever reaches the server or the peer.
    expect(await serverText(base, team.id)).not.toMatch(KANA)
    expect(await editorText(peerEditor)).not.toMatch(KANA)
  }
  await cdp.send('Input.insertText', { text: '漢字' })

  await expect.poll(() => serverText(base, team.id)).toMatch(/^本日(漢字XYZ|XYZ漢字)$/)
  const final = await serverText(base, team.id)
  await expect.poll(() => editorText(peerEditor)).toBe(final)
  await expect.poll(() => editorText(composerEditor)).toBe(final)
  // The committed text can be edited on as usual: typing after it lands right behind it.
  await composer.keyboard.type('。')
  await expect.poll(() => serverText(base, team.id)).toContain('漢字。')
})
