// The half-day's rotating code (issue 27), shown on the trainer's screen as a QR code for participants' own phones:
// asked again when the API says it is renewed (every 30 seconds), with the code in letters for a phone that cannot
// scan. The API refuses it outside the half-day (and 15 minutes before), which is said here.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { components } from '@forma/api-client';
import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { partLabel } from './Emargement';
import { type Problem, refusalText } from './problem';
import { useSession } from './session';

type Part = components['schemas']['SessionSheet']['parts'][number];

/** Where a participant's phone lands: the app's signing page, the session, half-day and code in the address. */
export const signingAddress = (sessionId: string, part: Pick<Part, 'slotIndex' | 'part'>, code: string) =>
  `${window.location.origin}/#signer/${sessionId}/${part.slotIndex}/${part.part}/${code}`;

export function SigningCode({ sessionId, part }: { sessionId: string; part: Part }) {
  const { client } = useSession();
  const code = useQuery({
    queryKey: ['signing-code', sessionId, part.slotIndex, part.part],
    queryFn: async () => {
      const { data, error, response } = await client.GET('/api/v1/attendance/sessions/{sessionId}/signing-code', {
        params: { path: { sessionId }, query: { slotIndex: part.slotIndex, part: part.part } },
      });
      if (!data) throw new Error(refusalText(response.status, error as unknown as Problem));
      return data;
    },
    // the next code when this one's window ends (a stopped clock gives the same code again: asked every 30 s)
    refetchInterval: (query) =>
      query.state.data ? Math.max(1000, Math.min(30000, Date.parse(query.state.data.renewAt) - Date.now())) : false,
    retry: false,
  });
  const [image, setImage] = useState<string>();
  const address = code.data && signingAddress(sessionId, part, code.data.code);
  useEffect(() => {
    if (address) void QRCode.toDataURL(address, { margin: 2, width: 260, errorCorrectionLevel: 'M' }).then(setImage);
  }, [address]);
  if (code.error) return <Alert severity="warning" small description={code.error.message} className="fr-my-2w" />;
  if (!code.data || !image) return <p role="status">Code en préparation…</p>;
  return (
    <figure className="fr-my-2w" aria-labelledby="signing-code-caption">
      <img
        src={image}
        width={260}
        height={260}
        style={{ maxWidth: '100%', height: 'auto' }}
        alt={`QR code de signature : ${address}`}
      />
      <figcaption id="signing-code-caption">
        <p className="fr-mb-1v">
          Signature de présence — {partLabel(part)}. Chaque participant scanne ce code avec son téléphone, ou saisit :
        </p>
        <p className="fr-h3 fr-mb-1v" aria-label={`Code : ${code.data.code.split('').join(' ')}`}>
          {code.data.code}
        </p>
        <p className="fr-text--sm">Le code change toutes les 30 secondes.</p>
      </figcaption>
    </figure>
  );
}
