/**
 * Reads and writes threads in a `feedback:` document. Every write replaces one thread's JSON value in
 * one transaction, after all checks have passed, so a refused request changes nothing.
 */
import type * as Y from 'yjs'
import { FEEDBACK_THREADS_MAP, Thread } from '@specboard/shared'

function threadsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FEEDBACK_THREADS_MAP)
}

/** Every thread of the document; values that do not parse (there should be none) are skipped. */
export function listThreads(doc: Y.Doc): Thread[] {
  const threads: Thread[] = []
  threadsOf(doc).forEach((value) => {
    const parsed = Thread.safeParse(value)
    if (parsed.success) threads.push(parsed.data)
  })
  return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

export function getThread(doc: Y.Doc, id: string): Thread | undefined {
  const parsed = Thread.safeParse(threadsOf(doc).get(id))
  return parsed.success ? parsed.data : undefined
}

export function putThread(doc: Y.Doc, thread: Thread): void {
  threadsOf(doc).set(thread.id, thread)
}

export function removeThread(doc: Y.Doc, id: string): void {
  threadsOf(doc).delete(id)
}
