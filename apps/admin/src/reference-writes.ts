// The reference data's write routes, apart from its screen: the navigation reads them without loading the screen.
/** The routes that write each kind of entry: a role allowed none of them is not offered the page. */
export const REFERENCE_WRITES = [
  'PUT /api/v1/reference/departments/{code}',
  'PUT /api/v1/reference/districts/{code}',
  'PUT /api/v1/reference/schools/{uai}',
  'PUT /api/v1/reference/canope-dts/{code}',
  'PUT /api/v1/attendance/facilitators/{mail}',
] as const;
