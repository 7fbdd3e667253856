/**
 * The app's own origin: where links point, and the only origin whose pages may send the browser's
 * cookie along with a state-changing request or a WebSocket upgrade. It is PUBLIC_URL when set, else
 * the origin the server listens on (localhost and its loopback spellings, on the listening port) —
 * never the request's Host header, which any client can set.
 */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

export class AppOrigin {
  private port: number | null = null

  constructor(private readonly publicUrl: string | undefined) {}

  /** Called once the server listens, with the port it got. */
  listeningOn(port: number): void {
    this.port = port
  }

  /** The origin links are built from. */
  get url(): string {
    if (this.publicUrl) return this.publicUrl
    return this.port === null ? 'http://localhost' : `http://localhost:${this.port}`
  }

  /** Whether `origin` (an Origin header, or a Referer) names this app. */
  allows(origin: string): boolean {
    let url: URL
    try {
      url = new URL(origin)
    } catch {
      return false // includes "null", sent by sandboxed frames and file pages
    }
    if (this.publicUrl) return url.origin === new URL(this.publicUrl).origin
    if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.includes(url.hostname)) return false
    // Before listening (requests made in-process by tests) any loopback port is ours.
    return this.port === null || url.port === String(this.port)
  }
}
