import { SqlTable } from './SqlTable.ts'
import type { Row } from './SqlClient.ts'
import { newId, nowIso } from '../../ids.ts'
import type {
  BookingResult,
  InterviewRecord,
  InterviewStore,
  SlotRecord,
  WindowRecord,
} from '../PostingStore.ts'

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

/**
 * Interview windows, slots and bookings. Double booking is refused by the partial unique indexes of
 * 003_postings.sql (one scheduled interview per slot and per application), not by a check-then-insert:
 * the database is the single place where two racing requests meet.
 */
export class SqlInterviews extends SqlTable implements InterviewStore {
  async createWindow(
    w: Omit<WindowRecord, 'id'> & {
      createdBy: string | null
      slots: readonly { startsAt: string; endsAt: string }[]
    }
  ): Promise<WindowRecord> {
    return this.inTx(async (self) => {
      const id = newId()
      await self.execute(
        'INSERT INTO interview_windows (id, program_id, posting_id, starts_at, ends_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        id,
        w.programId,
        w.postingId,
        w.startsAt,
        w.endsAt,
        w.createdBy,
        nowIso()
      )
      for (const s of w.slots)
        await self.execute(
          'INSERT INTO interview_slots (id, window_id, program_id, posting_id, starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
          newId(),
          id,
          w.programId,
          w.postingId,
          s.startsAt,
          s.endsAt
        )
      return (await self.getWindow(id))!
    })
  }

  async getWindow(windowId: string): Promise<WindowRecord | undefined> {
    return await this.findOne(toWindow, 'SELECT * FROM interview_windows WHERE id = ?', windowId)
  }

  async listWindows(programId: string): Promise<WindowRecord[]> {
    return await this.findAll(
      toWindow,
      'SELECT * FROM interview_windows WHERE program_id = ? ORDER BY starts_at, id',
      programId
    )
  }

  async deleteWindow(windowId: string): Promise<'deleted' | 'booked' | 'not_found'> {
    return this.inTx(async (self) => {
      if (!(await self.getWindow(windowId))) return 'not_found' as const
      const booked = await self.queryRow(
        "SELECT 1 FROM interviews i JOIN interview_slots s ON s.id = i.slot_id WHERE s.window_id = ? AND i.status = 'scheduled' LIMIT 1",
        windowId
      )
      if (booked) return 'booked' as const
      await self.execute('DELETE FROM interview_windows WHERE id = ?', windowId)
      return 'deleted' as const
    })
  }

  async slotsOfWindow(windowId: string): Promise<SlotRecord[]> {
    return await this.findAll(
      toSlot,
      'SELECT * FROM interview_slots WHERE window_id = ? ORDER BY starts_at',
      windowId
    )
  }

  async getSlot(slotId: string): Promise<SlotRecord | undefined> {
    return await this.findOne(toSlot, 'SELECT * FROM interview_slots WHERE id = ?', slotId)
  }

  async freeSlots(programId: string, postingId: string, after: string): Promise<SlotRecord[]> {
    const rows = (await this.queryRows(
      `SELECT s.* FROM interview_slots s
         WHERE s.program_id = ? AND (s.posting_id IS NULL OR s.posting_id = ?) AND s.starts_at > ?
           AND NOT EXISTS (SELECT 1 FROM interviews i WHERE i.slot_id = s.id AND i.status = 'scheduled')
         ORDER BY s.starts_at, s.id`,
      programId,
      postingId,
      after
    )) as Row[]
    return rows.map(toSlot)
  }

  async book(applicationId: string, slotId: string): Promise<BookingResult> {
    const slot = await this.getSlot(slotId)
    if (!slot) return { ok: false, reason: 'slot_not_found' }
    const id = newId()
    const at = nowIso()
    // ON CONFLICT rather than catching the violation: inside a PostgreSQL transaction an error would
    // abort it, and the refusal below still has to read who holds the slot.
    const inserted = await this.execute(
      `INSERT INTO interviews (id, application_id, slot_id, starts_at, ends_at, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'scheduled', ?, ?) ON CONFLICT DO NOTHING`,
      id,
      applicationId,
      slotId,
      slot.startsAt,
      slot.endsAt,
      at,
      at
    )
    if (inserted === 0)
      return { ok: false, reason: (await this.bySlot(slotId)) ? 'slot_taken' : 'already_booked' }
    return { ok: true, interview: (await this.get(id))! }
  }

  async move(interviewId: string, slotId: string): Promise<BookingResult> {
    const current = await this.get(interviewId)
    if (current?.status !== 'scheduled') return { ok: false, reason: 'not_scheduled' }
    const slot = await this.getSlot(slotId)
    if (!slot) return { ok: false, reason: 'slot_not_found' }
    if (slot.id === current.slotId) return { ok: true, interview: current }
    try {
      await this.execute(
        `UPDATE interviews SET slot_id = ?, starts_at = ?, ends_at = ?, moved_from = ?, sequence = sequence + 1, updated_at = ?
           WHERE id = ? AND status = 'scheduled'`,
        slot.id,
        slot.startsAt,
        slot.endsAt,
        current.startsAt,
        nowIso(),
        interviewId
      )
    } catch (error) {
      if (!this.sql.isUniqueViolation(error)) throw error
      return { ok: false, reason: 'slot_taken' }
    }
    return { ok: true, interview: (await this.get(interviewId))! }
  }

  async cancel(
    interviewId: string,
    by: 'coordinator' | 'applicant',
    reason: string | null
  ): Promise<InterviewRecord | undefined> {
    await this.execute(
      `UPDATE interviews SET status = 'cancelled', cancelled_by = ?, cancel_reason = ?, sequence = sequence + 1, updated_at = ?
         WHERE id = ? AND status = 'scheduled'`,
      by,
      reason,
      nowIso(),
      interviewId
    )
    return await this.get(interviewId)
  }

  async get(interviewId: string): Promise<InterviewRecord | undefined> {
    return await this.findOne(toInterview, 'SELECT * FROM interviews WHERE id = ?', interviewId)
  }

  async latestOf(applicationId: string): Promise<InterviewRecord | undefined> {
    return await this.findOne(
      toInterview,
      "SELECT * FROM interviews WHERE application_id = ? ORDER BY status = 'scheduled' DESC, updated_at DESC, created_at DESC LIMIT 1",
      applicationId
    )
  }

  async scheduledOf(applicationId: string): Promise<InterviewRecord | undefined> {
    return await this.findOne(
      toInterview,
      "SELECT * FROM interviews WHERE application_id = ? AND status = 'scheduled'",
      applicationId
    )
  }

  async bySlot(slotId: string): Promise<InterviewRecord | undefined> {
    return await this.findOne(
      toInterview,
      "SELECT * FROM interviews WHERE slot_id = ? AND status = 'scheduled'",
      slotId
    )
  }

  async listByProgram(programId: string): Promise<InterviewRecord[]> {
    const rows = (await this.queryRows(
      'SELECT i.* FROM interviews i JOIN applications a ON a.id = i.application_id WHERE a.program_id = ? ORDER BY i.starts_at, i.id',
      programId
    )) as Row[]
    return rows.map(toInterview)
  }
}
