import * as Y from 'yjs'
import { EMPTY_SECTION_META, DEFAULT_TEMPLATE, TEAM_ROLES, documentName } from '@specboard/shared'
import type { Storage } from '../storage/Storage.ts'
import { hashSecret, newSecret } from '../ids.ts'
import { DEMO_PROGRAM } from './demoProgram.ts'
import { writeSection } from './sheetContent.ts'

const INVITE_DAYS = 30

/**
 * On a store with no programs, creates the demo program: five teams with their members and partly
 * written sheets, plus one invite link per team and role so a newcomer can join in several browsers.
 * Returns the lines to print; nothing when programs already exist.
 */
export function seedDemoProgram(storage: Storage, origin: string): string[] {
  const { records, documents } = storage
  if (records.listPrograms().length > 0) return []
  const lines = ['', `Demo program: ${DEMO_PROGRAM.name}`]
  records.transaction(() => {
    const program = records.createProgram({
      name: DEMO_PROGRAM.name,
      region: DEMO_PROGRAM.region,
      targets: DEMO_PROGRAM.targets,
      template: DEFAULT_TEMPLATE,
      createdBy: null,
    })
    lines.push(`  ${origin}/programs/${program.id}`)
    for (const demo of DEMO_PROGRAM.teams) {
      const team = records.createTeam({
        programId: program.id,
        name: demo.name,
        organization: demo.organization,
      })
      const members = demo.members.map((m) => {
        const person = records.createPerson(m.name, false)
        return records.addMembership({
          personId: person.id,
          programId: program.id,
          teamId: team.id,
          role: m.role,
        })
      })
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
      documents.appendUpdate(documentName('spec', team.id), Y.encodeStateAsUpdate(doc))
      doc.destroy()
      lines.push('', `  ${demo.name}（${demo.organization}）`)
      for (const role of TEAM_ROLES) {
        const token = newSecret()
        records.createInvite({
          tokenHash: hashSecret(token),
          teamId: team.id,
          role,
          createdBy: null,
          expiresAt: new Date(Date.now() + INVITE_DAYS * 24 * 3600 * 1000).toISOString(),
        })
        lines.push(`    ${role.padEnd(9)} ${origin}/invite/${token}`)
      }
    }
  })
  lines.push('', `These invite links are valid for ${INVITE_DAYS} days and are printed only now.`)
  return lines
}
