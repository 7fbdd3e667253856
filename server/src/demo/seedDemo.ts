import * as Y from 'yjs'
import { EMPTY_SECTION_META, DEFAULT_TEMPLATE, TEAM_ROLES, documentName } from '@specboard/shared'
import type { Stores, TxStores } from '../ports/Storage.ts'
import { hashSecret, newSecret } from '../ids.ts'
import { DEMO_PROGRAM } from './demoProgram.ts'
import { writeSection } from './sheetContent.ts'
import { seedDemoPostings } from './seedPostings.ts'

const INVITE_DAYS = 30
/** Demo links are for trying things out in several browsers, so each admits a few people. */
const DEMO_INVITE_USES = 20

/** The demo people's addresses (a reserved domain): sign in as one of them by email from the outbox. */
export const demoEmail = (teamIndex: number, role: string, nth = 0) =>
  `${role}${teamIndex + 1}${nth > 0 ? `-${nth + 1}` : ''}@demo.example.jp`

/**
 * On a store with no programs, creates the demo program: five teams with their members and partly
 * written sheets, one invite link per team and role so a newcomer can join in several browsers, and the
 * published postings with their pipelines. Returns the lines to print; nothing when programs exist.
 *
 * All or nothing: the records, the sheets (appended through the log bound to the same transaction) and the
 * postings (published from those uncommitted sheets) commit in one unit of work. A start that crashes or
 * fails midway leaves no program behind, so the next start, which seeds only when there are no programs,
 * seeds the whole demo again. Chosen over a completion marker or repairing a half demo: nothing partial
 * can ever be seen, and there is no second code path that finishes an incomplete seed.
 */
export async function seedDemo(
  storage: Stores,
  origin: string,
  options: { readonly failBeforeCommit?: boolean } = {}
): Promise<string[]> {
  return storage.tx(async (stores) => {
    if ((await stores.records.listPrograms()).length > 0) return []
    const lines = await seedDemoProgram(stores, origin)
    lines.push(...(await seedDemoPostings(stores, origin)))
    if (options.failBeforeCommit)
      throw new Error('demo seeding failed on purpose (SEED_DEMO_FAIL=1)')
    return lines
  })
}

/** The demo program's records and sheets, inside the caller's unit of work (see `seedDemo`). */
async function seedDemoProgram(stores: TxStores, origin: string): Promise<string[]> {
  const lines = ['', `Demo program: ${DEMO_PROGRAM.name}`]
  const { records, accounts, documents } = stores
  const program = await records.createProgram({
    name: DEMO_PROGRAM.name,
    region: DEMO_PROGRAM.region,
    targets: DEMO_PROGRAM.targets,
    template: DEFAULT_TEMPLATE,
    createdBy: null,
  })
  lines.push(`  ${origin}/programs/${program.id}`)
  for (const [teamIndex, demo] of DEMO_PROGRAM.teams.entries()) {
    const team = await records.createTeam({
      programId: program.id,
      name: demo.name,
      organization: demo.organization,
    })
    const members = []
    for (const [i, m] of demo.members.entries()) {
      const person = await records.createPerson(m.name, false)
      const nth = demo.members.slice(0, i).filter((other) => other.role === m.role).length
      await accounts.setEmail(person.id, demoEmail(teamIndex, m.role, nth))
      members.push(
        await records.addMembership({
          personId: person.id,
          programId: program.id,
          teamId: team.id,
          role: m.role,
        })
      )
    }
    const caretaker = members.find((m) => m.role === 'caretaker')
    const doc = new Y.Doc()
    for (const [key, section] of Object.entries(demo.sections)) {
      if (!section) continue
      const assigneeId = section.status === 'draft' ? null : (caretaker?.id ?? null)
      writeSection(doc, key, section.blocks, {
        ...EMPTY_SECTION_META,
        status: section.status,
        assigneeId,
      })
    }
    await documents.append(documentName('spec', team.id), Y.encodeStateAsUpdate(doc))
    doc.destroy()
    lines.push('', `  ${demo.name}（${demo.organization}）`)
    for (const role of TEAM_ROLES) {
      const token = newSecret()
      await records.createInvite({
        tokenHash: hashSecret(token),
        teamId: team.id,
        role,
        createdBy: null,
        expiresAt: new Date(Date.now() + INVITE_DAYS * 24 * 3600 * 1000).toISOString(),
        maxUses: DEMO_INVITE_USES,
      })
      lines.push(`    ${role.padEnd(9)} ${origin}/invite/${token}`)
    }
  }
  lines.push(
    '',
    `These invite links admit ${DEMO_INVITE_USES} people each for ${INVITE_DAYS} days and are printed only now.`,
    `The demo members sign in by email at ${origin}/signin with addresses like ${demoEmail(0, 'caretaker')};`,
    'their sign-in links are printed here and written to the outbox (no SMTP_URL set).'
  )
  return lines
}
