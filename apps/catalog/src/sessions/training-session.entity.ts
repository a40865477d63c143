import type { SessionStatus, SlotKind, TrainerRole } from '@forma/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CalendarFinding } from '../calendar/calendar-rules';

export interface SessionSlot {
  date: string;
  start: string;
  end: string;
  kind: SlotKind;
}

export interface SessionTrainer {
  name: string;
  mail: string | null;
  role: TrainerRole;
}

/** A session of a module revision: groupe, slots, place, capacity, trainers and tutors, status. */
@Entity({ name: 'training_session' })
export class TrainingSession {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') moduleId!: string;
  @Column('int') moduleRevision!: number;
  @Column('text') academy!: string;
  @Column('text') groupNumber!: string;
  @Column('text', { nullable: true }) label!: string | null;
  @Column('text', { nullable: true }) placeUai!: string | null;
  @Column('text', { nullable: true }) placeLabel!: string | null;
  @Column('text', { nullable: true }) placeAddress!: string | null;
  @Column('int') capacity!: number;
  @Column('jsonb') trainers!: SessionTrainer[];
  @Column('jsonb') slots!: SessionSlot[];
  @Column('date') startsOn!: string;
  @Column('date') endsOn!: string;
  @Column('date', { nullable: true }) distanceEndsOn!: string | null;
  @Column('text') zone!: string;
  @Column('text') status!: SessionStatus;
  @Column('text', { nullable: true }) cancelReason!: string | null;
  @Column('jsonb') warnings!: CalendarFinding[];
  @Column('text', { nullable: true }) gaiaKey!: string | null;
  @Column('int', { nullable: true }) gaiaSessionId!: number | null;
  @Column('text', { nullable: true }) gaiaHash!: string | null;
  @Column('text') createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() rowVersion!: number;
}
