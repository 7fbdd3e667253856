/**
 * Demo content: a program modelled on the Shiojiri MEGURU project, with five partly written spec sheets.
 *
 * The content is data (demoProgram.json, written like a translation file); this module gives it its
 * shape and checks it against that shape when loaded. Whoever seeds a demo turns the blocks into the
 * sheets' rich text.
 */
import { z } from 'zod'
import { ProgramTargets, SECTION_STATUSES } from '@specboard/shared'
import content from './demoProgram.json' with { type: 'json' }

/** One block of rich text in a demo section. */
const DemoBlock = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('paragraph'),
    text: z.string(),
    bold: z.array(z.string()).readonly().optional(),
  }),
  z.object({ type: z.literal('bulletList'), items: z.array(z.string()).readonly() }),
])
export type DemoBlock = z.infer<typeof DemoBlock>

/** A written section of a demo sheet: its rich text and its workflow status. */
const DemoSection = z.object({
  blocks: z.array(DemoBlock).readonly(),
  status: z.enum(SECTION_STATUSES),
})

/** One theme's team and its sheet; sections absent from `sections` are left empty. */
const DemoTeam = z.object({
  /** The theme, in Japanese. */
  name: z.string(),
  /** The theme owner's organisation. */
  organization: z.string(),
  /** Fictional members: one owner, one caretaker, one or two outside professionals. */
  members: z.array(z.object({ name: z.string(), role: z.enum(['owner', 'caretaker', 'talent']) })),
  /** Keyed by template section key. */
  sections: z.record(z.string(), DemoSection),
})

/** A demo program: its name, region, yearly targets and teams. */
const DemoProgram = z.object({
  name: z.string(),
  region: z.string(),
  targets: ProgramTargets,
  teams: z.array(DemoTeam).readonly(),
})
export type DemoProgram = z.infer<typeof DemoProgram>

/** The demo program: five themes, each sheet partly written so a newcomer has sections to fill. */
export const DEMO_PROGRAM: DemoProgram = DemoProgram.parse(content)
