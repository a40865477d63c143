// A participant's own space (issue 27): my registrations (the module, its days, where my request stands, my rank on
// a waiting list) with their convocations and withdrawing, my attestations to download, and my data (RGPD export). The person is the one
// the token names: nothing here takes another person's identifier.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { frenchDay } from './dates';
import { nameGiven, saveFile } from './download';
import { type Problem, refusalText } from './problem';
import { Convocation } from './Convocation';
import { EvaluationForm } from './EvaluationForm';
import { ImpressionForm } from './Impressions';
import { RegisterMyself } from './RegisterMyself';
import { ScrollableTable } from './ScrollableTable';
import { useSession } from './session';
import { OutcomeAlert, outcomeOf } from './outcome';

const STATES: Record<string, string> = {
  requested: 'Demandée (en attente de décision)',
  confirmed: 'Inscrit(e)',
  waitlisted: 'Liste d’attente',
  cancelled: 'Annulée',
};
const ATTESTATION_STATES: Record<string, string> = {
  pending: 'En préparation',
  issued: 'Délivrée',
  revoked: 'Révoquée',
};

export function MyTrainings() {
  const { client } = useSession();
  const queries = useQueryClient();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const [evaluating, setEvaluating] = useState<{ sessionId: string; title: string }>();
  const [telling, setTelling] = useState<{ sessionId: string; title: string }>();
  const [reading, setReading] = useState<{ registrationId: string; title: string }>();
  const registrations = useQuery({
    queryKey: ['my-registrations'],
    queryFn: async () => (await client.GET('/api/v1/registrations/mine')).data ?? [],
  });
  const attestations = useQuery({
    queryKey: ['my-attestations'],
    queryFn: async () => (await client.GET('/api/v1/attendance/my-attestations')).data ?? [],
  });

  const withdraw = async (id: string, title: string) => {
    const answer = await client.POST('/api/v1/registrations/{id}/cancel', {
      params: { path: { id } },
      body: { reason: 'withdrawn' },
    });
    setOutcome(outcomeOf(answer, `Vous êtes désinscrit(e) de « ${title} ».`));
    await queries.invalidateQueries({ queryKey: ['my-registrations'] });
  };
  const download = async (id: string, code: string) => {
    const { data, response } = await client.GET('/api/v1/attendance/attestations/{id}/pdf', {
      params: { path: { id } },
      parseAs: 'blob',
    });
    // the API's name: the code, with a check character a file name cannot hold written _
    if (data) saveFile(data as Blob, nameGiven(response, `attestation-${code}.pdf`), 'application/pdf');
  };
  const participantId = registrations.data?.[0]?.participantId;
  const exportData = async () => {
    if (!participantId) return;
    const { data, error, response } = await client.GET('/api/v1/people/{id}/export', {
      params: { path: { id: participantId } },
    });
    if (data) saveFile(JSON.stringify(data, null, 2), 'mes-donnees-forma.json', 'application/json');
    else setOutcome({ ok: false, text: refusalText(response.status, error as unknown as Problem) });
  };

  return (
    <section aria-labelledby="mine-title">
      <h1 id="mine-title">Mes formations</h1>
      <OutcomeAlert outcome={outcome} />
      <h2>Mes inscriptions</h2>
      {registrations.data?.length === 0 && <p>Aucune inscription à votre nom dans cette académie.</p>}
      {!!registrations.data?.length && (
        <ScrollableTable
          caption="Mes inscriptions"
          noCaption
          headers={['Formation', 'Jours', 'État', 'Actions']}
          data={registrations.data.map((r) => [
            r.moduleTitle ?? '—',
            r.days.map(frenchDay).join(', ') || '—',
            `${STATES[r.state] ?? r.state}${r.position ? ` (rang ${r.position})` : ''}`,
            r.state === 'cancelled' ? (
              '—'
            ) : (
              <div key="actions" className="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
                {r.state === 'confirmed' && (
                  <Button
                    size="small"
                    priority="secondary"
                    nativeButtonProps={{ 'aria-label': `Ma convocation à ${r.moduleTitle ?? 'cette formation'}` }}
                    onClick={() => setReading({ registrationId: r.id, title: r.moduleTitle ?? 'la formation' })}
                  >
                    Ma convocation
                  </Button>
                )}
                {r.state === 'confirmed' && (
                  <Button
                    size="small"
                    priority="secondary"
                    nativeButtonProps={{ 'aria-label': `Évaluer ${r.moduleTitle ?? 'cette formation'}` }}
                    onClick={() => setEvaluating({ sessionId: r.sessionId, title: r.moduleTitle ?? 'la formation' })}
                  >
                    Évaluer
                  </Button>
                )}
                {r.state === 'confirmed' && (
                  <Button
                    size="small"
                    priority="secondary"
                    nativeButtonProps={{
                      'aria-label': `Donner mon impression sur ${r.moduleTitle ?? 'cette formation'}`,
                    }}
                    onClick={() => setTelling({ sessionId: r.sessionId, title: r.moduleTitle ?? 'la formation' })}
                  >
                    Mon impression
                  </Button>
                )}
                <Button
                  key="withdraw"
                  size="small"
                  priority="secondary"
                  nativeButtonProps={{ 'aria-label': `Me désinscrire de ${r.moduleTitle ?? 'cette formation'}` }}
                  onClick={() => void withdraw(r.id, r.moduleTitle ?? 'cette formation')}
                >
                  Me désinscrire
                </Button>
              </div>
            ),
          ])}
        />
      )}
      {reading && <Convocation key={reading.registrationId} {...reading} />}
      {evaluating && <EvaluationForm key={evaluating.sessionId} {...evaluating} />}
      {telling && <ImpressionForm key={telling.sessionId} {...telling} />}
      <RegisterMyself onRegistered={() => void queries.invalidateQueries({ queryKey: ['my-registrations'] })} />
      <h2 className="fr-mt-4w">Mes attestations</h2>
      {attestations.data?.length === 0 && <p>Aucune attestation pour l’instant : elle suit la fin de la formation.</p>}
      {!!attestations.data?.length && (
        <ScrollableTable
          caption="Mes attestations"
          noCaption
          headers={['Formation', 'Dates', 'Code de vérification', 'État', 'Document']}
          data={attestations.data.map((a) => [
            a.training.title,
            a.dates.from === a.dates.to
              ? frenchDay(a.dates.from)
              : `du ${frenchDay(a.dates.from)} au ${frenchDay(a.dates.to)}`,
            a.code,
            ATTESTATION_STATES[a.state] ?? a.state,
            a.state === 'issued' ? (
              <Button
                key="download"
                size="small"
                priority="secondary"
                iconId="fr-icon-download-line"
                nativeButtonProps={{ 'aria-label': `Télécharger l’attestation ${a.code}` }}
                onClick={() => void download(a.id, a.code)}
              >
                Télécharger
              </Button>
            ) : (
              '—'
            ),
          ])}
        />
      )}
      <h2 className="fr-mt-4w">Mes données</h2>
      <p>Ce que Forma garde sur vous (RGPD, droit d’accès) : un fichier JSON.</p>
      <Button
        priority="secondary"
        iconId="fr-icon-download-line"
        disabled={!participantId}
        onClick={() => void exportData()}
      >
        Télécharger mes données
      </Button>
    </section>
  );
}
