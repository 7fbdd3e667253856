/** The coordinators' daily digest per program: whether one gets it, and in which language. */
import { z } from 'zod'
import { MailLanguage } from './accounts.ts'

/** PUT /api/programs/:programId/digest — the caller's own choice for the program. */
export const DigestSettingRequest = z.object({
  enabled: z.boolean(),
  /** The language the digest is written in (the client sends the one its screens use). */
  lang: MailLanguage,
})
export type DigestSettingRequest = z.infer<typeof DigestSettingRequest>

/** GET /api/programs/:programId/digest */
export const DigestSetting = DigestSettingRequest.extend({
  /** Where it goes: the caller's confirmed address; null means no digest can be sent yet. */
  email: z.string().nullable(),
})
export type DigestSetting = z.infer<typeof DigestSetting>
