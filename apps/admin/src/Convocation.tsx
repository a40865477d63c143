// A participant's convocation (issue 27): the text their mail carries (objectives, calendar, place, what is expected),
// read in their space, and where the mail stands. Only one of their own confirmed registrations has one.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useQuery } from '@tanstack/react-query';
import { frenchMoment } from './dates';
import { saveFile } from './download';
import { type Problem, refusalText } from './problem';
import { useSession } from './session';

const MAILING: Record<string, string> = {
  pending: 'Le mail de convocation va partir.',
  sending: 'Le mail de convocation est en cours d’envoi.',
  failed: 'Le mail de convocation n’a pas pu être remis : cette page la remplace.',
};

export function Convocation({ registrationId, title }: { registrationId: string; title: string }) {
  const { client } = useSession();
  const convocation = useQuery({
    queryKey: ['my-convocation', registrationId],
    queryFn: async () => {
      const { data, error, response } = await client.GET('/api/v1/registrations/mine/{id}/convocation', {
        params: { path: { id: registrationId } },
      });
      if (!data) throw new Error(refusalText(response.status, error as unknown as Problem));
      return data;
    },
    retry: false,
  });
  if (convocation.isPending) return <p role="status">Chargement de la convocation…</p>;
  if (convocation.isError)
    return <Alert severity="error" small description={convocation.error.message} className="fr-my-2w" />;
  const c = convocation.data;
  return (
    <section className="fr-my-3w" aria-labelledby="convocation-title">
      <h3 id="convocation-title">{`Convocation — ${title}`}</h3>
      <p className="fr-text--sm">
        {c.mailing === 'sent' && c.sentAt
          ? `Envoyée par mail le ${frenchMoment(String(c.sentAt))}.`
          : (MAILING[c.mailing] ?? '')}
      </p>
      <div className="fr-callout">
        <p className="fr-callout__text fr-text--md" style={{ whiteSpace: 'pre-wrap' }}>
          {c.text}
        </p>
      </div>
      <Button
        priority="secondary"
        iconId="fr-icon-download-line"
        onClick={() => saveFile(c.text, `convocation-${registrationId}.txt`, 'text/plain;charset=utf-8')}
      >
        Télécharger la convocation
      </Button>
    </section>
  );
}
