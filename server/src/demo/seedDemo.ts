import * as Y from 'yjs'
import { EMPTY_SECTION_META, DEFAULT_TEMPLATE, TEAM_ROLES, documentName } from '@specboard/shared'
import type { Storage } from '../ports/Storage.ts'
import { hashSecret, newSecret } from '../ids.ts'
import { DEMO_PROGRAM } from './demoProgram.ts'
import { writeSection } from './sheetContent.ts'

const INVITE_DAYS = 30
/** Demo links are for trying things out in several browsers, so each admits a few people. */
const DEMO_INVITE_USES = 20

/** The demo people's addresses (a reserved domain): sign in as one of them by email from the outbox. */
export const demoEmail = (teamIndex: number, role: string, nth = 0) =>
  `${role}${teamIndex + 1}${nth > 0 ? `-${nth + 1}` : ''}@demo.example.jp`

/**
 * On a store with no programs, creates the demo program: five teams with their members and partly
 * written sheets, plus one invite link per team and role so a newcomer can join in several browsers.
 * Returns the lines to print; nothing when programs already exist.
 */
export async function seedDemoProgram(storage: Storage, origin: string): Promise<string[]> {
  if ((await storage.records.listPrograms()).length > 0) return []
  const lines = ['', `Demo program: ${DEMO_PROGRAM.name}`]
  // The sheets are appended once the records are committed: the log is not part of the unit of work.
  const sheets: { document: string; update: Uint8Array }[] = []
  await storage.tx(async ({ records, accounts }) => {
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
      sheets.push({ document: documentName('spec', team.id), update: Y.encodeStateAsUpdate(doc) })
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
  })
  for (const { document, update } of sheets) await storage.log.append(document, update)
  lines.push(
    '',
    `These invite links admit ${DEMO_INVITE_USES} people each for ${INVITE_DAYS} days and are printed only now.`,
    `The demo members sign in by email at ${origin}/signin with addresses like ${demoEmail(0, 'caretaker')};`,
    'their sign-in links are printed here and written to the outbox (no SMTP_URL set).'
  )
  return lines
}
