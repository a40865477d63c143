import { Client } from 'pg';
import { adminDatabaseUrl, databaseNameOf } from './database-config';

/** Creates the database named by `url` on its server when it does not exist yet. Returns true when it created it. */
export async function ensureDatabase(url: string, adminUrl = adminDatabaseUrl()): Promise<boolean> {
  const name = databaseNameOf(url);
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`refusing to create database with unsafe name "${name}"`);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } catch (error) {
      // Two processes creating the same database at once: the loser sees a duplicate, which is what we wanted.
      if ((error as { code?: string }).code !== '42P04' && (error as { code?: string }).code !== '23505') throw error;
      return false;
    }
    return true;
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(url: string, adminUrl = adminDatabaseUrl()): Promise<void> {
  const name = databaseNameOf(url);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
