/**
 * Which URLs may receive webhooks: HTTPS anywhere, or plain HTTP to this machine when
 * ALLOW_LOCAL_WEBHOOKS=1 (development). Returns the normalized URL, or why it is refused.
 */
export function checkEndpointUrl(
  raw: string,
  allowLocal: boolean
): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, message: 'url: not a valid URL' }
  }
  if (url.username || url.password)
    return { ok: false, message: 'url: must not contain a password' }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1'
  if (url.protocol === 'https:') return { ok: true, url: url.href }
  if (url.protocol === 'http:' && local && allowLocal) return { ok: true, url: url.href }
  return {
    ok: false,
    message: allowLocal
      ? 'url: must start with https:// (or http://localhost)'
      : 'url: must start with https://',
  }
}
