/**
 * Pitch bench: `npx tsx bench/pitch.ts`. Not a test — it prints figures.
 *
 * The real server process (tests/helpers/startServer.ts) on a temp SQLite file; one presenter (a
 * WebsocketProvider signed in as a team member) changes slides in `stage:<team>`; BENCH_VIEWERS audience
 * connections (light y-websocket clients holding a session share link, presence on) follow. Measured:
 * presenter's slide change → arrival at each viewer, and → the last of all viewers (what "every viewer
 * sees the slide" waits for). Measured twice: (1) viewers that apply every update to a Y.Doc, as a browser
 * does — all 250 decode in this one process, one after another, so the last one also waits for 249
 * decodes that in reality run on 250 machines; (2) viewers that only note when the frame arrives, which
 * is the server's delivery time to each socket.
 *
 * Options (env): BENCH_VIEWERS (default 250), BENCH_SLIDES (default 150), BENCH_INTERVAL_MS (default 200).
 */
import { STAGE_KEYS, STAGE_MAP, ShareLink, PitchSession } from '@specboard/shared'
import { apiRequest } from '../tests/helpers/api.ts'
import { startServer } from '../tests/helpers/startServer.ts'
import { createTeamFixture } from '../tests/helpers/team.ts'
import WebSocket from 'ws'
import {
  LightClient,
  collabUrl,
  sleep,
  syncedProvider,
  waitFor,
} from '../tests/helpers/wsClient.ts'
import { MESSAGE_TYPE } from '@specboard/shared'

process.setMaxListeners(0)

const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 250)
const SLIDES = Number(process.env.BENCH_SLIDES ?? 150)
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 200)

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10)

async function main() {
  const server = await startServer({ env: { UNLOAD_DELAY_MS: '30000' } })
  try {
    const team = await createTeamFixture(server, 'Bench pitch')
    const session = PitchSession.parse(
      (
        await apiRequest(server, 'POST', `/api/programs/${team.programId}/pitch-sessions`, {
          body: {
            kind: 'final',
            title: 'Bench',
            startsAt: '2026-12-05T14:00:00+09:00',
            minutesPerTeam: 7,
            teamIds: [team.teamId],
          },
        })
      ).body
    )
    await apiRequest(server, 'POST', `/api/pitch-sessions/${session.id}/advance`, {
      body: { teamId: team.teamId },
    })
    const link = ShareLink.parse(
      (
        await apiRequest(server, 'POST', `/api/pitch-sessions/${session.id}/share-links`, {
          body: {},
        })
      ).body
    )

    const viewers: LightClient[] = []
    for (let i = 0; i < VIEWERS; i += 25) {
      const batch = Array.from(
        { length: Math.min(25, VIEWERS - i) },
        () => new LightClient(server, team.documents.stage, link.token!)
      )
      await Promise.all(batch.map((v) => v.ready()))
      batch.forEach((v, k) =>
        v.setPresence({ user: { name: `Viewer ${i + k}`, color: '#30638e' } })
      )
      viewers.push(...batch)
    }
    const presenter = await syncedProvider(server, team.documents.stage, team.tokens.owner)
    await waitFor(() => presenter.doc.getMap(STAGE_MAP).get(STAGE_KEYS.viewers) === VIEWERS, {
      timeoutMs: 10_000,
      what: 'the viewer count',
    }).catch(() => console.log('viewers', presenter.doc.getMap(STAGE_MAP).get(STAGE_KEYS.viewers)))

    const sentAt = new Map<number, number>()
    const arrivals = new Map<number, number>()
    const perViewer: number[] = []
    const toAll: number[] = []
    for (const viewer of viewers) {
      const stage = viewer.doc.getMap(STAGE_MAP)
      stage.observe((event) => {
        if (!event.keysChanged.has(STAGE_KEYS.slide)) return
        const slide = stage.get(STAGE_KEYS.slide) as number
        const at = sentAt.get(slide)
        if (at === undefined) return
        const now = performance.now()
        perViewer.push(now - at)
        const count = (arrivals.get(slide) ?? 0) + 1
        arrivals.set(slide, count)
        if (count === VIEWERS) toAll.push(now - at)
      })
    }
    for (let slide = 1; slide <= SLIDES; slide++) {
      sentAt.set(slide, performance.now())
      presenter.doc.getMap(STAGE_MAP).set(STAGE_KEYS.slide, slide)
      await sleep(INTERVAL_MS)
    }
    await waitFor(() => toAll.length === SLIDES, {
      timeoutMs: 10_000,
      what: 'every slide at every viewer',
    }).catch(() => {})

    for (const viewer of viewers) viewer.close()
    const arrival = await measureArrival(server, team.documents.stage, link.token!, (slide) =>
      presenter.doc.getMap(STAGE_MAP).set(STAGE_KEYS.slide, slide)
    )

    console.log(
      `\nPitch: 1 presenter, ${VIEWERS} audience connections (presence on), ${SLIDES} slide changes every ${INTERVAL_MS} ms`
    )
    console.log(`                                   p50        p99        max`)
    console.log(
      `  applied, to each viewer    ${fmt(quantile(perViewer, 0.5))} ${fmt(quantile(perViewer, 0.99))} ${fmt(Math.max(...perViewer))}`
    )
    console.log(
      `  applied, to every viewer   ${fmt(quantile(toAll, 0.5))} ${fmt(quantile(toAll, 0.99))} ${fmt(Math.max(...toAll))}`
    )
    console.log(
      `  arrived, at each viewer    ${fmt(quantile(arrival.perViewer, 0.5))} ${fmt(quantile(arrival.perViewer, 0.99))} ${fmt(Math.max(...arrival.perViewer))}`
    )
    console.log(
      `  arrived, at every viewer   ${fmt(quantile(arrival.toAll, 0.5))} ${fmt(quantile(arrival.toAll, 0.99))} ${fmt(Math.max(...arrival.toAll))}`
    )
    console.log(
      `  complete: ${toAll.length}/${SLIDES} (applied), ${arrival.toAll.length}/${SLIDES} (arrived) slide changes reached all ${VIEWERS} viewers\n`
    )
    presenter.destroy()
  } catch (error) {
    console.error(server.logs().slice(-3000))
    throw error
  } finally {
    await server.stop()
  }
}

