/** A coordinator's own daily-digest setting for a program: on unless turned off, per person per program. */
import { Hono } from 'hono'
import { DigestSettingRequest, type DigestSetting } from '@specboard/shared'
import { HttpError } from '../errors.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { programFor } from './middleware/access.ts'
import { requirePrincipal } from './middleware/auth.ts'
import { jsonBody, readBody } from './middleware/validate.ts'

/** Routes under /api/programs/:programId/digest. */
export const digestRoutes = new Hono<AppEnv>()
  .get('/:programId/digest', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'program:manage')
    const personId = personOf(c)
    const { digests, accounts } = c.var.deps
    const setting = await digests.settingOf(program.id, personId)
    const body: DigestSetting = {
      enabled: setting?.enabled ?? true,
      lang: setting?.lang ?? 'ja',
      email: await accounts.emailOf(personId),
    }
    return c.json(body)
  })
  .put('/:programId/digest', jsonBody(DigestSettingRequest), async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'program:manage')
    const personId = personOf(c)
    const body = await readBody(c)
    await c.var.deps.digests.setSetting(program.id, personId, body)
    const answer: DigestSetting = { ...body, email: await c.var.deps.accounts.emailOf(personId) }
    return c.json(answer)
  })

/** The digest is a person's: the operations token, which is nobody, has none. */
function personOf(c: Parameters<typeof requirePrincipal>[0]): string {
  const { personId } = requirePrincipal(c)
  if (!personId)
    throw new HttpError(
      400,
      'no_person',
      'the operations token is nobody; sign in as a coordinator'
    )
  return personId
}
