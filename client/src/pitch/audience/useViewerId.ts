const STORAGE_KEY = 'specboard.viewerId'

let fallback: string | null = null

/**
 * A random id this browser keeps for reacting, so the server can limit reactions per viewer. It names
 * nobody: it is made here and never tied to an account.
 */
export function viewerId(): string {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (stored && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return stored
    const id = randomId()
    localStorage.setItem(STORAGE_KEY, id)
    return id
  } catch {
    // Private mode without storage: one id for this visit.
    fallback ??= randomId()
    return fallback
  }
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}
