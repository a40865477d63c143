import { sqlMigration } from '@forma/persistence';

/**
 * Issue 22: the hours delivered keep their session's académie (TrainerHoursDelivered carries it), so that a convention
 * counts and pays only its own académie's hours, and a plan line naming another académie's session is refused. Rows
 * received before this version have none and count nowhere: replay attendance's TrainerHoursDelivered to restore them.
 */
export const DeliveredHoursAcademy1764000004100 = sqlMigration('DeliveredHoursAcademy1764000004100', {
  up: ['ALTER TABLE delivered_hours ADD COLUMN academy text'],
  down: ['ALTER TABLE delivered_hours DROP COLUMN academy'],
});
