// The catalog's tables as TypeORM entities, in one place beside the migrations that create them (catalog's persistence
// style: writes go through these entities; see docs/architecture.md). Each capability's repository uses its own.
import type { TrainingPlanLineV1 } from '@forma/contracts';
import type {
  CalendarZone,
  Modality,
  ModuleCategory,
  ModuleKind,
  ModuleOrigin,
  ModuleStatus,
  RequestKind,
  SessionStatus,
  SlotKind,
  TargetProfile,
  TrainerRole,
  TrainerType,
} from '@forma/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { CalendarFinding } from './calendar/calendar.rules';

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

export function totalHours(
  m: Pick<TrainingModule, 'faceToFaceHours' | 'distanceSynchronousHours' | 'distanceAsynchronousHours'>,
): number {
  return m.faceToFaceHours + m.distanceSynchronousHours + m.distanceAsynchronousHours;
}

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

/** The académies (seeded by the migration with their calendar zone and holiday region). */
@Entity({ name: 'academy' })
export class Academy {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('text') zone!: string;
  @Column('text', { nullable: true }) holidayRegion!: string | null;
  @Column('text') timeZone!: string;
}

@Entity({ name: 'department' })
export class Department {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('text') academy!: string;
}

/** A circonscription (an IEN's district). */
@Entity({ name: 'district' })
export class District {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('text') department!: string;
  @Column('text') academy!: string;
}

/** A school (école, EPLE) or another place by its UAI. */
@Entity({ name: 'school' })
export class School {
  @PrimaryColumn('text') uai!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) kind!: string | null;
  @Column('text', { nullable: true }) address!: string | null;
  @Column('text', { nullable: true }) postalCode!: string | null;
  @Column('text', { nullable: true }) city!: string | null;
  @Column('text', { nullable: true }) department!: string | null;
  @Column('text', { nullable: true }) district!: string | null;
  @Column('text') academy!: string;
}

/** A Canopé territorial directorate and the académies it serves. */
@Entity({ name: 'canope_dt' })
export class CanopeDt {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('text', { array: true }) academies!: string[];
}

/**
 * A school vacation imported from the official open-data file (replacing the bundled snapshot for its zone and year).
 */
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

/** A request's states, in the order of its workflow (submitted -> accepted | refused | withdrawn). */
export const REQUEST_STATUSES = ['submitted', 'accepted', 'refused', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

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

/** A GAIA dispositif; `key` is `<scope>:<dispositif>` (scope `N` for a national one, else the académie). */
@Entity({ name: 'gaia_dispositif' })
export class GaiaDispositif {
  @PrimaryColumn('text') key!: string;
  @Column('text') dispositifId!: string;
  @Column('text') name!: string;
  @Column('boolean') national!: boolean;
  @Column('text', { nullable: true }) academy!: string | null;
  @Column('text') sourceTable!: string;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** A GAIA extract's source table, owned by the académie that first imported it. */
@Entity({ name: 'gaia_source_table' })
export class GaiaSourceTable {
  @PrimaryColumn('text') name!: string;
  @Column('text') academy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) claimedAt!: Date;
}

/** A deployment wave of an académie's ENT training plan (seed 001), with its lines (module x profile, forecasts). */
@Entity({ name: 'deployment_wave' })
export class DeploymentWave {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') academy!: string;
  @Column('text') schoolYear!: string;
  @Column('text') code!: string;
  @Column('text') label!: string;
  /** `YYYY-MM-DD` */
  @Column('date') startsOn!: string;
  /** `YYYY-MM-DD` */
  @Column('date') endsOn!: string;
  @Column('boolean') trainTheTrainers!: boolean;
  @Column('jsonb') lines!: TrainingPlanLineV1[];
  @Column('text') createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() rowVersion!: number;
}

/** Every table of the catalog, for the data source. */
export const CATALOG_ENTITIES = [
  TrainingModule,
  ModuleRevision,
  ModulePrerequisite,
  ModuleTrainer,
  TrainingSession,
  Academy,
  Department,
  District,
  School,
  CanopeDt,
  SchoolVacation,
  TrainingRequest,
  TrainingRequestHistory,
  GaiaDispositif,
  GaiaSourceTable,
  DeploymentWave,
];
