// A session's émargement once its trainer closed it (issue 27): the DAFPEN or a Canopé referent sees when, and
// reopens it with a reason kept in the session's journal; the trainer can mark again. Offered only to the roles whose
// route allows reopening (rights.ts); a session attendance does not hold yet shows nothing.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { frenchMoment } from './dates';
import { ReasonForm } from './ReasonForm';
import { useSession } from './session';

export const REOPEN_ROUTE = 'POST /api/v1/attendance/sessions/{sessionId}/reopen';

const closedAtOf = (sessionId: string) => ['attendance-closed', sessionId];

/** The table's cell: « Close le … » and « Rouvrir », or a dash while the émargement is open (or not yet held). */
export function ClosureCell({
  sessionId,
  group,
  onReopen,
}: {
  sessionId: string;
  group: string;
  onReopen: () => void;
}) {
  const { client } = useSession();
  const sheet = useQuery({
    queryKey: closedAtOf(sessionId),
    queryFn: async () =>
      (await client.GET('/api/v1/attendance/sessions/{sessionId}', { params: { path: { sessionId } } })).data
        ?.closedAt ?? null,
  });
  if (!sheet.data) return <>—</>;
  return (
    <>
      {`Close le ${frenchMoment(sheet.data)}`}
      <br />
      <Button
        size="small"
        priority="secondary"
        nativeButtonProps={{ 'aria-label': `Rouvrir l’émargement de la session ${group}` }}
        onClick={onReopen}
      >
        Rouvrir
      </Button>
    </>
  );
}

/** The reason asked, then the session reopened; the API's refusal said under the field or above the form. */
export function ReopenForm({
  session,
  onCancel,
  onDone,
}: {
  session: { id: string; groupNumber: string; dates: string };
  onCancel: () => void;
  onDone: () => void;
}) {
  const { client } = useSession();
  const queries = useQueryClient();
  return (
    <ReasonForm
      texts={{
        title: `Rouvrir l’émargement de la session ${session.groupNumber} (${session.dates})`,
        explanation:
          'Le formateur ou la formatrice pourra de nouveau noter les présences ; le motif est gardé au journal.',
        label: 'Motif de la réouverture',
        confirm: 'Rouvrir l’émargement',
        keep: 'Laisser close',
        refused: 'Émargement non rouvert',
      }}
      send={(reason) =>
        client.POST('/api/v1/attendance/sessions/{sessionId}/reopen', {
          params: { path: { sessionId: session.id } },
          body: { reason: reason.trim() },
        })
      }
      onDone={async () => {
        await queries.invalidateQueries({ queryKey: closedAtOf(session.id) });
        onDone();
      }}
      onCancel={onCancel}
    />
  );
}
