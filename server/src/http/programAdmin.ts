import { Hono } from 'hono'
import type { Context } from 'hono'
import {
  AppointCoordinatorRequest,
  CLOSE_CODE,
  UpdateProgramRequest,
  teamDocuments,
} from '@specboard/shared'
import type { AuditLog, CoordinatorList, SheetTemplate } from '@specboard/shared'
import { newSignInLink } from '../accounts/signInLinks.ts'
import { HttpError } from '../errors.ts'
import type { AccountStore } from '../storage/AccountStore.ts'
import { coordinatorMail } from '../mail/accountMail.ts'
import { toCsv } from '../publishing/csv.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { programFor } from './middleware/access.ts'
import { readBody } from './middleware/validate.ts'
import { originOf } from './middleware/origin.ts'
import { recordAudit } from './middleware/recordAudit.ts'

/** Section keys the old template had and the new one lacks: text would disappear from sheets. */
function droppedSections(before: SheetTemplate, after: SheetTemplate): string[] {
  const kept = new Set(after.sections.map((s) => s.key))
  return before.sections.map((s) => s.key).filter((key) => !kept.has(key))
}

/** The address to show for a person: the confirmed one, else the one they were invited with. */
async function addressOf(accounts: AccountStore, personId: string): Promise<string | null> {
  const state = await accounts.emailStateOf(personId)
  return state.email ?? state.unconfirmedEmail
}

/**
 * Closes a former coordinator's sockets to the program's team documents, on every instance, except
 * where a role of their own in a team still lets them in.
 */
async function closeProgramSockets(
  c: Context<AppEnv>,
  programId: string,
  former: { personId: string; personName: string }
): Promise<void> {
  const { access, live, records } = c.var.deps
  const principal = {
    personId: former.personId,
    name: former.personName,
    isAdmin: false,
    sessionId: null,
  }
  for (const team of await records.listTeams(programId)) {
    if (await access.roleInTeam(principal, team.id)) continue
    for (const document of new Set(Object.values(teamDocuments(team.id))))
      await live.disconnect(
        { personId: former.personId, document },
        CLOSE_CODE.forbidden,
        'you no longer coordinate this program'
      )
  }
}

async function auditOf(c: Context<AppEnv>): Promise<AuditLog> {
  const { program } = await programFor(c, c.req.param('programId')!, 'audit:read')
  return {
    entries: (await c.var.deps.accounts.listAudit(program.id)).map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      actor: { personId: e.actorId, name: e.actorName },
      subject: e.subject,
      detail: { ...e.detail },
    })),
  }
}

/** A program's settings, its coordinators and its audit trail: /api/programs/:programId/… */
export const programAdminRoutes = new Hono<AppEnv>()
  .patch('/:programId', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'program:manage')
    const patch = await readBody(c, UpdateProgramRequest)
    if (patch.template) {
      const dropped = droppedSections(program.template, patch.template)
      if (dropped.length > 0)
        throw new HttpError(
          400,
          'section_removed',
          `template: sections cannot be removed, only retired (text would be lost): ${dropped.join(', ')}`
        )
    }
    const updated = await c.var.deps.tx(async ({ accounts }) => {
      const result = await accounts.updateProgram(program.id, patch)
      await recordAudit(
        c,
        program.id,
        'program.update',
        result?.name ?? program.name,
        { fields: Object.keys(patch).join(' ') },
        accounts
      )
      return result
    })
    if (!updated) throw new HttpError(404, 'program_not_found', 'no program has this id')
    if (patch.template) c.var.deps.templates.changed(updated.id, updated.template)
    return c.json({
      id: updated.id,
      name: updated.name,
      region: updated.region,
      targets: updated.targets,
      template: updated.template,
      retentionMonths: updated.retentionMonths,
    })
  })
  .get('/:programId/coordinators', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'program:manage')
    const { accounts } = c.var.deps
    const body: CoordinatorList = {
      coordinators: await Promise.all(
        (await accounts.programWideMembers(program.id))
          .filter((m) => m.role === 'coordinator')
          .map(async (m) => ({
            memberId: m.id,
            personId: m.personId,
            name: m.personName,
            email: await addressOf(accounts, m.personId),
          }))
      ),
    }
    return c.json(body)
  })
  .post('/:programId/coordinators', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'coordinator:appoint')
    const { email, lang } = await readBody(c, AppointCoordinatorRequest)
    const { accounts, mailer } = c.var.deps
    const appointed = await c.var.deps.tx(async ({ records, accounts, digests }) => {
      // Only a confirmed address finds its person. Otherwise someone new gets a person now, named
      // after the address, holding it unconfirmed: the mailed link proves it (and reaches this person
      // even if others claimed the same address).
      let person = await accounts.personByEmail(email)
      if (!person) {
        person = await records.createPerson(email.split('@')[0] ?? email, false)
        await accounts.claimEmail(person.id, email)
      }
      const membership = await records.addMembership({
        personId: person.id,
        programId: program.id,
        teamId: null,
        role: 'coordinator',
      })
      await recordAudit(c, program.id, 'coordinator.appoint', person.name, { email }, accounts)
      // The language the appointing coordinator chose for them is the first one known for their digest.
      if (!(await digests.settingOf(program.id, person.id)))
        await digests.setSetting(program.id, person.id, { enabled: true, lang })
      return { memberId: membership.id, personId: person.id }
    })
    const link = await newSignInLink(accounts, originOf(c), email, {
      personId: appointed.personId,
    })
    mailer.send(
      coordinatorMail(lang, email, link, {
        programName: program.name,
        region: program.region,
        inviterName: c.var.principal!.name,
      })
    )
    return c.json({ ...appointed, email }, 201)
  })
  .delete('/:programId/coordinators/:personId', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'coordinator:appoint')
    const personId = c.req.param('personId')
    const removed = await c.var.deps.tx(async ({ accounts }) => {
      const result = await accounts.removeCoordinator(program.id, personId)
      if (typeof result !== 'string')
        await recordAudit(c, program.id, 'coordinator.remove', result.personName, {}, accounts)
      return result
    })
    if (removed === 'not_a_coordinator')
      throw new HttpError(
        404,
        'coordinator_not_found',
        'this person does not coordinate this program'
      )
    if (removed === 'last_coordinator')
      throw new HttpError(
        409,
        'last_coordinator',
        'the last coordinator of a program cannot be removed: appoint another one first'
      )
    await closeProgramSockets(c, program.id, removed)
    return c.body(null, 204)
  })
  .get('/:programId/audit', async (c) => c.json(await auditOf(c)))
  .get('/:programId/audit.csv', async (c) => {
    const { entries } = await auditOf(c)
    c.header('content-type', 'text/csv; charset=utf-8')
    c.header('content-disposition', 'attachment; filename="audit.csv"')
    return c.body(
      toCsv(
        ['at', 'action', 'actor', 'subject', 'detail'],
        entries.map((e) => [
          e.at,
          e.action,
          e.actor.name,
          e.subject,
          Object.entries(e.detail)
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
        ])
      )
    )
  })
