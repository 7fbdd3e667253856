import { describe, expect, it } from 'vitest'
import type { Thread } from '@specboard/shared'
import { FeedbackStore } from './FeedbackStore.ts'

const reviewer = { personId: 'rev', name: '審査 太郎', role: 'reviewer' as const }
const anchor = { start: 'AAAA', end: 'BBBB' }

function thread(id: string, patch: Partial<Thread> = {}): Thread {
  return {
    id,
    sectionKey: 'what',
    anchor,
    quote: '全国',
    roundId: 'r1',
    roundNumber: 1,
    author: reviewer,
    body: 'x',
    createdAt: `2026-11-25T05:0${id.length}:00.000Z`,
    status: 'open',
    statusChangedAt: null,
    statusChangedBy: null,
    replies: [],
    ...patch,
  }
}

describe('FeedbackStore', () => {
  it('highlights open threads with a range in their section, and the comment being written', () => {
    const store = new FeedbackStore('team', 'me')
    store.setThreads([
      thread('a'),
      thread('bb', { status: 'resolved' }),
      thread('ccc', { anchor: null }),
      thread('dddd', { sectionKey: 'why' }),
    ])
    expect(store.highlights('what').map((h) => h.id)).toEqual(['a'])
    store.startDraft({ sectionKey: 'what', range: anchor, quote: '全国' })
    expect(store.highlights('what').map((h) => h.kind)).toEqual(['thread', 'pending'])
    expect(store.highlights('why').map((h) => h.id)).toEqual(['dddd'])
  })

  it('tells the editors when highlights change, not when the selection moves', () => {
    const store = new FeedbackStore('team', 'me')
    let calls = 0
    store.subscribe(() => calls++)
    store.onSelectionChange('what', {
      field: 'what',
      range: anchor,
      quote: '全国',
      anchorPoint: { top: 0, left: 0 },
    })
    expect(calls).toBe(0)
    store.setThreads([thread('a')])
    expect(calls).toBe(1)
  })

  it('counts others’ entries as unread until the panel opens', () => {
    const store = new FeedbackStore('team', 'me')
    store.setThreads([thread('a'), thread('bb', { author: { ...reviewer, personId: 'me' } })])
    expect(store.getState().unread).toBe(1)
    store.openPanel()
    expect(store.getState().unread).toBe(0)
    store.closePanel()
    expect(store.getState().unread).toBe(0)
    store.setThreads([thread('a'), thread('ccc')])
    expect(store.getState().unread).toBe(1)
  })

  it('opens the panel on an activated thread, showing all threads if the filter hides it', () => {
    const store = new FeedbackStore('team', 'me')
    store.setThreads([thread('a', { status: 'resolved' })])
    store.activate('a')
    expect(store.getState()).toMatchObject({
      isPanelOpen: true,
      activeThreadId: 'a',
      filter: 'all',
    })
  })

  it('focuses a thread just written once it arrives', () => {
    const store = new FeedbackStore('team', 'me')
    store.activateWhenArrives('a')
    expect(store.getState().isPanelOpen).toBe(false)
    store.setThreads([thread('a')])
    expect(store.getState()).toMatchObject({ isPanelOpen: true, activeThreadId: 'a' })
  })
})
