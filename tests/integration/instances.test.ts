/**
 * Two instances started with one database, one Redis and one ADMIN_TOKEN behave as one service: records
 * made through one are read through the other, people on different instances co-edit one sheet and see
 * each other, roles hold on both, a revoked link closes sockets everywhere, and the public budgets are
 * shared. (Failures — an instance killed, Redis restarted — are in instances-failure.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { CLOSE_CODE, Program, STAGE_KEYS, STAGE_MAP, ShareLink } from '@specboard/shared'
import { acceptInvite, apiRequest, createInvite, getMe } from '../helpers/api.ts'
import { useCluster } from '../helpers/useCluster.ts'
import { notesText } from '../helpers/notes.ts'
import { createTeamFixture, type TeamFixture } from '../helpers/team.ts'
import { insertToken, seededRandom, sorted, tokensOf } from '../helpers/tokens.ts'
import {
  connectProvider,
  sleep,
  syncedProvider,
  waitFor,
  type ProviderClient,
} from '../helpers/wsClient.ts'

// Several instances share a database server: these run in the `integration-pg` project.
describe.runIf(process.env.SPECBOARD_TEST_DATABASE === 'postgres')(
  'two instances as one service',
  () => {
    const cluster = useCluster()
    const a = () => cluster().instances[0]!
    const b = () => cluster().instances[1]!
    let team: TeamFixture

    beforeAll(async () => {
      team = await createTeamFixture(a(), 'Instances')
    })

    it('reads through B the program and team created through A', async () => {
      const program = await apiRequest(b(), 'GET', `/api/programs/${team.programId}`)
      expect(program.status).toBe(200)
      expect(program.body).toMatchObject({ id: team.programId, name: 'Instances program' })
      const me = await getMe(b(), team.tokens.owner)
      expect(me.person.name).toBe('owner of Instances')
    })

    it('accepts on B an invite made on A', async () => {
      const invite = await createInvite(a(), team.teamId, 'talent')
      const accepted = await acceptInvite(b(), invite.token, 'Talent via B')
      expect((await getMe(a(), accepted.accessToken)).person.name).toBe('Talent via B')
    })

    it('lets people on A and B co-edit one sheet live, and converges', async () => {
      const onA = await syncedProvider(a(), team.documents.spec, team.tokens.owner)
      const onB = await syncedProvider(b(), team.documents.spec, team.tokens.talent)
      const clients: ProviderClient[] = [onA, onB]
      try {
        // One paragraph to type into, made once (the sheet's schema holds text only inside paragraphs).
        notesText(onA.doc)
        await waitFor(() => onB.doc.getXmlFragment('why').length === 1, {
          what: 'the paragraph on B',
        })
        const expected: string[] = []
        const writers = [
          { client: onA, name: 'A', random: seededRandom(11) },
          { client: onB, name: 'B', random: seededRandom(22) },
        ]
        await Promise.all(
          writers.map(async ({ client, name, random }) => {
            const text = notesText(client.doc)
            for (let i = 0; i < 120; i++) {
              const token = `[${name}${i}]`
              insertToken(text, token, random)
              expected.push(token)
              if (random() < 0.3) await sleep(Math.floor(random() * 4))
            }
          })
        )
        const converged = () =>
          notesText(onA.doc).toString() === notesText(onB.doc).toString() &&
          tokensOf(notesText(onA.doc).toString()).length === expected.length
        await waitFor(converged, { timeoutMs: 10_000, what: 'A and B to converge' })
        expect(sorted(tokensOf(notesText(onB.doc).toString()))).toEqual(sorted(expected))

        // Late joiners on either instance load the same document.
        const lateA = await syncedProvider(a(), team.documents.spec, team.tokens.caretaker)
        const lateB = await syncedProvider(b(), team.documents.spec, team.tokens.caretaker)
        clients.push(lateA, lateB)
        for (const late of [lateA, lateB])
          expect(notesText(late.doc).toString()).toBe(notesText(onA.doc).toString())
      } finally {
        for (const c of clients) c.destroy()
      }
    })

    it('shows presence across instances, and withdraws it when the person leaves', async () => {
      const onA = await syncedProvider(a(), team.documents.spec, team.tokens.owner)
      const onB = await syncedProvider(b(), team.documents.spec, team.tokens.talent)
      try {
        onA.provider.awareness.setLocalStateField('user', { name: 'forged', color: '#30638e' })
        onB.provider.awareness.setLocalStateField('user', { name: 'forged too', color: '#d1495b' })
        const userOf = (client: ProviderClient, id: number) =>
          client.provider.awareness.getStates().get(id)?.user as { name?: string } | undefined
        // Each sees the other under the name the server authenticated, not the one the client claimed.
        await waitFor(() => userOf(onB, onA.doc.clientID)?.name === 'owner of Instances', {
          what: 'A’s presence on B',
        })
        await waitFor(() => userOf(onA, onB.doc.clientID)?.name === 'talent of Instances', {
          what: 'B’s presence on A',
        })
        const aId = onA.doc.clientID
        onA.destroy()
        await waitFor(() => !onB.provider.awareness.getStates().has(aId), {
          what: 'A’s presence withdrawn on B',
        })
      } finally {
        onA.destroy()
        onB.destroy()
      }
    })

    it('shows someone joining on B who is already on A, without waiting for a renewal', async () => {
      const onA = await syncedProvider(a(), team.documents.feedback, team.tokens.owner)
      onA.provider.awareness.setLocalStateField('user', { name: 'x', color: '#30638e' })
      await sleep(300)
      // B has not loaded this document yet: its room starts now, after A's presence was announced.
      const onB = await syncedProvider(b(), team.documents.feedback, team.tokens.talent)
      try {
        await waitFor(() => onB.provider.awareness.getStates().has(onA.doc.clientID), {
          timeoutMs: 3000,
          what: 'A’s presence at a newcomer on B',
        })
      } finally {
        onA.destroy()
        onB.destroy()
      }
    })

    it('lists through either instance who is on a sheet through either, and who left', async () => {
      const activeVia = async (server: typeof a) => {
        const program = Program.parse(
          (await apiRequest(server(), 'GET', `/api/programs/${team.programId}`)).body
        )
        const summary = program.teams.find((t) => t.id === team.teamId)!
        return summary.activeNow.map((p) => p.name).sort()
      }
      const waitForActive = async (expected: string[], what: string) => {
        const deadline = Date.now() + 5000
        let seen: string[][] = []
        while (Date.now() < deadline) {
          seen = [await activeVia(a), await activeVia(b)]
          if (seen.every((names) => names.join() === expected.join())) return
          await sleep(50)
        }
        throw new Error(`${what}: A and B list ${JSON.stringify(seen)}`)
      }
      const onA = await syncedProvider(a(), team.documents.spec, team.tokens.owner)
      const onB = await syncedProvider(b(), team.documents.spec, team.tokens.talent)
      try {
        await waitForActive(['owner of Instances', 'talent of Instances'], 'both here')
        onB.destroy()
        await waitForActive(['owner of Instances'], 'the talent left B')
      } finally {
        onA.destroy()
        onB.destroy()
      }
      await waitForActive([], 'everyone left')
    })

    it('keeps a reviewer read-only whichever instance they reach', async () => {
      const member = await syncedProvider(a(), team.documents.spec, team.tokens.owner)
      const reviewers = [
        await syncedProvider(a(), team.documents.spec, team.tokens.reviewer),
        await syncedProvider(b(), team.documents.spec, team.tokens.reviewer),
      ]
      try {
        reviewers.forEach((r, i) => notesText(r.doc).insert(0, `[REVIEWER-WRITE-${i}]`))
        // A member's edit afterwards crosses; the reviewers' never do.
        notesText(member.doc).insert(0, '[MEMBER-AFTER]')
        for (const r of reviewers)
          await waitFor(() => notesText(r.doc).toString().includes('[MEMBER-AFTER]'), {
            what: 'the member’s edit at each reviewer',
          })
        await sleep(200)
        expect(notesText(member.doc).toString()).not.toContain('REVIEWER-WRITE')
        for (const server of [a(), b()]) {
          const fresh = await syncedProvider(server, team.documents.spec, team.tokens.caretaker)
          expect(notesText(fresh.doc).toString()).not.toContain('REVIEWER-WRITE')
          expect(notesText(fresh.doc).toString()).toContain('[MEMBER-AFTER]')
          fresh.destroy()
        }
      } finally {
        member.destroy()
        for (const r of reviewers) r.destroy()
      }
    })

    it('closes on B the audience sockets of a share link revoked on A', async () => {
      const link = ShareLink.parse(
        (
          await apiRequest(a(), 'POST', `/api/teams/${team.teamId}/share-links`, {
            token: team.tokens.caretaker,
            body: {},
          })
        ).body
      )
      const watchingOnB = connectProvider(b(), team.documents.stage, link.token!)
      const memberOnB = await syncedProvider(b(), team.documents.stage, team.tokens.talent)
      try {
        await waitFor(() => watchingOnB.provider.synced, { what: 'the viewer on B' })
        const revoked = await apiRequest(a(), 'DELETE', `/api/share-links/${link.id}`, {
          token: team.tokens.caretaker,
        })
        expect(revoked.status).toBe(204)
        await waitFor(() => watchingOnB.closes.some((c) => c.code === CLOSE_CODE.unauthorized), {
          what: 'the viewer on B let go',
        })
        expect(memberOnB.closes).toEqual([])
      } finally {
        watchingOnB.destroy()
        memberOnB.destroy()
      }
    })

    it('holds one reaction budget per viewer across instances', async () => {
      const link = ShareLink.parse(
        (
          await apiRequest(a(), 'POST', `/api/teams/${team.teamId}/share-links`, {
            token: team.tokens.caretaker,
            body: {},
          })
        ).body
      )
      // The viewer's id is issued by A (a signed cookie) and counts once it is a moment old.
      const opened = await fetch(`${a().url}/api/audience/${link.token}`)
      const cookie = opened.headers.get('set-cookie')!.split(';')[0]!
      await sleep(1100)
      const react = (server: typeof a) =>
        fetch(`${server().url}/api/audience/${link.token}/reactions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ teamId: team.teamId, kind: 'clap' }),
        }).then((r) => r.status)
      // The burst is three per viewer: alternating instances, the budget is spent as fast as on one
      // (two separate budgets would let six through).
      const statuses = []
      for (let i = 0; i < 8; i++) statuses.push(await react(i % 2 === 0 ? a : b))
      const accepted = statuses.filter((s) => s === 202).length
      expect(accepted).toBeGreaterThanOrEqual(3)
      expect(accepted).toBeLessThanOrEqual(4)
      expect(statuses.slice(-2)).toEqual([429, 429])
    })

    it('counts the audience of both instances on the stage', async () => {
      const link = ShareLink.parse(
        (
          await apiRequest(a(), 'POST', `/api/teams/${team.teamId}/share-links`, {
            token: team.tokens.caretaker,
            body: {},
          })
        ).body
      )
      const viewers = [
        ...[0, 1].map(() => connectProvider(a(), team.documents.stage, link.token!)),
        ...[0, 1, 2].map(() => connectProvider(b(), team.documents.stage, link.token!)),
      ]
      const presenter = await syncedProvider(a(), team.documents.stage, team.tokens.talent)
      const shown = () => presenter.doc.getMap(STAGE_MAP).get(STAGE_KEYS.viewers)
      try {
        await waitFor(() => shown() === 5, { timeoutMs: 10_000, what: 'five viewers over A and B' })
        for (const v of viewers.splice(3)) v.destroy()
        await waitFor(() => shown() === 3, { timeoutMs: 10_000, what: 'three viewers left' })
      } finally {
        for (const v of viewers) v.destroy()
        presenter.destroy()
      }
    })
  }
)
