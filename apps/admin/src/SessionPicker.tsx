// Choosing a session: a module of the académie's offer, then one of its sessions, named by its group, its first day
// in French and its place (the imports and the registrations start from it).
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { ModuleSelect, useModuleSessions } from './choices';
import { frenchDay } from './dates';

export function SessionPicker({ sessionId, onChange }: { sessionId: string; onChange: (sessionId: string) => void }) {
  const [moduleId, setModuleId] = useState('');
  const sessions = useModuleSessions(moduleId);
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-6">
        <ModuleSelect
          value={moduleId}
          onChange={(id) => {
            setModuleId(id);
            onChange('');
          }}
        />
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
