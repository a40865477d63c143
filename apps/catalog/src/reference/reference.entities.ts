import { Column, Entity, PrimaryColumn } from 'typeorm';

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

export const REFERENCE_ENTITIES = [Academy, Department, District, School, CanopeDt];
