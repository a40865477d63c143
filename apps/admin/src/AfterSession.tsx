// After the session (issue 27, the trainer's space): who completed the training (and what the others miss), the
// attestations (issued to those who completed, the session's ZIP, one revoked with its reason and replaced), and the
// anonymous evaluation (opened with the ENT sheet's criteria, closed, its results shown only from five answers).
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { frenchDay } from './dates';
import { saveFile } from './download';
import { MOMENTS } from './Impressions';
import { ScrollableTable } from './ScrollableTable';
import { useSession } from './session';
import { OutcomeAlert, outcomeOf } from './outcome';

const OUTCOME: Record<string, string> = {
  completed: 'Terminée',
  already_completed: 'Déjà terminée',
  refused: 'Non terminée',
};
const STATE: Record<string, string> = { pending: 'En production', issued: 'Délivrée', revoked: 'Révoquée' };

export function AfterSession({ sessionId, names }: { sessionId: string; names: Map<string, string> }) {
  const { client } = useSession();
  const queries = useQueryClient();
  const path = { params: { path: { sessionId } } };
  const registrationIds = [...names.keys()];
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const [completions, setCompletions] =
    useState<{ registrationId: string; outcome: string; missing?: { message: string }[] }[]>();
  const [revoking, setRevoking] = useState<string>();
  const [referent, setReferent] = useState({ registrationId: '', concern: '' });
  const [reason, setReason] = useState('');
  const attestations = useQuery({
    queryKey: ['attestations', sessionId],
    queryFn: async () => (await client.GET('/api/v1/attendance/sessions/{sessionId}/attestations', path)).data ?? [],
    // a PDF in production is asked again until it is rendered
    refetchInterval: (q) => (q.state.data?.some((a) => a.state === 'pending') ? 1000 : false),
  });
  const evaluation = useQuery({
    queryKey: ['evaluation', sessionId],
    queryFn: async () => (await client.GET('/api/v1/attendance/sessions/{sessionId}/evaluation', path)).data ?? null,
  });
  const results = useQuery({
    queryKey: ['evaluation-results', sessionId],
    enabled: !!evaluation.data?.closed,
    queryFn: async () => (await client.GET('/api/v1/attendance/sessions/{sessionId}/evaluation/results', path)).data,
  });
  const impressions = useQuery({
    queryKey: ['feedback', sessionId],
    queryFn: async () => (await client.GET('/api/v1/attendance/sessions/{sessionId}/feedback', path)).data,
  });
  const said = (answer: { error?: unknown; response: Response }, done: string) => setOutcome(outcomeOf(answer, done));

  const complete = async () => {
    const answer = await client.POST('/api/v1/attendance/sessions/{sessionId}/completions', {
      ...path,
      body: { registrationIds },
    });
    if (answer.data) setCompletions(answer.data);
    said(answer, 'Formations terminées constatées.');
  };
  const issue = async () => {
    const answer = await client.POST('/api/v1/attendance/sessions/{sessionId}/attestations', {
      ...path,
      body: { registrationIds },
    });
    said(answer, `${answer.data?.issued.length ?? 0} attestation(s) émise(s).`);
    await queries.invalidateQueries({ queryKey: ['attestations', sessionId] });
  };
  const revoke = async (id: string) => {
    const answer = await client.POST('/api/v1/attendance/attestations/{id}/revoke', {
      params: { path: { id } },
      body: { reason: reason.trim(), reissue: true },
    });
    said(
      answer,
      answer.data?.replacement
        ? `Attestation révoquée, remplacée par ${answer.data.replacement.code}.`
        : 'Attestation révoquée.',
    );
    setRevoking(undefined);
    setReason('');
    await queries.invalidateQueries({ queryKey: ['attestations', sessionId] });
  };
  const zip = async () => {
    const answer = await client.GET('/api/v1/attendance/sessions/{sessionId}/attestations.zip', {
      ...path,
      parseAs: 'blob',
    });
    if (answer.data) saveFile(answer.data as Blob, `attestations-${sessionId}.zip`, 'application/zip');
    else said(answer, '');
  };
  const openEvaluation = async () => {
    said(
      await client.PUT('/api/v1/attendance/sessions/{sessionId}/evaluation', { ...path, body: {} }),
      'Évaluation ouverte.',
    );
    await queries.invalidateQueries({ queryKey: ['evaluation', sessionId] });
  };
  const closeEvaluation = async () => {
    said(await client.POST('/api/v1/attendance/sessions/{sessionId}/evaluation/close', path), 'Évaluation close.');
    await queries.invalidateQueries({ queryKey: ['evaluation', sessionId] });
  };

  return (
    <section className="fr-mt-6w" aria-labelledby="after-title">
      <h2 id="after-title">Après la session</h2>
      <OutcomeAlert outcome={outcome} />
      <h3>Formations terminées</h3>
      <Button priority="secondary" onClick={() => void complete()}>
        Constater les formations terminées
      </Button>
      {completions && (
        <ScrollableTable
          caption="Formations terminées"
          noCaption
          headers={['Participant', 'Résultat', 'Ce qui manque']}
          data={completions.map((c) => [
            names.get(c.registrationId) ?? c.registrationId,
            OUTCOME[c.outcome] ?? c.outcome,
            c.missing?.map((m) => m.message).join(' ; ') || '—',
          ])}
        />
      )}

      <h3 className="fr-mt-4w">Attestations</h3>
      <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <Button priority="secondary" onClick={() => void issue()}>
          Émettre les attestations
        </Button>
        {!!attestations.data?.length && (
          <Button priority="secondary" iconId="fr-icon-download-line" onClick={() => void zip()}>
            Toutes les attestations (ZIP)
          </Button>
        )}
      </div>
      {!!attestations.data?.length && (
        <ScrollableTable
          caption="Attestations de la session"
          noCaption
          headers={['Participant', 'Code', 'État', 'Action']}
          data={attestations.data.map((a) => [
            `${a.person.lastName} ${a.person.firstName}`,
            a.code,
            `${STATE[a.state] ?? a.state}${a.revokeReason ? ` : ${a.revokeReason}` : ''}`,
            a.state === 'issued' ? (
              revoking === a.id ? (
                <form
                  key="revoke"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void revoke(a.id);
                  }}
                >
                  <Input
                    label={`Motif de la révocation de ${a.code}`}
                    nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }}
                  />
                  <Button type="submit" size="small" disabled={!reason.trim()}>
                    Révoquer et remplacer
                  </Button>
                </form>
              ) : (
                <Button
                  key="revoke"
                  size="small"
                  priority="tertiary"
                  nativeButtonProps={{ 'aria-label': `Révoquer l’attestation ${a.code}` }}
                  onClick={() => setRevoking(a.id)}
                >
                  Révoquer
                </Button>
              )
            ) : (
              '—'
            ),
          ])}
        />
      )}

      <h3 className="fr-mt-4w">Impressions des participants</h3>
      {impressions.data && impressions.data.feedback.length === 0 && <p>Aucune impression pour l’instant.</p>}
      {!!impressions.data?.feedback.length && (
        <ScrollableTable
          caption="Impressions des participants"
          noCaption
          headers={['Participant', 'Moment', 'Le', 'Impression']}
          data={impressions.data.feedback.map((f) => [f.name ?? '—', MOMENTS[f.moment], frenchDay(f.givenOn), f.text])}
        />
      )}

      <h3 className="fr-mt-4w">Enseignants référents</h3>
      <p className="fr-text--sm">Pour la phase de pratique : qui relaie l’usage de l’ENT, et sur quoi.</p>
      {!!impressions.data?.referents.length && (
        <ul>
          {impressions.data.referents.map((r) => (
            <li key={`${r.registrationId}-${r.concern}`}>{`${r.name ?? '—'} : ${r.concern}`}</li>
          ))}
        </ul>
      )}
      <form
        className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom"
        onSubmit={(e) => {
          e.preventDefault();
          void (async () => {
            said(
              await client.POST('/api/v1/attendance/sessions/{sessionId}/referents', {
                ...path,
                body: { registrationId: referent.registrationId, concern: referent.concern.trim() },
              }),
              'Enseignant référent désigné.',
            );
            setReferent({ registrationId: '', concern: '' });
            await queries.invalidateQueries({ queryKey: ['feedback', sessionId] });
          })();
        }}
      >
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Participant"
            nativeSelectProps={{
              value: referent.registrationId,
              onChange: (e) => setReferent({ ...referent, registrationId: e.target.value }),
            }}
          >
            <option value="">Choisir</option>
            {[...names].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Référent pour"
            nativeInputProps={{
              value: referent.concern,
              onChange: (e) => setReferent({ ...referent, concern: e.target.value }),
            }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Button type="submit" disabled={!referent.registrationId || !referent.concern.trim()}>
            Désigner
          </Button>
        </div>
      </form>

      <h3 className="fr-mt-4w">Évaluation anonyme</h3>
      {evaluation.data === null && (
        <Button priority="secondary" onClick={() => void openEvaluation()}>
          Ouvrir l’évaluation (critères de la fiche Formation ENT)
        </Button>
      )}
      {evaluation.data && (
        <p>
          {`${evaluation.data.items.length} question(s) ; ${evaluation.data.respondents} réponse(s) ; ${evaluation.data.closed ? 'close' : 'ouverte'}.`}
        </p>
      )}
      {evaluation.data && !evaluation.data.closed && (
        <Button priority="secondary" onClick={() => void closeEvaluation()}>
          Clore l’évaluation
        </Button>
      )}
      {results.data && results.data.suppressed && <Alert severity="info" small description={results.data.reason} />}
      {results.data && !results.data.suppressed && (
        <ScrollableTable
          caption="Résultats de l’évaluation"
          headers={['Question', 'Moyenne (1 à 4)', 'Réponses']}
          data={results.data.items.map((i) => [
            i.label,
            i.mean.toFixed(2).replace('.', ','),
            Object.entries(i.counts)
              .map(([value, n]) => `${value} : ${n}`)
              .join(', '),
          ])}
        />
      )}
    </section>
  );
}
