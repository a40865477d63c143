import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A migration that is only SQL: its name (ending with its timestamp, which orders migrations), the statements `up`
 * runs and those `down` runs to undo them, in order. TypeORM records it under `name`, as it would a class of its own.
 */
export function sqlMigration(name: string, statements: { up: string[]; down: string[] }): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const sql of statements.up) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      for (const sql of statements.down) await q.query(sql);
    }
  };
}
