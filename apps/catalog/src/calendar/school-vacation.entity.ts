import type { CalendarZone } from '@forma/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A school vacation imported from the official open-data file (replacing the bundled snapshot for its zone and year). */
@Entity({ name: 'school_vacation' })
export class SchoolVacation {
  @PrimaryColumn('text') zone!: CalendarZone;
  @PrimaryColumn('text') schoolYear!: string;
  @PrimaryColumn('text') description!: string;
  /** `YYYY-MM-DD`: the last day of classes. */
  @PrimaryColumn('date') lastClassDay!: string;
  /** `YYYY-MM-DD`: the day classes resume. */
  @Column('date') resumeDay!: string;
  @CreateDateColumn({ type: 'timestamptz' }) importedAt!: Date;
}
