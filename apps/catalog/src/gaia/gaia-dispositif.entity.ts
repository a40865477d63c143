import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

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
