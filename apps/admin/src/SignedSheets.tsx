// The paper sheet, signed in the room and scanned (issue 27): uploaded as it is (PDF, PNG or JPEG), each scan kept with
// its SHA-256; paper keeps working beside electronic signatures.
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { frenchMoment } from './dates';
import { useSession } from './session';
import { OutcomeAlert, outcomeOf } from './outcome';

export function SignedSheets({ sessionId }: { sessionId: string }) {
  const { client } = useSession();
  const path = { params: { path: { sessionId } } };
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const sheets = useQuery({
    queryKey: ['signed-sheets', sessionId],
    queryFn: async () => (await client.GET('/api/v1/attendance/sessions/{sessionId}/signed-sheets', path)).data ?? [],
  });
  const upload = async (file: File) => {
    const answer = await client.PUT('/api/v1/attendance/sessions/{sessionId}/signed-sheet', {
      ...path,
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'content-type': file.type || 'application/pdf' },
    });
    setOutcome(outcomeOf(answer, `Feuille signée déposée (${file.name}).`));
    await sheets.refetch();
  };
  return (
    <div className="fr-mt-3w">
      <Upload
        label="Déposer la feuille signée (scan)"
        hint="PDF, PNG ou JPEG : chaque dépôt est gardé avec son empreinte"
        nativeInputProps={{
          accept: '.pdf,.png,.jpg,.jpeg',
          onChange: (e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          },
        }}
      />
      <OutcomeAlert outcome={outcome} />
      {!!sheets.data?.length && (
        <ul className="fr-text--sm">
          {sheets.data.map((s) => (
            <li key={s.id}>
              {`Déposée le ${frenchMoment(String(s.uploadedAt))} par ${s.uploadedBy} — ${Math.ceil(s.size / 1024)} ko, SHA-256 ${s.sha256.slice(0, 16)}…`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
