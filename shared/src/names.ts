/**
 * The Japanese names of application stages and work styles: the app's screens, the CSV exports and the
 * public pages say them alike, so they are written once here. (English names differ by audience and
 * live with each side's texts.)
 */
import type { ApplicationStage } from './stages.ts'
import type { WorkStyle } from './postings.ts'

export const STAGE_NAMES_JA: Readonly<Record<ApplicationStage, string>> = {
  applied: '応募受付',
  interview_scheduled: '面談予定',
  interviewed: '面談済み',
  placed: '採用',
  pool: '人材プール',
  declined: '見送り',
  withdrawn: '辞退',
}

export const WORK_STYLE_NAMES_JA: Readonly<Record<WorkStyle, string>> = {
  remote: 'フルリモート',
  hybrid: 'リモート中心（一部現地）',
  onsite: '現地での活動',
}
