/**
 * Who is connected to which document, over every instance: each instance reports the people behind its
 * own sockets, and reads back the union (the program page's "here now"). With one instance, its own.
 */
import type { ActivePerson } from '@specboard/shared'

export interface ActivePeopleDirectory {
  /**
   * Replaces this instance's people on `document` (empty: nobody here any more). Never throws; what could
   * not reach a shared store is sent again later.
   */
  report(document: string, people: readonly ActivePerson[]): void
  /**
   * The people on each document over every live instance, once each; every document asked for is a key.
   * Never rejects: without its shared store an implementation answers with this instance's people.
   */
  list(documents: readonly string[]): Promise<Map<string, ActivePerson[]>>
  close(): Promise<void>
}

/** The directory of a single instance: what it reported is everything. */
export class LocalActivePeople implements ActivePeopleDirectory {
  private readonly here = new Map<string, readonly ActivePerson[]>()

  report(document: string, people: readonly ActivePerson[]): void {
    if (people.length === 0) this.here.delete(document)
    else this.here.set(document, people)
  }

  async list(documents: readonly string[]): Promise<Map<string, ActivePerson[]>> {
    return new Map(documents.map((d) => [d, [...(this.here.get(d) ?? [])]]))
  }

  async close(): Promise<void> {}
}
