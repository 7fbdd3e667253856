/**
 * OpenAPI operations of publishing and selection (merged into openapi.ts). JSON shapes come from
 * shared/ (postings, applications, interviews, pool, figures); downloads name their media type; the public pages are listed for completeness
 * (HTML and forms, no JSON).
 */
import * as wire from '@specboard/shared'
import * as retention from '@specboard/shared/retention'
import * as digest from '@specboard/shared/digest'
import type { Op } from './openapi.ts'

const csv = 'text/csv; charset=utf-8 (UTF-8 with BOM)'
const html = 'text/html; charset=utf-8'

export const POSTING_OPERATIONS: Record<string, Record<string, Op>> = {
  '/api/teams/{teamId}/posting': {
    get: {
      summary:
        "The team's posting (null if never published), prefill defaults and sheet completeness (coordinator, the team's owner)",
      response: wire.TeamPosting,
      params: ['teamId'],
    },
    post: {
      summary:
        'Publish the sheet as it is now: a new immutable version with a frozen snapshot, rendered once (coordinator). 409 sheet_empty / slug_taken / slug_fixed; 400 names the field (facts.deadline must be ahead)',
      response: wire.PostingDetail,
      status: 201,
      params: ['teamId'],
    },
  },
  '/api/teams/{teamId}/posting/unpublish': {
    post: {
      summary: 'Hide the posting from the public pages (coordinator)',
      response: wire.PostingDetail,
      params: ['teamId'],
    },
  },
  '/api/programs/{programId}/postings': {
    get: {
      summary: "Postings of the program's teams whose pipeline the caller may read",
      response: wire.PostingList,
      params: ['programId'],
    },
  },
  '/api/postings/{postingId}': {
    get: {
      summary: 'A posting with its versions and stage counts',
      response: wire.PostingDetail,
      params: ['postingId'],
    },
  },
  '/api/postings/{postingId}/applications': {
    get: {
      summary:
        'The pipeline: applications with their latest interview, counts per stage; canManage is false for the theme owner',
      response: wire.Pipeline,
      params: ['postingId'],
    },
  },
  '/api/postings/{postingId}/applications.csv': {
    get: { summary: "The posting's applicants as CSV", params: ['postingId'], mediaType: csv },
  },
  '/api/applications/{applicationId}': {
    get: { summary: 'One application', response: wire.Application, params: ['applicationId'] },
    patch: {
      summary:
        'Move the stage (side effects: talent pool in/out, upcoming interview cancelled on a decision), set note or rating (coordinator). 409 no_pool_consent / erased',
      response: wire.Application,
      params: ['applicationId'],
    },
  },
  '/api/applications/{applicationId}/interview': {
    post: {
      summary:
        'Book a slot for the applicant (coordinator). 409 slot_taken / already_booked / slot_past / not_bookable; 404 slot_not_found',
      response: wire.Interview,
      status: 201,
      params: ['applicationId'],
    },
  },
  '/api/interviews/{interviewId}/move': {
    post: {
      summary:
        'Move an interview to another free slot; the applicant sees the change (409 slot_taken)',
      response: wire.Interview,
      params: ['interviewId'],
    },
  },
  '/api/interviews/{interviewId}/cancel': {
    post: {
      summary: 'Cancel an interview; the application returns to applied',
      response: wire.Interview,
      params: ['interviewId'],
    },
  },
  '/api/interviews/{interviewId}/interview.ics': {
    get: {
      summary: 'The interview as an iCalendar file',
      params: ['interviewId'],
      mediaType: 'text/calendar; charset=utf-8',
    },
  },
  '/api/programs/{programId}/interview-windows': {
    get: {
      summary: 'Availability windows with their 15-minute slots and who booked them (coordinator)',
      response: wire.WindowList,
      params: ['programId'],
    },
    post: {
      summary:
        'Add a window; it is cut into 15-minute slots from its start (slots already past are skipped)',
      response: wire.InterviewWindow,
      status: 201,
      params: ['programId'],
    },
  },
  '/api/programs/{programId}/interview-windows/{windowId}': {
    delete: {
      summary: 'Delete a window and its free slots (409 window_booked while interviews hold slots)',
      status: 204,
      params: ['programId', 'windowId'],
    },
  },
  '/api/programs/{programId}/interviews': {
    get: {
      summary: "The program's interviews, soonest first",
      response: wire.Agenda,
      params: ['programId'],
    },
  },
  '/api/programs/{programId}/applications.csv': {
    get: { summary: "All the program's applicants as CSV", params: ['programId'], mediaType: csv },
  },
  '/api/programs/{programId}/figures': {
    get: {
      summary: 'Targets and actuals with chart series (coordinator)',
      response: wire.ProgramFigures,
      params: ['programId'],
    },
  },
  '/api/pool': {
    get: {
      summary: 'The talent pool across programs (coordinators)',
      response: wire.PoolList,
      query: ['q', 'tag', 'programId'],
    },
  },
  '/api/pool.csv': {
    get: {
      summary: 'The talent pool as CSV (same query as /api/pool)',
      query: ['q', 'tag', 'programId'],
      mediaType: csv,
    },
  },
  '/api/pool/{entryId}': {
    patch: {
      summary: 'Set tags or note',
      response: wire.PoolEntry,
      params: ['entryId'],
    },
    delete: {
      summary: "Delete the person's entry and personal data (on request)",
      status: 204,
      params: ['entryId'],
    },
  },
  '/api/pool/{entryId}/invite': {
    post: {
      summary:
        'Invite the person into a team (needs team:invite there); the link is recorded on the entry',
      response: wire.InvitePoolEntryResponse,
      status: 201,
      params: ['entryId'],
    },
  },
  '/api/programs/{programId}/mail-problems': {
    get: {
      summary:
        'Applicant mail of the program given up on after every retry, until dismissed or the applicant is erased (coordinator)',
      response: wire.MailProblems,
      params: ['programId'],
    },
  },
  '/api/programs/{programId}/mail-problems/{failureId}': {
    delete: {
      summary:
        'Take an undelivered mail off the list once the applicant was reached another way (coordinator)',
      status: 204,
      params: ['programId', 'failureId'],
    },
  },
  '/api/programs/{programId}/retention': {
    get: {
      summary:
        "Per posting: when unplaced, unpooled applicants' personal data is erased (the program's retentionMonths after the posting closed) and how many (coordinator)",
      response: retention.RetentionOverview,
      params: ['programId'],
    },
  },
  '/api/programs/{programId}/digest': {
    get: {
      summary:
        "The caller's daily digest for the program (new applicants, tomorrow's interviews; on unless turned off) and the address it goes to (coordinator)",
      response: digest.DigestSetting,
      params: ['programId'],
    },
    put: {
      summary: 'Turn the caller’s daily digest on or off, and choose its language (coordinator)',
      response: digest.DigestSetting,
      params: ['programId'],
    },
  },
  '/api/programs/{programId}/retention/erase': {
    post: {
      summary:
        "Erase now the personal data of a closed posting's applicants who were neither placed nor pooled; recorded in the audit trail with the count (coordinator)",
      response: retention.ErasureResult,
      params: ['programId'],
    },
  },
  '/postings/assets/site.css': {
    get: { summary: "The public pages' stylesheet", mediaType: 'text/css', isPublic: true },
  },
  '/postings': {
    get: {
      summary: 'Public list of postings (HTML)',
      query: ['q', 'region', 'style', 'closed'],
      mediaType: html,
      isPublic: true,
    },
  },
  '/postings.atom': {
    get: {
      summary: 'Atom feed of open postings',
      mediaType: 'application/atom+xml',
      isPublic: true,
    },
  },
  '/postings/{slug}': {
    get: {
      summary: 'A posting page with JobPosting JSON-LD and the application form (HTML)',
      params: ['slug'],
      mediaType: html,
      isPublic: true,
    },
  },
  '/postings/{slug}/apply': {
    get: {
      summary: 'Redirects to the form on the posting page (303)',
      params: ['slug'],
      status: 303,
      isPublic: true,
    },
    post: {
      summary:
        'Apply (application/x-www-form-urlencoded: name, contact, motivation, skills, links, consent_data=yes, consent_pool=yes, website empty). 303 to the status page; 400 re-renders the form; 409 closed; 429 limit',
      params: ['slug'],
      status: 303,
      mediaType: html,
      isPublic: true,
    },
  },
  '/applications/{token}': {
    get: {
      summary: "The applicant's private status page (HTML)",
      params: ['token'],
      mediaType: html,
      isPublic: true,
    },
  },
  '/applications/{token}/{action}': {
    post: {
      summary:
        'Applicant actions as forms: book (slot_id), cancel, leave-pool, erase (confirm=yes). 303 back to the status page; 409 with the reason',
      params: ['token', 'action'],
      status: 303,
      mediaType: html,
      isPublic: true,
    },
  },
  '/applications/{token}/interview.ics': {
    get: {
      summary: "The applicant's interview as an iCalendar file",
      params: ['token'],
      mediaType: 'text/calendar; charset=utf-8',
      isPublic: true,
    },
  },
  '/pool/withdraw/{token}': {
    get: {
      summary: 'Withdrawal page of a talent-pool entry (the link addPoolEntry returns)',
      params: ['token'],
      mediaType: html,
      isPublic: true,
    },
    post: { summary: 'Delete the entry', params: ['token'], mediaType: html, isPublic: true },
  },
  '/pool/renew/{token}': {
    get: {
      summary:
        'Renewal page of a talent-pool entry asked to renew its consent after two years (the link in the renewal mail; the same secret also opens /pool/withdraw/{token})',
      params: ['token'],
      mediaType: html,
      isPublic: true,
    },
    post: {
      summary: 'Renew the consent for another two years',
      params: ['token'],
      mediaType: html,
      isPublic: true,
    },
  },
}
