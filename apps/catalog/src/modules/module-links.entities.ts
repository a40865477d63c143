import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A published revision of a module, as sessions planned with it see it (a snapshot of the module's response). */
@Entity({ name: 'module_revision' })
export class ModuleRevision {
  @PrimaryColumn('uuid') moduleId!: string;
  @PrimaryColumn('int') revision!: number;
  @Column('jsonb') snapshot!: object;
  @Column('timestamptz', { default: () => 'now()' }) publishedAt!: Date;
}

/** An edge of the prerequisite graph: `moduleId` requires `requiredModuleId` (seed 000: M2 requires M1). */
@Entity({ name: 'module_prerequisite' })
export class ModulePrerequisite {
  @PrimaryColumn('uuid') moduleId!: string;
  @PrimaryColumn('uuid') requiredModuleId!: string;
}

/** A trainer of a module, as GAIA's trainers extract names them. */
@Entity({ name: 'module_trainer' })
export class ModuleTrainer {
  @PrimaryColumn('uuid') moduleId!: string;
  @PrimaryColumn('text') mail!: string;
  @Column('text') lastName!: string;
  @Column('text') firstName!: string;
  @Column('text') source!: string;
}
