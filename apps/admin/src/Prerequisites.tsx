// A module's prerequisites (seed 000: M2 after M1): the modules of the offer to have followed before, chosen by title
// and saved in one call with the version read (If-Match); a cycle is refused by the API, which names the modules.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { components } from '@forma/api-client';
import { useState } from 'react';
import { Choices, useOfferModules } from './choices';
import { Problem, refusalText } from './problem';
import { useSession } from './session';

type Module = components['schemas']['ModuleResponse'];

export function Prerequisites({ module, onChanged }: { module: Module; onChanged: () => void }) {
  const { client } = useSession();
  const offer = useOfferModules();
  const [chosen, setChosen] = useState<string[]>(module.prerequisiteModuleIds);
  const [adding, setAdding] = useState('');
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState(false);
  const titles = Object.fromEntries((offer.data ?? []).map((m) => [m.id, m.title]));
  const candidates = Object.fromEntries(
    Object.entries(titles).filter(([id]) => id !== module.id && !chosen.includes(id)),
  );
  const save = async () => {
    setProblem(undefined);
    setSaved(false);
    const answer = await client
      .PUT('/api/v1/modules/{id}/prerequisites', {
        params: { path: { id: module.id }, header: { 'If-Match': `"${module.rowVersion}"` } },
        body: { requiredModuleIds: chosen },
      })
      .catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : votre choix est gardé, réessayez.');
    if (!answer.data) return setProblem(refusalText(answer.response.status, answer.error as Problem | undefined));
    setSaved(true);
    onChanged();
  };
  return (
    <section aria-labelledby="prerequisites-title" className="fr-mt-6w">
      <h2 id="prerequisites-title">Prérequis</h2>
      <p>Modules à avoir suivis avant celui-ci : une inscription sans eux est refusée.</p>
      {problem && (
        <Alert severity="error" title="Prérequis non enregistrés" description={problem} className="fr-mb-2w" />
      )}
      {saved && <Alert severity="success" small description="Prérequis enregistrés." className="fr-mb-2w" />}
      {chosen.length === 0 ? (
        <p>Aucun prérequis.</p>
      ) : (
        <ul>
          {chosen.map((id) => (
            <li key={id}>
              {titles[id] ?? 'Module hors de l’offre publiée'}{' '}
              <Button
                type="button"
                priority="tertiary no outline"
                size="small"
                nativeButtonProps={{ 'aria-label': `Retirer le prérequis ${titles[id] ?? ''}`.trim() }}
                onClick={() => setChosen(chosen.filter((c) => c !== id))}
              >
                Retirer
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-8">
          <Select
            label="Ajouter un prérequis"
            nativeSelectProps={{ value: adding, onChange: (e) => setAdding(e.target.value) }}
          >
            <Choices first="Choisir un module" labels={candidates} />
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Button
            type="button"
            priority="secondary"
            disabled={!adding}
            onClick={() => {
              setChosen([...chosen, adding]);
              setAdding('');
            }}
          >
            Ajouter
          </Button>
        </div>
      </div>
      <Button type="button" className="fr-mt-2w" onClick={() => void save()}>
        Enregistrer les prérequis
      </Button>
    </section>
  );
}
