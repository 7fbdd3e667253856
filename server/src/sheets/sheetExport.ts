/** A team's sheet as it is now, for download: sections with their titles, status, assignee and text. */
import type { SheetExport } from '@specboard/shared'
import type { LiveDocuments } from '../ports/LiveDocuments.ts'
import type { ProgramRecord, RecordStore, TeamRecord } from '../storage/Storage.ts'
import { sheetOf, withSpecDoc } from './readSheet.ts'

export async function sheetExport(
  deps: { readonly records: RecordStore; readonly live: LiveDocuments },
  team: TeamRecord,
  program: ProgramRecord,
  lang: 'ja' | 'en'
): Promise<SheetExport> {
  const names = new Map((await deps.records.teamMembers(team.id)).map((m) => [m.id, m.personName]))
  const sheet = await withSpecDoc(deps.live, team.id, (doc) => sheetOf(doc, program.template))
  return {
    team: { id: team.id, name: team.name, organization: team.organization },
    program: { id: program.id, name: program.name, region: program.region },
    exportedAt: new Date().toISOString(),
    completeness: sheet.completeness,
    sections: sheet.sections.map((s, i) => ({
      key: s.key,
      title: program.template.sections[i]?.title[lang] ?? s.key,
      status: s.status,
      assignee: (s.assigneeId && names.get(s.assigneeId)) || null,
      markdown: s.markdown,
      text: s.text,
    })),
  }
}
