import { SystemClock } from '@forma/domain';
import { MESSAGING_MIGRATIONS } from '@forma/messaging';
import { EnrolmentConfirmedV1 } from '@forma/contracts';
import { migratedTestDatabase } from '@forma/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ATTENDANCE_MIGRATIONS } from '../migrations';
import { ReplicaRepository } from './replica.repository';

// Confirmations applied in batches (issue 24: an import's 100,000 reached the rosters at ~140 a second, one
// transaction each): one statement per batch, with the single-event semantics kept.
describe('the roster replica, confirmations in batches, on PostgreSQL', () => {
  let close: (() => Promise<void>) | undefined;
  let dataSource: DataSource;
  const replicas = new ReplicaRepository(new SystemClock());
  const session = randomUUID();
  const confirmation = (registrationId: string, extra: Partial<EnrolmentConfirmedV1> = {}): EnrolmentConfirmedV1 =>
    Object.assign(new EnrolmentConfirmedV1(), {
      registrationId,
      sessionId: session,
      moduleId: randomUUID(),
      participantId: randomUUID(),
      mail: ' Camille.Fictive@AC-EXEMPLE.fr ',
      lastName: 'FICTIVE',
      firstName: 'Camille',
      uai: '9730001N',
      kind: 'individual',
      academy: 'guyane',
      confirmedAt: '2026-12-05T08:00:00.000Z',
      ...extra,
    });
  const roster = async (ids: string[]) =>
    (await dataSource.query(
      'SELECT registration_id AS id, mail, last_name AS "lastName", state FROM roster WHERE registration_id = ANY($1::uuid[]) ORDER BY last_name',
      [ids],
    )) as { id: string; mail: string; lastName: string; state: string }[];

  beforeAll(async () => {
    ({ dataSource, close } = await migratedTestDatabase('attendance_roster', [
      ...MESSAGING_MIGRATIONS,
      ...ATTENDANCE_MIGRATIONS,
    ]));
  });

  afterAll(async () => {
    await close?.();
  });

  it('adds a batch of 2,000 in one call, mails lower-cased', async () => {
    const ids = Array.from({ length: 2000 }, () => randomUUID());
    await dataSource.transaction((m) =>
      replicas.confirm(
        m,
        ids.map((id) => confirmation(id)),
      ),
    );
    const rows = await roster(ids);
    expect(rows).toHaveLength(2000);
    expect(new Set(rows.map((r) => `${r.mail}|${r.state}`))).toEqual(
      new Set(['camille.fictive@ac-exemple.fr|confirmed']),
    );
  });

  it('keeps the last of two confirmations of one registration in a batch, and confirms a cancelled line again', async () => {
    const id = randomUUID();
    await dataSource.transaction((m) => replicas.confirm(m, [confirmation(id, { lastName: 'AVANT' })]));
    await dataSource.transaction((m) => replicas.cancel(m, [{ registrationId: id } as never]));
    expect((await roster([id]))[0].state).toBe('cancelled');
    await dataSource.transaction((m) =>
      replicas.confirm(m, [confirmation(id, { lastName: 'PREMIER' }), confirmation(id, { lastName: 'DERNIER' })]),
    );
    expect(await roster([id])).toEqual([expect.objectContaining({ lastName: 'DERNIER', state: 'confirmed' })]);
  });

  it('never writes a name back over an erased line', async () => {
    const id = randomUUID();
    await dataSource.transaction((m) => replicas.confirm(m, [confirmation(id)]));
    await dataSource.query(
      "UPDATE roster SET last_name = 'Personne effacée', erased_at = now() WHERE registration_id = $1",
      [id],
    );
    await dataSource.transaction((m) => replicas.confirm(m, [confirmation(id, { lastName: 'REVENU' })]));
    expect((await roster([id]))[0].lastName).toBe('Personne effacée');
  });
});
