/**
 * Roles and what they allow.
 *
 * Permissions are data: one table maps each role to its capabilities, and every API route and every
 * collaboration connection asks `can()` instead of comparing role names. A role missing from the table
 * (a typo, a role from a newer client) is allowed nothing.
 *
 * - coordinator: the organising office or NPO; runs programs, teams and invites, may edit every document.
 *   A program may have several; a coordinator of one program holds no role in another (roles are asked
 *   per program or team), and only the setup account acts in every program.
 * - owner / caretaker / talent: the three members of a theme team; co-write the sheet.
 * - audience: no account; follows a pitch from a share link, read-only.
 * - reviewer: reads drafts and writes feedback, never edits the sheet itself; a program-wide reviewer
 *   reviews every team of the program. Resolving a thread is for members — and the thread's author.
 */
import type { DocumentKind } from './documents.ts'

/** Every role a person can hold in a program or team. */
export const ROLES = [
  'coordinator',
  'owner',
  'caretaker',
  'talent',
  'reviewer',
  'audience',
] as const
export type Role = (typeof ROLES)[number]

/** Roles that belong to one team (the rest act program-wide). */
export const TEAM_ROLES = ['owner', 'caretaker', 'talent', 'reviewer'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

/** Actions a role may take, apart from document access. */
export const CAPABILITIES = [
  'program:create',
  'program:read',
  'program:manage',
  'team:read',
  'team:invite',
  'invite:revoke',
  'sheet:export',
  /** Removing what the editor cannot show from a sheet (coordinators only). */
  'sheet:repair',
  'round:manage',
  'feedback:write',
  'thread:resolve',
  'pitch:schedule',
  'pitch:present',
  'share:create',
  'lead:read',
  'posting:publish',
  'selection:read',
  'selection:manage',
  'pool:manage',
  'figures:read',
  'member:remove',
  'coordinator:appoint',
  'audit:read',
] as const
export type Capability = (typeof CAPABILITIES)[number]

/** Access a connection gets to one document. */
export type DocumentAccess = 'write' | 'read' | 'none'

interface RolePermissions {
  readonly capabilities: readonly Capability[]
  readonly documents: Readonly<Record<DocumentKind, DocumentAccess>>
  /** Roles this role may invite into a team. */
  readonly mayInvite: readonly TeamRole[]
}

const MEMBER_CAPABILITIES: readonly Capability[] = [
  'program:read',
  'team:read',
  'sheet:export',
  'feedback:write',
  'thread:resolve',
  'pitch:present',
  'share:create',
]

// Feedback is written by the server on behalf of the API (which checks author, role and round), so no
// socket writes a `feedback:` document directly.

const PERMISSIONS: Readonly<Record<Role, RolePermissions>> = {
  coordinator: {
    capabilities: CAPABILITIES,
    documents: { spec: 'write', feedback: 'read', stage: 'write' },
    mayInvite: TEAM_ROLES,
  },
  caretaker: {
    capabilities: [...MEMBER_CAPABILITIES, 'team:invite', 'invite:revoke', 'member:remove'],
    documents: { spec: 'write', feedback: 'read', stage: 'write' },
    mayInvite: ['owner', 'caretaker', 'talent'],
  },
  owner: {
    // The theme owner follows the selection for their own team's posting; deciding is the coordinator's.
    capabilities: [...MEMBER_CAPABILITIES, 'selection:read', 'member:remove'],
    documents: { spec: 'write', feedback: 'read', stage: 'write' },
    mayInvite: [],
  },
  talent: {
    capabilities: MEMBER_CAPABILITIES,
    documents: { spec: 'write', feedback: 'read', stage: 'write' },
    mayInvite: [],
  },
  reviewer: {
    capabilities: ['program:read', 'team:read', 'sheet:export', 'feedback:write'],
    documents: { spec: 'read', feedback: 'read', stage: 'read' },
    mayInvite: [],
  },
  audience: {
    capabilities: [],
    documents: { spec: 'read', feedback: 'none', stage: 'read' },
    mayInvite: [],
  },
}

function permissionsOf(role: string): RolePermissions | undefined {
  return Object.hasOwn(PERMISSIONS, role) ? PERMISSIONS[role as Role] : undefined
}

/** Whether `role` has `capability`. Unknown roles have none. */
export function can(role: string | null | undefined, capability: Capability): boolean {
  if (!role) return false
  return permissionsOf(role)?.capabilities.includes(capability) ?? false
}

/** The access `role` has to a document of `kind`. Unknown roles get 'none'. */
export function documentAccess(
  role: string | null | undefined,
  kind: DocumentKind
): DocumentAccess {
  if (!role) return 'none'
  return permissionsOf(role)?.documents[kind] ?? 'none'
}

/** Whether `role` may invite someone into a team as `invitedRole`. */
export function canInvite(role: string | null | undefined, invitedRole: string): boolean {
  if (!role) return false
  return (
    (permissionsOf(role)?.mayInvite as readonly string[] | undefined)?.includes(invitedRole) ??
    false
  )
}

/** Narrows an arbitrary string to a known role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
