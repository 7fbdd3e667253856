import { describe, expect, it } from 'vitest'
import type { SheetTemplate } from '@specboard/shared'
import type { Relay } from '../ports/Relay.ts'
import type { ProgramRecord } from '../storage/Storage.ts'
import { ProgramTemplates } from './ProgramTemplates.ts'

const template = (...keys: string[]) =>
  ({ sections: keys.map((key) => ({ key, label: key, hint: '' })) }) as unknown as SheetTemplate

/** A relay whose program changes and resyncs a test delivers by hand, recording what was published. */
class ProgramRelay implements Relay {
  readonly published: string[] = []
  private changeHandler: ((programId: string) => void) | null = null
  private resyncHandler: (() => void) | null = null
  async publishProgramChange(programId: string): Promise<void> {
    this.published.push(programId)
  }
  onProgramChange(handler: (programId: string) => void): void {
    this.changeHandler = handler
  }
  onResync(handler: () => void): void {
    this.resyncHandler = handler
  }
  async publish(): Promise<void> {}
  async subscribe() {
    return async () => {}
  }
  async publishClose(): Promise<void> {}
  onClose(): void {}
  async close(): Promise<void> {}
  deliverChange(programId: string): void {
    this.changeHandler?.(programId)
  }
  resync(): void {
    this.resyncHandler?.()
  }
}

/** A program store that counts reads and can hold them back. */
function programStore(initial: SheetTemplate) {
  const store = {
    template: initial,
    reads: 0,
    gate: Promise.resolve(),
    async getProgram(id: string): Promise<ProgramRecord | undefined> {
      store.reads++
      const read = store.template
      await store.gate
      return { id, template: read } as unknown as ProgramRecord
    },
  }
  return store
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('ProgramTemplates', () => {
  it('reads a program once, however many rooms load it', async () => {
    const store = programStore(template('what'))
    const templates = new ProgramTemplates(store, new ProgramRelay())
    await Promise.all([templates.load('p'), templates.load('p'), templates.load('p')])
    await templates.load('p')
    expect(store.reads).toBe(1)
    expect(templates.current('p')?.sections.map((s) => s.key)).toEqual(['what'])
  })

  it('uses a change made here at once and tells the other instances', async () => {
    const store = programStore(template('what'))
    const relay = new ProgramRelay()
    const templates = new ProgramTemplates(store, relay)
    await templates.load('p')
    templates.changed('p', template('what', 'why'))
    expect(templates.current('p')?.sections.map((s) => s.key)).toEqual(['what', 'why'])
    expect(relay.published).toEqual(['p'])
    expect(store.reads).toBe(1)
  })

  it('reads again when another instance changed the program, or after a resync', async () => {
    const store = programStore(template('what'))
    const relay = new ProgramRelay()
    const templates = new ProgramTemplates(store, relay)
    await templates.load('p')
    store.template = template('what', 'why')
    relay.deliverChange('p')
    await settle()
    expect(templates.current('p')?.sections.map((s) => s.key)).toEqual(['what', 'why'])
    store.template = template('what', 'why', 'how')
    relay.resync()
    await settle()
    expect(templates.current('p')?.sections).toHaveLength(3)
  })

  it('never lets an older read overwrite a newer change', async () => {
    const store = programStore(template('what'))
    const relay = new ProgramRelay()
    const templates = new ProgramTemplates(store, relay)
    await templates.load('p')
    let release!: () => void
    store.gate = new Promise((resolve) => {
      release = resolve
    })
    relay.deliverChange('p') // reads 'what' and is held
    templates.changed('p', template('what', 'new'))
    release()
    await settle()
    expect(templates.current('p')?.sections.map((s) => s.key)).toEqual(['what', 'new'])
  })
})
