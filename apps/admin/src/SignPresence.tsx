// A participant signs their presence from their own phone (issue 27): the QR code on the trainer's screen opens this
// page with the session, the half-day and the code in its address; signed in with their own account, they confirm.
// The API checks the code's window, the half-day's hours and that they are registered; a refusal is said in French.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { partLabel } from './Emargement';
import { type Problem, refusalText } from './problem';
import { useSession } from './session';
import type { SigningLink } from './signing-link';

const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

export function SignPresence({ link }: { link: SigningLink }) {
  const { client, caller } = useSession();
  const sheet = useQuery({
    queryKey: ['attendance-sheet', link.sessionId],
    queryFn: async () =>
      (await client.GET('/api/v1/attendance/sessions/{sessionId}', { params: { path: { sessionId: link.sessionId } } }))
        .data,
  });
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const part = sheet.data?.parts.find((p) => p.slotIndex === link.slotIndex && p.part === link.part);
  const sign = async () => {
    const { data, error, response } = await client.POST('/api/v1/attendance/sessions/{sessionId}/signatures', {
      params: { path: { sessionId: link.sessionId } },
      body: { method: 'code', slotIndex: link.slotIndex, part: link.part, code: link.code },
    });
    setOutcome(
      data
        ? { ok: true, text: `Votre présence est signée, à ${TIME.format(new Date(data.signedAt))}.` }
        : { ok: false, text: refusalText(response.status, error as unknown as Problem) },
    );
  };
  return (
    <section aria-labelledby="sign-title">
      <h1 id="sign-title">Signer ma présence</h1>
      {caller?.role !== 'participant' ? (
        <Alert
          severity="info"
          small
          description="Ce lien sert aux participants : connectez-vous avec votre propre compte pour signer."
        />
      ) : (
        <>
          {sheet.data && (
            <p>
              <strong>{sheet.data.title}</strong> — groupe {sheet.data.groupNumber}
              {part && (
                <>
                  <br />
                  {partLabel(part)}
                </>
              )}
            </p>
          )}
          {sheet.isError && (
            <Alert
              severity="error"
              small
              description="Vous n’êtes pas inscrit(e) à cette session."
              className="fr-mb-2w"
            />
          )}
          <div aria-live="polite">
            {outcome && (
              <Alert
                severity={outcome.ok ? 'success' : 'error'}
                title={outcome.ok ? 'Présence signée' : 'Signature refusée'}
                description={outcome.text}
                className="fr-mb-2w"
              />
            )}
          </div>
          {!outcome?.ok && (
            <Button size="large" iconId="fr-icon-edit-line" onClick={() => void sign()}>
              Je signe ma présence
            </Button>
          )}
        </>
      )}
    </section>
  );
}
