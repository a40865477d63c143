import { EntityManager } from 'typeorm';

/** A school as the catalog announces it (`SchoolRegistered`), with where it sits: district, department, académie. */
export interface SchoolPlace {
  uai: string;
  name: string;
  academy: string;
  district?: string | null;
  department?: string | null;
}

/**
 * Keeps a service's `school_replica` row (uai, name, academy, district, department) as the catalog last announced it,
 * in the caller's transaction. Every service that scopes by school holds such a table, created by its own migration.
 */
export async function upsertSchoolReplica(manager: EntityManager, s: SchoolPlace): Promise<void> {
  await manager.query(
    `INSERT INTO school_replica (uai, name, academy, district, department) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (uai) DO UPDATE SET name = EXCLUDED.name, academy = EXCLUDED.academy, district = EXCLUDED.district,
       department = EXCLUDED.department`,
    [s.uai, s.name, s.academy, s.district ?? null, s.department ?? null],
  );
}
