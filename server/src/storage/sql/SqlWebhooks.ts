import { WebhookDeliveryStatus, WebhookEventType } from '@specboard/shared'
import { newId, nowIso } from '../../ids.ts'
import type { Row } from './SqlClient.ts'
import { SqlTable } from './SqlTable.ts'
import type { DeliveryRecord, WebhookRecord, WebhookStore } from '../WebhookStore.ts'

const toWebhook = (r: Row): WebhookRecord => ({
  id: r.id as string,
  programId: r.program_id as string,
  url: r.url as string,
  secret: r.secret as string,
  events: WebhookEventType.array().parse(JSON.parse(r.events as string)),
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: r.created_at as string,
})

const toDelivery = (r: Row): DeliveryRecord => ({
  id: r.id as string,
  webhookId: r.webhook_id as string,
  eventId: r.event_id as string,
  type: WebhookEventType.parse(r.type),
  body: r.body as string,
  createdAt: r.created_at as string,
  status: WebhookDeliveryStatus.parse(r.status),
  attempts: Number(r.attempts),
  responseCode: r.response_code === null ? null : Number(r.response_code),
  error: (r.error as string | null) ?? null,
  lastAttemptAt: (r.last_attempt_at as string | null) ?? null,
})

export class SqlWebhooks extends SqlTable implements WebhookStore {
  async create(w: Omit<WebhookRecord, 'id' | 'createdAt'>): Promise<WebhookRecord> {
    const record: WebhookRecord = { ...w, id: newId(), createdAt: nowIso() }
    await this.insert('webhooks', {
      id: record.id,
      program_id: record.programId,
      url: record.url,
      secret: record.secret,
      events: JSON.stringify(record.events),
      created_by: record.createdBy,
      created_at: record.createdAt,
    })
    return record
  }

  async list(programId: string): Promise<WebhookRecord[]> {
    return (
      await this.queryRows(
        'SELECT * FROM webhooks WHERE program_id = ? ORDER BY created_at, id',
        programId
      )
    ).map(toWebhook)
  }

  async get(programId: string, webhookId: string): Promise<WebhookRecord | undefined> {
    return await this.findOne(
      toWebhook,
      'SELECT * FROM webhooks WHERE program_id = ? AND id = ?',
      programId,
      webhookId
    )
  }

  async remove(programId: string, webhookId: string): Promise<boolean> {
    return (
      (await this.execute(
        'DELETE FROM webhooks WHERE program_id = ? AND id = ?',
        programId,
        webhookId
      )) > 0
    )
  }

  async update(
    programId: string,
    webhookId: string,
    patch: { url?: string; events?: readonly WebhookEventType[]; secret?: string }
  ): Promise<WebhookRecord | undefined> {
    const current = await this.get(programId, webhookId)
    if (!current) return undefined
    await this.execute(
      'UPDATE webhooks SET url = ?, events = ?, secret = ? WHERE program_id = ? AND id = ?',
      patch.url ?? current.url,
      JSON.stringify(patch.events ?? current.events),
      patch.secret ?? current.secret,
      programId,
      webhookId
    )
    return await this.get(programId, webhookId)
  }

  async addDelivery(d: {
    webhookId: string
    eventId: string
    type: WebhookEventType
    body: string
  }): Promise<DeliveryRecord> {
    const record: DeliveryRecord = {
      ...d,
      id: newId(),
      createdAt: nowIso(),
      status: 'pending',
      attempts: 0,
      responseCode: null,
      error: null,
      lastAttemptAt: null,
    }
    await this.execute(
      `INSERT INTO webhook_deliveries (id, webhook_id, event_id, type, body, created_at, status, attempts, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?)`,
      record.id,
      record.webhookId,
      record.eventId,
      record.type,
      record.body,
      record.createdAt,
      record.createdAt
    )
    return record
  }

  async getDelivery(webhookId: string, deliveryId: string): Promise<DeliveryRecord | undefined> {
    return await this.findOne(
      toDelivery,
      'SELECT * FROM webhook_deliveries WHERE webhook_id = ? AND id = ?',
      webhookId,
      deliveryId
    )
  }

  async listDeliveries(webhookId: string, limit: number): Promise<DeliveryRecord[]> {
    return (
      await this.queryRows(
        'SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
        webhookId,
        limit
      )
    ).map(toDelivery)
  }

  async recordAttempt(
    deliveryId: string,
    outcome: {
      status: WebhookDeliveryStatus
      responseCode: number | null
      error: string | null
      retryAt: string | null
    }
  ): Promise<void> {
    await this.execute(
      `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, response_code = ?, error = ?,
       last_attempt_at = ?, next_attempt_at = ? WHERE id = ?`,
      outcome.status,
      outcome.responseCode,
      outcome.error,
      nowIso(),
      outcome.retryAt,
      deliveryId
    )
  }

  async claimDue(
    deliveryId: string,
    now: string,
    leaseUntil: string
  ): Promise<DeliveryRecord | undefined> {
    const claimed = await this.execute(
      `UPDATE webhook_deliveries SET next_attempt_at = ?
         WHERE id = ? AND status = 'pending' AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?`,
      leaseUntil,
      deliveryId,
      now
    )
    if (claimed !== 1) return undefined
    return await this.findOne(
      toDelivery,
      'SELECT * FROM webhook_deliveries WHERE id = ?',
      deliveryId
    )
  }

  async dueDeliveries(now: string, limit: number): Promise<string[]> {
    return (
      await this.queryRows(
        `SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at IS NOT NULL
           AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
        now,
        limit
      )
    ).map((r) => r.id as string)
  }

  async webhookOf(deliveryId: string): Promise<WebhookRecord | undefined> {
    return await this.findOne(
      toWebhook,
      'SELECT w.* FROM webhooks w JOIN webhook_deliveries d ON d.webhook_id = w.id WHERE d.id = ?',
      deliveryId
    )
  }
}
