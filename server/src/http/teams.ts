import { Hono } from 'hono'
import { documentName, teamDocuments } from '@specboard/shared'
import type { RepairSheetResponse, SheetExport, Team } from '@specboard/shared'
import { sheetExport } from '../sheets/sheetExport.ts'
import { sheetToMarkdown } from '../sheets/sheetMarkdown.ts'
import { repairSheet } from '../sheets/repairSheet.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { teamFor } from './middleware/access.ts'
import type { Context } from 'hono'

async function exportOf(c: Context<AppEnv>, lang: 'ja' | 'en'): Promise<SheetExport> {
  const { team, program } = await teamFor(c, c.req.param('teamId')!, 'sheet:export')
  return await sheetExport(c.var.deps, team, program, lang)
}

const langOf = (c: Context): 'ja' | 'en' => (c.req.query('lang') === 'en' ? 'en' : 'ja')

/** A file name that survives every browser: ASCII fallback plus the UTF-8 name. */
function attachment(name: string, ext: string): string {
  return `attachment; filename="sheet.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}.${ext}`
}

export const teamRoutes = new Hono<AppEnv>()
  .get('/:teamId', async (c) => {
    const { team, program, role } = await teamFor(c, c.req.param('teamId'), 'team:read')
    const body: Team = {
      id: team.id,
      name: team.name,
      organization: team.organization,
      programId: program.id,
      programName: program.name,
      region: program.region,
      template: program.template,
      documents: teamDocuments(team.id),
      myRole: role,
      members: (await c.var.deps.records.teamMembers(team.id)).map((m) => ({
        memberId: m.id,
        personId: m.personId,
        name: m.personName,
        role: m.role,
      })),
    }
    return c.json(body)
  })
  // A coordinator removes what the editor cannot show from a sheet written before updates were checked.
  .post('/:teamId/sheet/repair', async (c) => {
    const { team, program } = await teamFor(c, c.req.param('teamId'), 'sheet:repair')
    const keys = program.template.sections.map((s) => s.key)
    const removed = await c.var.deps.live.change(documentName('spec', team.id), (doc) =>
      repairSheet(doc, keys)
    )
    const body: RepairSheetResponse = { removed }
    return c.json(body)
  })
  .get('/:teamId/sheet.json', async (c) => {
    const sheet = await exportOf(c, langOf(c))
    c.header('content-disposition', attachment(sheet.team.name, 'json'))
    return c.json(sheet)
  })
  .get('/:teamId/sheet.md', async (c) => {
    const lang = langOf(c)
    const sheet = await exportOf(c, lang)
    c.header('content-type', 'text/markdown; charset=utf-8')
    c.header('content-disposition', attachment(sheet.team.name, 'md'))
    return c.body(sheetToMarkdown(sheet, lang))
  })
