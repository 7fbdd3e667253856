/**
 * Each program's sheet template, read once and kept: the update checks ask for it on every update. A
 * program's settings change through one route, which hands the new template here and has the relay tell
 * every other instance to read it again; after the relay may have lost messages, every kept template is
 * read again. A handful of small objects per program, so nothing is ever dropped.
 */
import type { SheetTemplate } from '@specboard/shared'
import type { Relay } from '../ports/Relay.ts'
import type { RecordStore } from '../storage/Storage.ts'

export class ProgramTemplates {
  private readonly entries = new Map<string, SheetTemplate | undefined>()
  private readonly loading = new Map<string, Promise<void>>()
  /** The last change or read begun per program: an older read never overwrites a newer template. */
  private readonly latest = new Map<string, number>()
  private turns = 0

  constructor(
    private readonly programs: Pick<RecordStore, 'getProgram'>,
    private readonly relay: Relay
  ) {
    relay.onProgramChange((programId) => void this.reload(programId).catch(() => {}))
    relay.onResync(() => {
      for (const programId of this.entries.keys()) void this.reload(programId).catch(() => {})
    })
  }

  /** Reads the program's template unless it is kept already. */
  load(programId: string): Promise<void> {
    if (this.entries.has(programId)) return Promise.resolve()
    let loading = this.loading.get(programId)
    if (!loading) {
      loading = this.reload(programId).finally(() => this.loading.delete(programId))
      this.loading.set(programId, loading)
    }
    return loading
  }

  /** The kept template (undefined before `load`, or for a program that does not exist). */
  current(programId: string): SheetTemplate | undefined {
    return this.entries.get(programId)
  }

  /** This instance changed the program's template: use it here at once, and tell the others. */
  changed(programId: string, template: SheetTemplate): void {
    this.latest.set(programId, ++this.turns)
    this.entries.set(programId, template)
    void this.relay.publishProgramChange(programId)
  }

  private async reload(programId: string): Promise<void> {
    const turn = ++this.turns
    this.latest.set(programId, turn)
    const template = (await this.programs.getProgram(programId))?.template
    if (this.latest.get(programId) === turn) this.entries.set(programId, template)
  }
}
