import type { Modality, ModuleCategory, ModuleKind, TargetProfile } from '@forma/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type ModuleStatus = 'draft' | 'published' | 'archived';

/** A training module (or parcours) of the offer, one row per revision (`revision` counts them). */
@Entity({ name: 'training_module' })
export class TrainingModule {
  @PrimaryColumn('uuid') id!: string;
  @Column('int') revision!: number;
  @Column('text') status!: ModuleStatus;
  @Column('text') title!: string;
  @Column('text', { nullable: true }) shortTitle!: string | null;
  @Column('text') kind!: ModuleKind;
  @Column('text') category!: ModuleCategory;
  @Column('text') modality!: Modality;
  @Column('text', { array: true }) targetProfiles!: TargetProfile[];
  @Column('numeric', { precision: 6, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  faceToFaceHours!: number;
  @Column('numeric', { precision: 6, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  distanceSynchronousHours!: number;
  @Column('numeric', { precision: 6, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  distanceAsynchronousHours!: number;
  @Column('int', { nullable: true }) maxParticipantsPerSession!: number | null;
  @Column('text') academy!: string;
  @Column('text') createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  /** Optimistic locking: a concurrent writer of the same row gets a conflict. */
  @VersionColumn() rowVersion!: number;
}
