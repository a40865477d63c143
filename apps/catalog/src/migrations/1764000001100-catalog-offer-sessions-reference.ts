import { MigrationInterface, QueryRunner } from 'typeorm';
import { ACADEMIES } from '../calendar/academies';

/**
 * The whole offer: module content and revisions, prerequisites, sessions, GAIA keys, reference data, calendar,
 * requests.
 */
export class CatalogOfferSessionsReference1764000001100 implements MigrationInterface {
  name = 'CatalogOfferSessionsReference1764000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE training_module
        ADD COLUMN themes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN trainer_type text,
        ADD COLUMN origin text NOT NULL DEFAULT 'academie',
        ADD COLUMN resources jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN pedagogical_owner text,
        ADD COLUMN search_text text NOT NULL DEFAULT '',
        ADD COLUMN gaia_dispositif text,
        ADD COLUMN gaia_module_number integer,
        ADD COLUMN gaia_key text UNIQUE,
        ADD COLUMN gaia_hash text,
        ADD COLUMN published_at timestamptz,
        ADD COLUMN archived_at timestamptz`);
    await q.query(
      `UPDATE training_module SET published_at = created_at, search_text = title || ' ' || coalesce(short_title, '') WHERE status = 'published'`,
    );
    await q.query(
      `CREATE INDEX training_module_search ON training_module USING gin (to_tsvector('french', search_text))`,
    );
    await q.query('CREATE INDEX training_module_status ON training_module (status, title, id)');
    await q.query(`
      CREATE TABLE module_revision (
        module_id uuid NOT NULL REFERENCES training_module (id),
        revision integer NOT NULL,
        snapshot jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (module_id, revision)
      )`);
    await q.query(`INSERT INTO module_revision (module_id, revision, snapshot, published_at)
      SELECT id, revision, to_jsonb(m) - 'row_version', created_at FROM training_module m WHERE status = 'published'`);
    await q.query(`
      CREATE TABLE module_prerequisite (
        module_id uuid NOT NULL REFERENCES training_module (id),
        required_module_id uuid NOT NULL REFERENCES training_module (id),
        PRIMARY KEY (module_id, required_module_id),
        CHECK (module_id <> required_module_id)
      )`);
    await q.query(`
      CREATE TABLE module_trainer (
        module_id uuid NOT NULL REFERENCES training_module (id),
        mail text NOT NULL,
        last_name text NOT NULL,
        first_name text NOT NULL,
        source text NOT NULL,
        PRIMARY KEY (module_id, mail)
      )`);
    await q.query(`
      CREATE TABLE gaia_dispositif (
        key text PRIMARY KEY,
        dispositif_id text NOT NULL,
        name text NOT NULL,
        national boolean NOT NULL,
        academy text,
        source_table text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE training_session (
        id uuid PRIMARY KEY,
        module_id uuid NOT NULL REFERENCES training_module (id),
        module_revision integer NOT NULL,
        academy text NOT NULL,
        group_number text NOT NULL CHECK (length(group_number) BETWEEN 1 AND 2),
        label text,
        place_uai text,
        place_label text,
        place_address text,
        capacity integer NOT NULL CHECK (capacity > 0),
        trainers jsonb NOT NULL DEFAULT '[]',
        slots jsonb NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        distance_ends_on date,
        zone text NOT NULL,
        status text NOT NULL CHECK (status IN ('planned', 'open', 'full', 'delivered', 'cancelled')),
        cancel_reason text,
        warnings jsonb NOT NULL DEFAULT '[]',
        gaia_key text UNIQUE,
        gaia_session_id integer,
        gaia_hash text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        row_version integer NOT NULL,
        CHECK (ends_on >= starts_on)
      )`);
    await q.query('CREATE INDEX training_session_module ON training_session (module_id, starts_on)');
    await q.query('CREATE INDEX training_session_dates ON training_session (starts_on, ends_on)');
    await q.query(`
      CREATE TABLE academy (
        code text PRIMARY KEY,
        name text NOT NULL,
        zone text NOT NULL,
        holiday_region text,
        time_zone text NOT NULL
      )`);
    for (const a of ACADEMIES) {
      await q.query('INSERT INTO academy (code, name, zone, holiday_region, time_zone) VALUES ($1, $2, $3, $4, $5)', [
        a.code,
        a.name,
        a.zone,
        a.holidayRegion,
        a.timeZone,
      ]);
    }
    await q.query(`
      CREATE TABLE department (
        code text PRIMARY KEY,
        name text NOT NULL,
        academy text NOT NULL REFERENCES academy (code)
      )`);
    await q.query(`
      CREATE TABLE district (
        code text PRIMARY KEY,
        name text NOT NULL,
        department text NOT NULL REFERENCES department (code),
        academy text NOT NULL REFERENCES academy (code)
      )`);
    await q.query(`
      CREATE TABLE school (
        uai text PRIMARY KEY,
        name text NOT NULL,
        kind text,
        address text,
        postal_code text,
        city text,
        department text REFERENCES department (code),
        district text REFERENCES district (code),
        academy text NOT NULL REFERENCES academy (code)
      )`);
    await q.query('CREATE INDEX school_academy ON school (academy, name)');
    await q.query(`
      CREATE TABLE canope_dt (
        code text PRIMARY KEY,
        name text NOT NULL,
        academies text[] NOT NULL
      )`);
    await q.query(`
      CREATE TABLE school_vacation (
        zone text NOT NULL,
        school_year text NOT NULL,
        description text NOT NULL,
        last_class_day date NOT NULL,
        resume_day date NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (zone, school_year, description, last_class_day),
        CHECK (resume_day > last_class_day)
      )`);
    await q.query(`
      CREATE TABLE training_request (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('parcours-provision', 'module-opening')),
        academy text NOT NULL,
        status text NOT NULL CHECK (status IN ('submitted', 'accepted', 'refused', 'withdrawn')),
        title text NOT NULL,
        fields jsonb NOT NULL,
        module_id uuid REFERENCES training_module (id),
        decision_reason text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        row_version integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE training_request_history (
        id bigserial PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES training_request (id),
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        note text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'training_request_history',
      'training_request',
      'school_vacation',
      'canope_dt',
      'school',
      'district',
      'department',
      'academy',
      'training_session',
      'gaia_dispositif',
      'module_trainer',
      'module_prerequisite',
      'module_revision',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE training_module DROP COLUMN themes, DROP COLUMN trainer_type, DROP COLUMN origin,
      DROP COLUMN resources, DROP COLUMN pedagogical_owner, DROP COLUMN search_text, DROP COLUMN gaia_dispositif,
      DROP COLUMN gaia_module_number, DROP COLUMN gaia_key, DROP COLUMN gaia_hash, DROP COLUMN published_at,
      DROP COLUMN archived_at`);
  }
}
