import type { RequestKind } from '@forma/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type RequestStatus = 'submitted' | 'accepted' | 'refused' | 'withdrawn';

/** A request of seed 003: "mise à disposition" of a parcours, or opening of a module (the DFP form). */
@Entity({ name: 'training_request' })
export class TrainingRequest {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') kind!: RequestKind;
  @Column('text') academy!: string;
  @Column('text') status!: RequestStatus;
  @Column('text') title!: string;
  @Column('jsonb') fields!: Record<string, unknown>;
  @Column('uuid', { nullable: true }) moduleId!: string | null;
  @Column('text', { nullable: true }) decisionReason!: string | null;
  @Column('text') createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() rowVersion!: number;
}

/** Each change of a request's state: who, when, from what, to what, why. */
@Entity({ name: 'training_request_history' })
export class TrainingRequestHistory {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid') requestId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
  @Column('text') actor!: string;
  @Column('text', { nullable: true }) fromStatus!: RequestStatus | null;
  @Column('text') toStatus!: RequestStatus;
  @Column('text', { nullable: true }) note!: string | null;
}
