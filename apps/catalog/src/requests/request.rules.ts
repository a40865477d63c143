import { Identity, organises } from '@forma/auth/rules';
import { RuleViolation } from '@forma/domain';
import type { RequestStatus } from '../catalog.entities';

/** The requests' workflow (submitted -> accepted | refused | withdrawn), as pure rules. */

const DONE: Record<Exclude<RequestStatus, 'submitted'>, string> = {
  accepted: 'acceptée',
  refused: 'refusée',
  withdrawn: 'retirée',
};

export function assertDecidable(status: RequestStatus): void {
  if (status !== 'submitted')
    throw new RuleViolation('conflict', 'request_already_decided', `Cette demande est déjà ${DONE[status]}.`);
}

export function assertWithdrawable(request: { status: RequestStatus; createdBy: string }, caller: string): void {
  if (request.createdBy !== caller)
    throw new RuleViolation('forbidden', 'not_requester', 'Seul l’auteur de la demande peut la retirer.');
  if (request.status !== 'submitted')
    throw new RuleViolation('conflict', 'request_already_decided', 'Cette demande n’est plus soumise.');
}

export const requestNotFound = (id: string) =>
  new RuleViolation('not_found', 'request_not_found', `Aucune demande ${id} dans votre académie.`);

/**
 * A request is read by its author and by the organisers of its académie (administrators, Canopé, IEN); to anyone else
 * it does not exist.
 */
export function assertReadable(request: { id: string; academy: string; createdBy: string }, caller: Identity): void {
  if (request.createdBy === caller.sub && request.academy === caller.scope.academy) return;
  if (!organises(caller, request.academy)) throw requestNotFound(request.id);
}
