/** The stages of an application, which of them a coordinator sets, and counts per stage. */
import { z } from 'zod'

/** The stages of an application, in pipeline order. `withdrawn` is set only by the applicant. */
export const APPLICATION_STAGES = [
  'applied',
  'interview_scheduled',
  'interviewed',
  'placed',
  'pool',
  'declined',
  'withdrawn',
] as const
export type ApplicationStage = (typeof APPLICATION_STAGES)[number]

/** Stages a coordinator may move an application to. */
export const MANAGED_STAGES = [
  'applied',
  'interview_scheduled',
  'interviewed',
  'placed',
  'pool',
  'declined',
] as const
export type ManagedStage = (typeof MANAGED_STAGES)[number]

/** Stages after which the selection of an application is decided. */
export const FINAL_STAGES: readonly ApplicationStage[] = ['placed', 'pool', 'declined', 'withdrawn']

/**
 * Stages that mean the interview took place: marked held, or decided after it (placed, pool). The
 * figures and the CSV count an interview from these, however it was scheduled.
 */
export const INTERVIEWED_STAGES = [
  'interviewed',
  'placed',
  'pool',
] as const satisfies readonly ApplicationStage[]

/** Applications per stage; every stage is present. */
export const StageCounts = z.record(z.enum(APPLICATION_STAGES), z.number().int())
export type StageCounts = z.infer<typeof StageCounts>

/** Every stage at zero: a count object that always has all keys. */
export function emptyStageCounts(): StageCounts {
  return Object.fromEntries(APPLICATION_STAGES.map((s) => [s, 0])) as StageCounts
}
