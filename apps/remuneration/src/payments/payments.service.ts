import { Identity } from '@forma/auth';
import { PaymentBatchExported } from '@forma/contracts';
import { sha256Hex, Clock } from '@forma/domain';
import { EventPublisher } from '@forma/messaging';
import { Inject, Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConventionRepository } from '../conventions/convention.repository';
import { hseUnitRate, lineAmount } from '../hse/rates.rules';
import { REMUNERATION_SETTINGS, RemunerationSettings } from '../remuneration.config';
import { PaymentRepository } from './payment.repository';
import { payrollCsv } from './payroll-csv';
import { batchNotFound, notDafpenProduces, notDafpenReads, nothingToPay } from './payments.errors';

export interface BatchView {
  id: string;
  sha256: string;
  lines: number;
  totalAmount: string;
  replayed: boolean;
}

/**
 * Payroll batches: the validated service fait of the caller's académie becomes one "état liquidatif", amounts from the
 * rate table of the day of service fait, exact decimals. A line is paid once: exporting the same conventions again
 * returns the batch that paid them, never a second payment.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly payments: PaymentRepository,
    private readonly conventions: ConventionRepository,
    private readonly events: EventPublisher,
    @Inject(REMUNERATION_SETTINGS) private readonly settings: RemunerationSettings,
    private readonly clock: Clock,
  ) {}

  export(caller: Identity, conventionIds: string[] | undefined): Promise<BatchView> {
    if (!caller.roles.includes('dafpen-admin')) throw notDafpenProduces();
    const academy = caller.scope.academy;
    return this.dataSource.transaction(async (manager) => {
      const payable = await this.payments.payable(manager, academy, conventionIds ?? null);
      if (!payable.length) {
        const already = conventionIds?.length ? await this.payments.batchesOf(manager, academy, conventionIds) : [];
        if (already.length === 1) {
          const batch = (await this.payments.batch(manager, already[0].id, academy))!;
          return {
            id: batch.id,
            sha256: batch.sha256,
            lines: batch.lines,
            totalAmount: batch.totalAmount,
            replayed: true,
          };
        }
        throw nothingToPay();
      }
      const id = randomUUID();
      const lines = payable.map((p) => {
        const unitRate = hseUnitRate(
          this.settings.rates,
          p.grade,
          new Date(p.serviceFaitAt).toISOString().slice(0, 10),
        );
        return {
          ...p,
          unitRate: unitRate.toFixed(2),
          amount: lineAmount(p.hse, unitRate).toFixed(2),
          hse: new Decimal(p.hse).toFixed(2),
        };
      });
      const totalHse = lines.reduce((sum, l) => sum.plus(l.hse), new Decimal(0)).toFixed(2);
      const totalAmount = lines.reduce((sum, l) => sum.plus(l.amount), new Decimal(0)).toFixed(2);
      const csv = payrollCsv(id, lines, { hse: totalHse, amount: totalAmount });
      const sha256 = sha256Hex(csv);
      await this.payments.insertBatch(manager, { id, academy, csv, sha256, by: caller.mail ?? caller.sub });
      await this.payments.insertLines(manager, id, lines);
      const paid = [...new Set(lines.map((l) => l.conventionId))];
      await this.payments.markPaid(manager, paid);
      for (const conventionId of paid) {
        await this.conventions.audit(manager, {
          conventionId,
          entity: 'payment',
          action: 'paid',
          actor: caller.mail ?? caller.sub,
          before: null,
          after: {
            batchId: id,
            lines: lines
              .filter((l) => l.conventionId === conventionId)
              .map((l) => ({ trainer: l.mail, hse: l.hse, amount: l.amount })),
          },
        });
      }
      const conventions = paid.map((conventionId) => {
        const own = lines.filter((l) => l.conventionId === conventionId);
        return {
          conventionId,
          uai: own[0].uai,
          hse: own.reduce((sum, l) => sum.plus(l.hse), new Decimal(0)).toFixed(2),
          amount: own.reduce((sum, l) => sum.plus(l.amount), new Decimal(0)).toFixed(2),
        };
      });
      await this.events.publish(manager, PaymentBatchExported, {
        batchId: id,
        academy,
        lines: lines.length,
        totalHse,
        totalAmount,
        sha256,
        exportedAt: this.clock.now().toISOString(),
        conventions,
      });
      return { id, sha256, lines: lines.length, totalAmount, replayed: false };
    });
  }

  async csv(caller: Identity, id: string): Promise<string> {
    if (!caller.roles.includes('dafpen-admin')) throw notDafpenReads();
    const batch = await this.payments.batch(this.dataSource.manager, id, caller.scope.academy);
    if (!batch) throw batchNotFound(id);
    return batch.csv;
  }
}
