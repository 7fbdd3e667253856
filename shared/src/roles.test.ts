import { describe, expect, it } from 'vitest'
import { DOCUMENT_KINDS } from './documents.ts'
import { CAPABILITIES, ROLES, TEAM_ROLES, can, canInvite, documentAccess, isRole } from './roles.ts'

const NOT_ROLES = [
  '',
  'admin',
  'Coordinator',
  'owner ',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
]

describe('roles', () => {
  it('allows nothing to unknown, empty or missing roles', () => {
    for (const role of [...NOT_ROLES, null, undefined]) {
      for (const capability of CAPABILITIES)
        expect(can(role, capability), `${role} ${capability}`).toBe(false)
      for (const kind of DOCUMENT_KINDS)
        expect(documentAccess(role, kind), `${role} ${kind}`).toBe('none')
      for (const invited of TEAM_ROLES)
        expect(canInvite(role, invited), `${role} invites ${invited}`).toBe(false)
    }
  })

  it('gives every known role an access level for every document kind', () => {
    for (const role of ROLES) {
      for (const kind of DOCUMENT_KINDS)
        expect(['write', 'read', 'none']).toContain(documentAccess(role, kind))
    }
  })

  it('gives coordinators every capability and write access to the spec and stage', () => {
    for (const capability of CAPABILITIES)
      expect(can('coordinator', capability), capability).toBe(true)
    expect(documentAccess('coordinator', 'spec')).toBe('write')
    expect(documentAccess('coordinator', 'stage')).toBe('write')
  })

  it('lets the three team members write the spec and read feedback', () => {
    for (const role of ['owner', 'caretaker', 'talent']) {
      expect(documentAccess(role, 'spec'), role).toBe('write')
      expect(documentAccess(role, 'feedback'), role).toBe('read')
      for (const capability of [
        'program:read',
        'team:read',
        'sheet:export',
        'feedback:write',
      ] as const) {
        expect(can(role, capability), `${role} ${capability}`).toBe(true)
      }
    }
  })

  it('keeps reviewers read-only on every document, writing feedback only through the API', () => {
    for (const kind of DOCUMENT_KINDS) expect(documentAccess('reviewer', kind)).not.toBe('write')
    expect(documentAccess('reviewer', 'spec')).toBe('read')
    expect(can('reviewer', 'feedback:write')).toBe(true)
    expect(can('reviewer', 'team:invite')).toBe(false)
    expect(can('reviewer', 'program:manage')).toBe(false)
  })

  it('lets no socket write a feedback document, whatever the role', () => {
    for (const role of ROLES) expect(documentAccess(role, 'feedback'), role).not.toBe('write')
  })

  it('reserves creating and managing programs and rounds for coordinators', () => {
    for (const capability of ['program:create', 'program:manage', 'round:manage'] as const) {
      expect(
        ROLES.filter((role) => can(role, capability)),
        capability
      ).toEqual(['coordinator'])
    }
  })

  it('lets only coordinators and caretakers invite, and never into a role above their own', () => {
    expect(ROLES.filter((role) => can(role, 'team:invite')).sort()).toEqual([
      'caretaker',
      'coordinator',
    ])
    for (const invited of TEAM_ROLES) expect(canInvite('coordinator', invited), invited).toBe(true)
    expect(TEAM_ROLES.filter((invited) => canInvite('caretaker', invited)).sort()).toEqual([
      'caretaker',
      'owner',
      'talent',
    ])
    for (const role of ROLES) expect(canInvite(role, 'coordinator'), role).toBe(false)
    for (const role of ROLES.filter((r) => r !== 'coordinator' && r !== 'caretaker')) {
      for (const invited of TEAM_ROLES)
        expect(canInvite(role, invited), `${role} invites ${invited}`).toBe(false)
    }
  })

  it('recognises exactly the known roles', () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true)
    for (const value of [...NOT_ROLES, null, undefined, 1, {}, ['owner']])
      expect(isRole(value)).toBe(false)
  })

  it('names every team role among the roles', () => {
    for (const role of TEAM_ROLES) expect(ROLES).toContain(role)
    expect(TEAM_ROLES).not.toContain('coordinator')
  })
})
