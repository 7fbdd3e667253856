import Database from 'better-sqlite3'
import { newId, nowIso } from '../../ids.ts'
import type {
  BookingResult,
  InterviewRecord,
  InterviewStore,
  SlotRecord,
  WindowRecord,
} from '../PostingStore.ts'

type Row = Record<string, unknown>

const toWindow = (r: Row): WindowRecord => ({
  id: r.id as string,
  programId: r.program_id as string,
  postingId: (r.posting_id as string | null) ?? null,
  startsAt: r.starts_at as string,
  endsAt: r.ends_at as string,
})

const toSlot = (r: Row): SlotRecord => ({
  id: r.id as string,
  windowId: r.window_id as string,
  programId: r.program_id as string,
  postingId: (r.posting_id as string | null) ?? null,
  startsAt: r.starts_at as string,
  endsAt: r.ends_at as string,
})

const toInterview = (r: Row): InterviewRecord => ({
  id: r.id as string,
  applicationId: r.application_id as string,
  slotId: (r.slot_id as string | null) ?? null,
  startsAt: r.starts_at as string,
  endsAt: r.ends_at as string,
  status: r.status as InterviewRecord['status'],
  cancelledBy: (r.cancelled_by as InterviewRecord['cancelledBy']) ?? null,
  cancelReason: (r.cancel_reason as string | null) ?? null,
  movedFrom: (r.moved_from as string | null) ?? null,
  sequence: r.sequence as number,
  createdAt: r.created_at as string,
  updatedAt: r.updated_at as string,
})

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/**
 * Interview windows, slots and bookings. Double booking is refused by the partial unique indexes of
 * 003_postings.sql (one scheduled interview per slot and per application), not by a check-then-insert:
 * the database is the single place where two racing requests meet.
 */
export class SqliteInterviews implements InterviewStore {
  constructor(private readonly db: Database.Database) {}

  createWindow(
    w: Omit<WindowRecord, 'id'> & {
      createdBy: string | null
      slots: readonly { startsAt: string; endsAt: string }[]
    }
  ): WindowRecord {
    return this.db.transaction(() => {
      const id = newId()
      this.db
        .prepare(
          'INSERT INTO interview_windows (id, program_id, posting_id, starts_at, ends_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
        )
        .run(id, w.programId, w.postingId, w.startsAt, w.endsAt, w.createdBy, nowIso())
      const insert = this.db.prepare(
        'INSERT OR IGNORE INTO interview_slots (id, window_id, program_id, posting_id, starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?)'
      )
      for (const s of w.slots)
        insert.run(newId(), id, w.programId, w.postingId, s.startsAt, s.endsAt)
      return this.getWindow(id)!
    })()
  }

  getWindow(windowId: string): WindowRecord | undefined {
    const row = this.db.prepare('SELECT * FROM interview_windows WHERE id = ?').get(windowId) as
      | Row
      | undefined
    return row && toWindow(row)
  }

