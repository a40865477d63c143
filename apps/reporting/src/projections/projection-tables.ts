/**
 * Every table a projection writes: what a rebuild empties before replaying the event log (never the log, never the BI
 * feed).
 */
export const PROJECTION_TABLES = [
  'offer_module',
  'school_replica',
  'canope_dt',
  'area_name',
  'fact_session',
  'fact_registration',
  'presence_mark',
  'presence_rollup',
  'presence_daily',
  'registration_modality',
  'participation_by_profile',
  'participation_by_school_profile',
  'fact_completion',
  'fact_attestation',
  'fact_evaluation',
  'fact_convention',
  'fact_hse',
  'fact_hse_paid',
  'plan_wave',
  'plan_line',
] as const;
