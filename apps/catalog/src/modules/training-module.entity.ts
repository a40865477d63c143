import type { Modality, ModuleCategory, ModuleKind, ModuleOrigin, ModuleStatus, TargetProfile, TrainerType } from '@forma/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type { ModuleStatus };

const hours = { to: (v: number) => v, from: (v: string) => Number(v) };

export interface ModuleResource {
  title: string;
  url: string;
}

/** A training module (or parcours) of the offer; each published revision is also kept in `module_revision`. */
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
  @Column('text', { array: true }) themes!: string[];
  @Column('text', { nullable: true }) trainerType!: TrainerType | null;
  @Column('text') origin!: ModuleOrigin;
  @Column('jsonb') resources!: ModuleResource[];
  @Column('text', { nullable: true }) pedagogicalOwner!: string | null;
  @Column('numeric', { precision: 6, scale: 2, transformer: hours }) faceToFaceHours!: number;
  @Column('numeric', { precision: 6, scale: 2, transformer: hours }) distanceSynchronousHours!: number;
  @Column('numeric', { precision: 6, scale: 2, transformer: hours }) distanceAsynchronousHours!: number;
  @Column('int', { nullable: true }) maxParticipantsPerSession!: number | null;
  @Column('text') academy!: string;
  @Column('text') searchText!: string;
  @Column('text', { nullable: true }) gaiaDispositif!: string | null;
  @Column('int', { nullable: true }) gaiaModuleNumber!: number | null;
  /** `<scope>:<dispositif>:<module>`; scope is `N` for a national dispositif, else the académie. */
  @Column('text', { nullable: true }) gaiaKey!: string | null;
  @Column('text', { nullable: true }) gaiaHash!: string | null;
  @Column('text') createdBy!: string;
  @Column('timestamptz', { nullable: true }) publishedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) archivedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  /** Optimistic locking: ETag / If-Match. */
  @VersionColumn() rowVersion!: number;
}

export function totalHours(m: Pick<TrainingModule, 'faceToFaceHours' | 'distanceSynchronousHours' | 'distanceAsynchronousHours'>): number {
  return m.faceToFaceHours + m.distanceSynchronousHours + m.distanceAsynchronousHours;
}
