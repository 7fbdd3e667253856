import { Hono } from 'hono'
import { AppointCoordinatorRequest, UpdateProgramRequest } from '@specboard/shared'
import type { SheetTemplate } from '@specboard/shared'
import { newSignInLink } from '../accounts/signInLinks.ts'
import { HttpError } from '../errors.ts'
import { coordinatorMail } from '../mail/accountMail.ts'
import { auditCsv, auditLog } from '../programs/audit.ts'
import { closeProgramSockets, coordinatorList } from '../programs/coordinators.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { programFor } from './middleware/access.ts'
import { jsonBody, readBody } from './middleware/validate.ts'
import { originOf } from './middleware/origin.ts'
import { recordAudit } from './middleware/recordAudit.ts'

/** Section keys the old template had and the new one lacks: text would disappear from sheets. */
function droppedSections(before: SheetTemplate, after: SheetTemplate): string[] {
  const kept = new Set(after.sections.map((s) => s.key))
  return before.sections.map((s) => s.key).filter((key) => !kept.has(key))
}

/** A program's settings, its coordinators and its audit trail: /api/programs/:programId/… */
export const programAdminRoutes = new Hono<AppEnv>()
  .patch('/:programId', jsonBody(UpdateProgramRequest), async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'program:manage')
    const patch = await readBody(c)
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
    return c.json(await coordinatorList(c.var.deps.accounts, program.id))
  })
  .post('/:programId/coordinators', jsonBody(AppointCoordinatorRequest), async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'coordinator:appoint')
    const { email, lang } = await readBody(c)
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
    await closeProgramSockets(c.var.deps, program.id, removed)
    return c.body(null, 204)
  })
  .get('/:programId/audit', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'audit:read')
    return c.json(await auditLog(c.var.deps.accounts, program.id))
  })
  .get('/:programId/audit.csv', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'audit:read')
    c.header('content-type', 'text/csv; charset=utf-8')
    c.header('content-disposition', 'attachment; filename="audit.csv"')
    return c.body(auditCsv(await auditLog(c.var.deps.accounts, program.id)))
  })
