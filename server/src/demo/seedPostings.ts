/**
 * Publishes the demo program's five sheets as postings and fills their pipelines, so a newcomer sees the
 * public side and a selection in progress at once. The numbers follow the original account — 72
 * applicants, a 15-minute interview each, 10 placed, 22 kept in the talent pool — with a few still in
 * progress. Everything is marked demo (a badge on the pages, noindex, a column in the CSV exports).
 */
import * as Y from 'yjs'
import { INTERVIEW_MINUTES, tokyoDateFromNow, tokyoIso, tokyoParts } from '@specboard/shared'
import type { PostingFacts, PostingFactsInput } from '@specboard/shared'
import { PostingFacts as PostingFactsSchema } from '@specboard/shared'
import type { LiveDocuments } from '../ports/LiveDocuments.ts'
import type { Stores, TxStores } from '../ports/Storage.ts'
import type { ApplicationRecord, PostingStore, SlotRecord } from '../storage/PostingStore.ts'
import type { ProgramRecord } from '../storage/Storage.ts'
import { hashSecret, newSecret } from '../ids.ts'
import { publishPosting } from '../postings/publishPosting.ts'
import { changeStage } from '../selection/selection.ts'
import { cutSlots } from '../selection/slots.ts'
import { DEMO_PROGRAM } from './demoProgram.ts'
import demoFacts from './demoPostings.json' with { type: 'json' }

const DAY_MS = 24 * 3600 * 1000
/** The postings went up this long ago and close this long from now: a two-week window. */
const PUBLISHED_DAYS_AGO = 10
const CLOSES_IN_DAYS = 4

type DemoFacts = Omit<PostingFactsInput, 'periodStart' | 'periodEnd' | 'deadline'>

/**
 * Job facts per demo team, in the order of DEMO_PROGRAM.teams: data (demoPostings.json), checked with
 * the dates against PostingFacts when seeded.
 */
const DEMO_FACTS: readonly DemoFacts[] = demoFacts as readonly DemoFacts[]

type DemoStage = 'placed' | 'pool' | 'declined' | 'interviewed' | 'interview_scheduled' | 'applied'

/** Applicants per posting by stage: 72 in all, 10 placed, 22 to the pool, a few still in progress. */
const PIPELINES: readonly Readonly<Record<DemoStage, number>>[] = [
  { placed: 2, pool: 6, declined: 6, interviewed: 1, interview_scheduled: 2, applied: 1 },
  { placed: 2, pool: 3, declined: 5, interviewed: 1, interview_scheduled: 0, applied: 1 },
  { placed: 2, pool: 5, declined: 6, interviewed: 1, interview_scheduled: 1, applied: 1 },
  { placed: 2, pool: 3, declined: 4, interviewed: 0, interview_scheduled: 1, applied: 1 },
  { placed: 2, pool: 5, declined: 5, interviewed: 1, interview_scheduled: 1, applied: 1 },
]

const FAMILY = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中島',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '松本',
  '井上',
  '木村',
  '清水',
  '山崎',
  '森田',
  '池田',
  '橋本',
]
const GIVEN = [
  '美咲',
  '健太',
  '陽菜',
  '大輔',
  '彩花',
  '翔太',
  '真由',
  '拓海',
  '理沙',
  '悠斗',
  '奈々',
  '亮介',
  '千尋',
  '航',
  '麻衣',
  '直樹',
  '香織',
  '俊介',
]
const MOTIVATIONS = [
  '仕様書を読んでいてワクワクしました。「これまで足りなかったこと」が正直に書かれていて、自分の経験が役立つ場面が具体的に想像できました。',
  '本業では{skill}を担当しています。週末の時間を使って、地域の課題に腰を据えて関わってみたいと思い応募しました。',
  '以前から地方の取り組みに関心があり、リモートで継続的に関われる形を探していました。{skill}の経験を活かせると考えています。',
  '目指す未来が具体的で、テーマオーナーの本気度が伝わってきました。まずは15分お話しできれば嬉しいです。',
  '出身地に近い地域の募集だったので、ご縁を感じて応募しました。{skill}で力になれることがあればと思います。',
  '発表会の配信を見て、一緒に取り組みたいと思っていました。募集が出るのを待っていました。',
]
const NOTES: Partial<Record<DemoStage, string>> = {
  placed: '面談: 進め方の具体案あり。チームの雰囲気にも合いそう。',
  pool: '面談: 今回のテーマとは時期が合わず。次のプログラムで声をかけたい。',
  declined: '面談: 求める役割と経験の方向が異なる。',
  interviewed: '面談済み。チームで検討中。',
}

/**
 * Seeds the demo postings into the demo program `seedDemoProgram` just created, in the same unit of work
 * (`stores` are bound to it; see `seedDemo`). Returns lines to print: where the public pages are, and one
 * demo applicant's private status link.
 */
