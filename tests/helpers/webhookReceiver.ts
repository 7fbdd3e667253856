/** A real local HTTP endpoint for webhooks: keeps every request's raw body and headers; answers as told. */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedHook {
  readonly headers: IncomingHttpHeaders
  readonly rawBody: string
}

export interface WebhookReceiver {
  readonly url: string
  readonly received: ReceivedHook[]
  /** Status codes to answer with, in order; 200 once they are used up. */
  answerWith(...statuses: number[]): void
  close(): Promise<void>
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = []
  const answers: number[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') })
      res.writeHead(answers.shift() ?? 200).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answerWith: (...statuses) => answers.push(...statuses),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
