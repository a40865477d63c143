import { Clock } from '@forma/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface PayableLine {
  conventionId: string;
  schoolYear: string;
  uai: string;
  schoolName: string | null;
  serviceFaitAt: Date;
  trainerId: string;
  name: string;
  mail: string;
  grade: string;
  hse: string;
}

/** Payroll batches and their lines, as SQL: a trainer's HSE of a convention are one line, in one batch, ever. */
@Injectable()
export class PaymentRepository {
  constructor(private readonly clock: Clock) {}

  /** The conventions of the académie whose service fait is validated and not yet paid, locked (two exports queue). */
  async payable(
    manager: EntityManager,
    academy: string,
    conventionIds: readonly string[] | null,
  ): Promise<PayableLine[]> {
    await manager.query(
      `SELECT id FROM convention WHERE academy = $1 AND state = 'service-fait' AND validated_at IS NOT NULL AND ($2::uuid[] IS NULL OR id = ANY($2)) ORDER BY id FOR UPDATE`,
      [academy, conventionIds],
    );
    return manager.query(
      `SELECT c.id AS "conventionId", c.school_year AS "schoolYear", c.uai, s.name AS "schoolName", c.service_fait_at AS "serviceFaitAt",
              t.id AS "trainerId", t.name, t.mail, t.grade, t.allocated_hse::text AS hse
         FROM convention c JOIN convention_trainer t ON t.convention_id = c.id
         LEFT JOIN school_replica s ON s.uai = c.uai
        WHERE c.academy = $1 AND c.state = 'service-fait' AND c.validated_at IS NOT NULL AND ($2::uuid[] IS NULL OR c.id = ANY($2))
          AND t.allocated_hse > 0 AND NOT EXISTS (SELECT 1 FROM payment_line p WHERE p.trainer_id = t.id)
        ORDER BY c.id, t.name`,
      [academy, conventionIds],
    );
  }

  async insertBatch(
    manager: EntityManager,
    b: { id: string; academy: string; csv: string; sha256: string; by: string },
  ): Promise<void> {
    await manager.query(
      'INSERT INTO payment_batch (id, academy, csv, sha256, exported_by) VALUES ($1, $2, $3, $4, $5)',
      [b.id, b.academy, b.csv, b.sha256, b.by],
    );
  }

  async insertLines(
    manager: EntityManager,
    batchId: string,
    lines: readonly {
      trainerId: string;
      conventionId: string;
      grade: string;
      hse: string;
      unitRate: string;
      amount: string;
    }[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO payment_line (trainer_id, batch_id, convention_id, grade, hse, unit_rate, amount)
       SELECT l.trainer_id, $1, l.convention_id, l.grade, l.hse, l.unit_rate, l.amount
         FROM jsonb_to_recordset($2::jsonb) AS l(trainer_id uuid, convention_id uuid, grade text, hse numeric, unit_rate numeric, amount numeric)`,
      [
        batchId,
        JSON.stringify(
          lines.map((l) => ({
            trainer_id: l.trainerId,
            convention_id: l.conventionId,
            grade: l.grade,
            hse: l.hse,
            unit_rate: l.unitRate,
            amount: l.amount,
          })),
        ),
      ],
    );
  }

  async markPaid(manager: EntityManager, conventionIds: readonly string[]): Promise<void> {
    await manager.query(
      "UPDATE convention SET state = 'paid', paid_at = $2, version = version + 1 WHERE id = ANY($1)",
      [conventionIds, this.clock.now()],
    );
  }

  /** The batches that already paid these conventions. */
  async batchesOf(
    manager: EntityManager,
    academy: string,
    conventionIds: readonly string[],
  ): Promise<{ id: string; sha256: string; exportedAt: Date }[]> {
    return manager.query(
      `SELECT DISTINCT b.id, b.sha256, b.exported_at AS "exportedAt" FROM payment_batch b JOIN payment_line p ON p.batch_id = b.id
        WHERE b.academy = $1 AND p.convention_id = ANY($2) ORDER BY b.exported_at`,
      [academy, conventionIds],
    );
  }

  async batch(
    manager: EntityManager,
    id: string,
    academy: string,
  ): Promise<
    { id: string; csv: string; sha256: string; exportedAt: Date; lines: number; totalAmount: string } | undefined
  > {
    const [row] = (await manager.query(
      `SELECT b.id, b.csv, b.sha256, b.exported_at AS "exportedAt", count(p.*)::int AS lines, COALESCE(sum(p.amount), 0)::text AS "totalAmount"
         FROM payment_batch b LEFT JOIN payment_line p ON p.batch_id = b.id WHERE b.id = $1 AND b.academy = $2 GROUP BY b.id`,
      [id, academy],
    )) as { id: string; csv: string; sha256: string; exportedAt: Date; lines: number; totalAmount: string }[];
    return row;
  }
}
