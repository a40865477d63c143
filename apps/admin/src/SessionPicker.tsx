// Choosing a session: a module of the académie's offer, then one of its sessions, named by its group, its first day
// in French and its place (the imports and the registrations start from it).
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { frenchDay } from './dates';
import { useSession } from './session';

export function SessionPicker({ sessionId, onChange }: { sessionId: string; onChange: (sessionId: string) => void }) {
  const { client, caller } = useSession();
  const [moduleId, setModuleId] = useState('');
  const modules = useQuery({
    queryKey: ['offer', caller?.academy, 'picker'],
    queryFn: async () =>
      (await client.GET('/api/v1/offer', { params: { query: { academy: caller?.academy, limit: 100 } } })).data
        ?.items ?? [],
  });
  const sessions = useQuery({
    queryKey: ['sessions', moduleId],
    enabled: !!moduleId,
    queryFn: async () =>
      (await client.GET('/api/v1/modules/{moduleId}/sessions', { params: { path: { moduleId } } })).data ?? [],
  });
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-6">
        <Select
          label="Module"
          nativeSelectProps={{
            value: moduleId,
            onChange: (e) => {
              setModuleId(e.target.value);
              onChange('');
            },
          }}
        >
          <option value="">Choisir un module</option>
          {(modules.data ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <Select
          label="Session"
          disabled={!moduleId}
          nativeSelectProps={{ value: sessionId, onChange: (e) => onChange(e.target.value) }}
        >
          <option value="">{moduleId ? 'Choisir une session' : 'Choisir d’abord un module'}</option>
          {(sessions.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {`Groupe ${s.groupNumber} — ${frenchDay(s.startsOn)}, ${s.placeLabel ?? s.placeUai ?? 'lieu à préciser'}`}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