export async function seedDemoPostings(
  stores: TxStores,
  origin: string,
  now = Date.now()
): Promise<string[]> {
  const program = (await stores.records.listPrograms()).find((p) => p.name === DEMO_PROGRAM.name)
  if (!program) return []
  const { postings } = stores
  const live = sheetsOfUnitOfWork(stores)
  const teams = await stores.records.listTeams(program.id)
  const publishedAt = new Date(now - PUBLISHED_DAYS_AGO * DAY_MS).toISOString()
  const dates = demoDates(now)
  let statusToken = ''
  {
    const pastSlots = await createWindows(postings, program, now, -8, -1, 13, 18)
    const futureSlots = await createWindows(postings, program, now, 1, 3, 10, 12)
    let n = 0
    for (const [t, team] of teams.entries()) {
      const facts: PostingFacts = PostingFactsSchema.parse({
        ...DEMO_FACTS[t % DEMO_FACTS.length],
        ...dates,
      })
      const outcome = await publishPosting(
        { live, postings },
        { team, program, facts, publishedBy: null, publishedAt, isDemo: true }
      )
      if (!outcome.ok) continue
      const { posting, version } = outcome.published
      const stages = (
        Object.entries(PIPELINES[t % PIPELINES.length]!) as [DemoStage, number][]
      ).flatMap(([s, count]) => Array<DemoStage>(count).fill(s))
      for (const [i, stage] of stages.entries()) {
        const token = newSecret()
        const skill = facts.skills[(n + i) % facts.skills.length]!
        const createdAt = new Date(
          Date.parse(publishedAt) +
            ((i + 0.5) / stages.length) * (PUBLISHED_DAYS_AGO - 0.5) * DAY_MS
        ).toISOString()
        const application = await postings.applications.create({
          postingId: posting.id,
          postingVersion: version.version,
          programId: program.id,
          teamId: team.id,
          statusTokenHash: hashSecret(token),
          name: `${FAMILY[n % FAMILY.length]!} ${GIVEN[(n * 7) % GIVEN.length]!}`,
          contact: `applicant${String(n + 1).padStart(2, '0')}@example.com`,
          motivation: MOTIVATIONS[n % MOTIVATIONS.length]!.replace('{skill}', skill),
          skills: [skill, facts.skills[(n + i + 1) % facts.skills.length]!].filter(
            (s, k, all) => all.indexOf(s) === k
          ),
          links: n % 3 === 0 ? [`https://example.com/portfolio/${n + 1}`] : [],
          consentPool: stage === 'pool' || (stage === 'placed' ? n % 5 !== 0 : n % 2 === 0),
          isDemo: true,
          createdAt,
        })
        n++
        await progress(
          stores,
          application,
          stage,
          stage === 'interview_scheduled' ? futureSlots : pastSlots,
          now,
          i
        )
        if (stage === 'applied' && !statusToken) statusToken = token
      }
    }
  }
  return [
    '',
    `Public postings (demo): ${origin}/postings`,
    ...(statusToken
      ? [`  a demo applicant's private status page: ${origin}/applications/${statusToken}`]
      : []),
  ]
}

/**
 * Reads sheets from the log of the caller's unit of work: the live rooms read the committed log, which
 * does not hold the sheets yet.
 */
function sheetsOfUnitOfWork(stores: TxStores): Pick<LiveDocuments, 'read'> {
  return {
    async read(document, read) {
      const doc = new Y.Doc()
      try {
        for (const update of (await stores.documents.load(document)).updates)
          Y.applyUpdate(doc, update)
        return read(doc)
      } finally {
        doc.destroy()
      }
    },
  }
}

/** The two-week window (deadline end of day, Japan time) and a three-month period after it. */
function demoDates(now: number): Pick<PostingFactsInput, 'periodStart' | 'periodEnd' | 'deadline'> {
  const deadlineDay = tokyoDateFromNow(CLOSES_IN_DAYS, now)
  const [y, m] = deadlineDay.split('-').map(Number) as [number, number]
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  return {
    deadline: tokyoIso(deadlineDay, '23:59')!,
    periodStart: iso(new Date(Date.UTC(y, m, 1))),
    periodEnd: iso(new Date(Date.UTC(y, m + 3, 0))),
  }
}

/** Program-wide windows from day `from` to day `to` (relative to today, Japan time), hours in Japan time. */
async function createWindows(
  postings: PostingStore,
  program: ProgramRecord,
  now: number,
  from: number,
  to: number,
  startHour: number,
  endHour: number
): Promise<SlotRecord[]> {
  // Midnight today in Japan.
  const today = Date.parse(tokyoIso(tokyoParts(now).date, '00:00')!)
  const slots: SlotRecord[] = []
  for (let day = from; day <= to; day++) {
    const startsAt = new Date(today + day * DAY_MS + startHour * 3600_000).toISOString()
    const endsAt = new Date(today + day * DAY_MS + endHour * 3600_000).toISOString()
    const window = await postings.interviews.createWindow({
      programId: program.id,
      postingId: null,
      startsAt,
      endsAt,
      createdBy: null,
      slots: cutSlots(startsAt, endsAt, INTERVIEW_MINUTES),
    })
    slots.push(...(await postings.interviews.slotsOfWindow(window.id)))
  }
  return slots
}

/** Walks one demo application to `stage`: an interview where there was one, then the decision. */
async function progress(
  stores: Stores,
  application: ApplicationRecord,
  stage: DemoStage,
  slots: readonly SlotRecord[],
  now: number,
  i: number
): Promise<void> {
  const { postings } = stores
  if (stage === 'applied') return
  // Interviews come at least a day after applying; held ones are in the past, scheduled ones ahead.
  const earliest =
    stage === 'interview_scheduled' ? now : Date.parse(application.createdAt) + DAY_MS
  const open: SlotRecord[] = []
  for (const s of slots) if (!(await postings.interviews.bySlot(s.id))) open.push(s)
  const slot = open.find((s) => Date.parse(s.startsAt) >= earliest) ?? open.at(-1)
  if (slot) await postings.interviews.book(application.id, slot.id)
  await postings.applications.update(application.id, {
    stage: stage === 'interview_scheduled' ? 'interview_scheduled' : 'interviewed',
  })
  if (stage === 'interview_scheduled') return
  const rating =
    stage === 'placed'
      ? 5 - (i % 2)
      : stage === 'pool'
        ? 4 - (i % 2)
        : stage === 'declined'
          ? 2 + (i % 2)
          : null
  await postings.applications.update(application.id, { rating, note: NOTES[stage] ?? '' })
  if (stage !== 'interviewed')
    await changeStage(stores, (await postings.applications.get(application.id))!, stage, now)
}
