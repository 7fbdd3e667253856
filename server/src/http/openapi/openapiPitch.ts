/**
 * OpenAPI operations of pitches (merged into openapi.ts): sessions, the presenter's timer, share links,
 * the audience's link (no account), "I want to join" leads, and the server clock. Shapes come from
 * shared/src/pitch.ts, the schemas the routes validate with.
 */
import * as pitch from '@specboard/shared/pitch'
import type { Op } from './openapi.ts'

export const PITCH_OPERATIONS: Record<string, Record<string, Op>> = {
  '/api/programs/{programId}/pitch-sessions': {
    get: {
      summary: "A program's pitch sessions (intermediate and final), in order",
      response: pitch.PitchSessionList,
      params: ['programId'],
    },
    post: {
      summary: 'Schedule a pitch session with its teams and minutes per team (coordinator)',
      response: pitch.PitchSession,
      status: 201,
      params: ['programId'],
    },
  },
  '/api/programs/{programId}/leads': {
    get: {
      summary: '"I want to join" leads left by the audience (coordinator)',
      response: pitch.LeadList,
      params: ['programId'],
    },
  },
  '/api/pitch-sessions/{sessionId}': {
    get: { summary: 'One pitch session', response: pitch.PitchSession, params: ['sessionId'] },
  },
  '/api/pitch-sessions/{sessionId}/advance': {
    post: {
      summary: 'Put a team on stage (or none, to end); the audience follows (coordinator)',
      response: pitch.PitchSession,
      params: ['sessionId'],
    },
  },
  '/api/pitch-sessions/{sessionId}/share-links': {
    get: {
      summary: "The session's audience links (tokens are not shown again)",
      response: pitch.ShareLinkList,
      params: ['sessionId'],
    },
    post: {
      summary: 'Make an audience link for the whole session; the token is in the answer once',
      response: pitch.ShareLink,
      status: 201,
      params: ['sessionId'],
    },
  },
  '/api/teams/{teamId}/stage/timer': {
    post: {
      summary: "Start, pause or reset the pitch timer on the team's stage (presenters)",
      response: pitch.StageTimer,
      params: ['teamId'],
    },
  },
  '/api/teams/{teamId}/share-links': {
    get: {
      summary: "The team's audience links",
      response: pitch.ShareLinkList,
      params: ['teamId'],
    },
    post: {
      summary: "Make an audience link for the team's pitch; the token is in the answer once",
      response: pitch.ShareLink,
      status: 201,
      params: ['teamId'],
    },
  },
  '/api/share-links/{linkId}': {
    delete: {
      summary: 'Revoke an audience link; sockets that came in with it are closed (4401)',
      status: 204,
      params: ['linkId'],
    },
  },
  '/api/audience/{token}': {
    get: {
      summary: 'What an audience link shows: program, teams, the session and who is on stage',
      response: pitch.AudienceInfo,
      params: ['token'],
      isPublic: true,
      limited:
        'each unknown or revoked link costs the client address a try (a few typos, then one every few seconds); a valid link never costs anything',
    },
  },
  '/api/audience/{token}/reactions': {
    post: {
      summary: 'React to the team on stage (about one a second per viewer)',
      status: 202,
      params: ['token'],
      isPublic: true,
      limited:
        'reactions per viewer and per client address (a short burst, then about one a second), and unknown links per address',
    },
  },
  '/api/audience/{token}/join': {
    post: {
      summary:
        '"I want to join": a lead for the coordinator and a talent-pool entry; the withdrawal link is returned once',
      response: pitch.JoinResponse,
      status: 201,
      params: ['token'],
      isPublic: true,
      limited: 'join requests per viewer and per client address, and unknown links per address',
    },
  },
  '/api/time': {
    get: {
      summary: "The server's clock (ms since 1970), so every screen's timer agrees",
      response: pitch.ServerTime,
      isPublic: true,
    },
  },
}