  listWindows(programId: string): WindowRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM interview_windows WHERE program_id = ? ORDER BY starts_at, id')
        .all(programId) as Row[]
    ).map(toWindow)
  }

  deleteWindow(windowId: string): 'deleted' | 'booked' | 'not_found' {
    return this.db.transaction(() => {
      if (!this.getWindow(windowId)) return 'not_found' as const
      const booked = this.db
        .prepare(
          "SELECT 1 FROM interviews i JOIN interview_slots s ON s.id = i.slot_id WHERE s.window_id = ? AND i.status = 'scheduled' LIMIT 1"
        )
        .get(windowId)
      if (booked) return 'booked' as const
      this.db.prepare('DELETE FROM interview_windows WHERE id = ?').run(windowId)
      return 'deleted' as const
    })()
  }

  slotsOfWindow(windowId: string): SlotRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM interview_slots WHERE window_id = ? ORDER BY starts_at')
        .all(windowId) as Row[]
    ).map(toSlot)
  }

  getSlot(slotId: string): SlotRecord | undefined {
    const row = this.db.prepare('SELECT * FROM interview_slots WHERE id = ?').get(slotId) as
      | Row
      | undefined
    return row && toSlot(row)
  }

  freeSlots(programId: string, postingId: string, after: string): SlotRecord[] {
    const rows = this.db
      .prepare(
        `SELECT s.* FROM interview_slots s
         WHERE s.program_id = ? AND (s.posting_id IS NULL OR s.posting_id = ?) AND s.starts_at > ?
           AND NOT EXISTS (SELECT 1 FROM interviews i WHERE i.slot_id = s.id AND i.status = 'scheduled')
         ORDER BY s.starts_at, s.id`
      )
      .all(programId, postingId, after) as Row[]
    return rows.map(toSlot)
  }

  book(applicationId: string, slotId: string): BookingResult {
    const slot = this.getSlot(slotId)
    if (!slot) return { ok: false, reason: 'slot_not_found' }
    const id = newId()
    const at = nowIso()
    try {
      this.db
        .prepare(
          `INSERT INTO interviews (id, application_id, slot_id, starts_at, ends_at, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'scheduled', ?, ?)`
        )
        .run(id, applicationId, slotId, slot.startsAt, slot.endsAt, at, at)
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      return { ok: false, reason: this.bySlot(slotId) ? 'slot_taken' : 'already_booked' }
    }
    return { ok: true, interview: this.get(id)! }
  }

  move(interviewId: string, slotId: string): BookingResult {
    const current = this.get(interviewId)
    if (current?.status !== 'scheduled') return { ok: false, reason: 'not_scheduled' }
    const slot = this.getSlot(slotId)
    if (!slot) return { ok: false, reason: 'slot_not_found' }
    if (slot.id === current.slotId) return { ok: true, interview: current }
    try {
      this.db
        .prepare(
          `UPDATE interviews SET slot_id = ?, starts_at = ?, ends_at = ?, moved_from = ?, sequence = sequence + 1, updated_at = ?
           WHERE id = ? AND status = 'scheduled'`
        )
        .run(slot.id, slot.startsAt, slot.endsAt, current.startsAt, nowIso(), interviewId)
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      return { ok: false, reason: 'slot_taken' }
    }
    return { ok: true, interview: this.get(interviewId)! }
  }

  cancel(
    interviewId: string,
    by: 'coordinator' | 'applicant',
    reason: string | null
  ): InterviewRecord | undefined {
    this.db
      .prepare(
        `UPDATE interviews SET status = 'cancelled', cancelled_by = ?, cancel_reason = ?, sequence = sequence + 1, updated_at = ?
         WHERE id = ? AND status = 'scheduled'`
      )
      .run(by, reason, nowIso(), interviewId)
    return this.get(interviewId)
  }

  get(interviewId: string): InterviewRecord | undefined {
    const row = this.db.prepare('SELECT * FROM interviews WHERE id = ?').get(interviewId) as
      | Row
      | undefined
    return row && toInterview(row)
  }

  latestOf(applicationId: string): InterviewRecord | undefined {
    const row = this.db
      .prepare(
        "SELECT * FROM interviews WHERE application_id = ? ORDER BY status = 'scheduled' DESC, updated_at DESC, created_at DESC LIMIT 1"
      )
      .get(applicationId) as Row | undefined
    return row && toInterview(row)
  }

  scheduledOf(applicationId: string): InterviewRecord | undefined {
    const row = this.db
      .prepare("SELECT * FROM interviews WHERE application_id = ? AND status = 'scheduled'")
      .get(applicationId) as Row | undefined
    return row && toInterview(row)
  }

  bySlot(slotId: string): InterviewRecord | undefined {
    const row = this.db
      .prepare("SELECT * FROM interviews WHERE slot_id = ? AND status = 'scheduled'")
      .get(slotId) as Row | undefined
    return row && toInterview(row)
  }

  listByProgram(programId: string): InterviewRecord[] {
    const rows = this.db
      .prepare(
        'SELECT i.* FROM interviews i JOIN applications a ON a.id = i.application_id WHERE a.program_id = ? ORDER BY i.starts_at, i.id'
      )
      .all(programId) as Row[]
    return rows.map(toInterview)
  }
}