/**
 * Phase (2): bare audience sockets that timestamp each incoming document update and do nothing else, so
 * no viewer's clock waits for another viewer's work. The k-th update a socket receives is slide k: nothing
 * else changes the stage while slides move.
 */
async function measureArrival(
  server: { wsUrl: string },
  document: string,
  token: string,
  setSlide: (slide: number) => void
) {
  const sockets: WebSocket[] = []
  const arrivals: number[][] = []
  for (let i = 0; i < VIEWERS; i++) {
    const ws = new WebSocket(collabUrl(server, document, token), { perMessageDeflate: false })
    const times: number[] = []
    ws.on('message', (data: Buffer) => {
      // A sync (0) update (2) frame: a change to the document.
      if (data[0] === MESSAGE_TYPE.sync && data[1] === 2) times.push(performance.now())
    })
    ws.on('error', () => {})
    await new Promise((resolve) => ws.once('open', resolve))
    sockets.push(ws)
    arrivals.push(times)
  }
  await sleep(1500) // the viewer count settles before slides move
  for (const times of arrivals) times.length = 0
  const sentAt: number[] = []
  for (let slide = 1; slide <= SLIDES; slide++) {
    sentAt.push(performance.now())
    setSlide(SLIDES + slide)
    await sleep(INTERVAL_MS)
  }
  await sleep(500)
  for (const ws of sockets) ws.close()
  const perViewer: number[] = []
  const toAll: number[] = []
  sentAt.forEach((at, k) => {
    const got = arrivals.map((times) => times[k]).filter((t) => t !== undefined)
    for (const t of got) perViewer.push(t - at)
    if (got.length === VIEWERS) toAll.push(Math.max(...got) - at)
  })
  return { perViewer, toAll }
}

await main()
