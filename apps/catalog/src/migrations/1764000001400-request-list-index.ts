import { sqlMigration } from '@forma/persistence';

/** Issue 26: an académie's requests listed newest first, a page at a time (`GET /api/v1/requests`). */
export const RequestListIndex1764000001400 = sqlMigration('RequestListIndex1764000001400', {
  up: ['CREATE INDEX training_request_listed ON training_request (academy, created_at DESC, id DESC)'],
  down: ['DROP INDEX training_request_listed'],
});
