import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** The channel reporting announces its applied events on (in their transaction: delivered on commit). */
export const BILAN_CHANNEL = 'reporting_changed';

/** Where reporting's log stands (its last sequence), and the announcement of events applied, in SQL. */
@Injectable()
export class BilanChangesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Said in the transaction that applied events of these académies: heard by the listeners when it commits. */
  static async announce(manager: EntityManager, academies: readonly (string | null)[]): Promise<void> {
    const known = [...new Set(academies.filter((a): a is string => !!a))];
    await manager.query(
      `SELECT pg_notify($1, json_build_object('seq', (SELECT max(seq) FROM received_event), 'keys', $2::text[])::text)`,
      [BILAN_CHANNEL, known],
    );
  }

  /** The log's last sequence (0 when empty), as text: a bigint. */
  async position(): Promise<string> {
    const [{ seq }] = (await this.dataSource.query(
      'SELECT COALESCE(max(seq), 0)::text AS seq FROM received_event',
    )) as {
      seq: string;
    }[];
    return seq;
  }

  /** The database's address, for the connection that listens. */
  get url(): string | undefined {
    return (this.dataSource.options as { url?: string }).url;
  }
}
