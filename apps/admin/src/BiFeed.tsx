// The decision-support feed (issue 26, journey 5) for those who pull it into their BI tool (BI readers, the DAFPEN):
// each fact's address on this gateway, and a page of it read here — its changes (op, key), whether more wait, and the
// cursor to send next — so that the address and the cursor a tool needs are in plain view. Aggregates only, secrecy
// applied by reporting.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ApiRefusal } from '@forma/api-client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Choices } from './choices';
import { problemText } from './problem';
import { ScrollableTable } from './ScrollableTable';
import { useSession } from './session';

type Fact = 'sessions' | 'conventions' | 'modules';
const FACTS: Record<Fact, string> = {
  sessions: 'Sessions (une ligne par session)',
  conventions: 'Conventions (une ligne par convention)',
  modules: 'Offre (une ligne par module)',
};
const PAGE = 20;

/** A fact's address on this gateway, from a cursor when one is given. */
export function feedAddress(origin: string, fact: string, cursor?: string, format: 'json' | 'csv' = 'json'): string {
  const query = new URLSearchParams({ format, ...(cursor ? { cursor } : {}) });
  return `${origin}/api/v1/bi/v1/facts/${fact}?${query.toString()}`;
}

export function BiFeed() {
  const { client } = useSession();
  const [fact, setFact] = useState<Fact>('sessions');
  const [cursor, setCursor] = useState('');
  const origin = window.location.origin;
  const read = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await client.GET('/api/v1/bi/v1/facts/{fact}', {
        params: { path: { fact }, query: { cursor: cursor || undefined, limit: PAGE } },
      });
      if (!data) throw new ApiRefusal(response.status, error as never);
      return data;
    },
  });
  const page = read.data;
  return (
    <section aria-labelledby="bi-title">
      <h1 id="bi-title">Flux décisionnel</h1>
      <p>
        Votre outil décisionnel lit chaque fait page à page, avec le jeton de votre compte : la première fois sans
        curseur, puis en renvoyant le curseur reçu (<code>nextCursor</code>) ; il ne reçoit que ce qui a changé depuis.
        Chiffres agrégés, secret statistique appliqué.
      </p>
      <ScrollableTable
        caption="Adresses du flux sur cette plateforme"
        headers={['Fait', 'Adresse (JSON ; format=csv pour un fichier CSV)']}
        data={(Object.keys(FACTS) as Fact[]).map((f) => [FACTS[f], <code key={f}>{feedAddress(origin, f)}</code>])}
      />
      <h2 className="fr-h4 fr-mt-4w">Lire une page</h2>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Fait"
            nativeSelectProps={{
              value: fact,
              onChange: (e) => {
                setFact(e.target.value as Fact);
                setCursor('');
                read.reset();
              },
            }}
          >
            <Choices labels={FACTS} />
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Curseur"
            hintText="Vide : depuis le début"
            nativeInputProps={{ value: cursor, onChange: (e) => setCursor(e.target.value.trim()) }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-2">
          <Button onClick={() => read.mutate()} disabled={read.isPending}>
            Lire
          </Button>
        </div>
      </div>
      {read.error && <Alert severity="error" title="Lecture impossible" description={problemText(read.error)} />}
      {page && (
        <div role="status" className="fr-mt-2w">
          <p>
            {`${page.items.length} changement(s) lu(s)`}
            {page.hasMore ? ' : d’autres attendent, relisez avec le curseur suivant.' : ' : vous êtes à jour.'}
          </p>
          <Input label="Curseur suivant (à renvoyer)" nativeInputProps={{ value: page.nextCursor, readOnly: true }} />
          <p>
            Adresse de la page suivante : <code>{feedAddress(origin, fact, page.nextCursor)}</code>
          </p>
          <div className="fr-btns-group fr-btns-group--inline-md">
            <Button
              priority="secondary"
              onClick={() => {
                setCursor(page.nextCursor);
                read.reset();
              }}
            >
              Reprendre depuis ce curseur
            </Button>
          </div>
          {page.items.length > 0 && (
            <ScrollableTable
              caption={`Changements lus : ${FACTS[fact]}`}
              headers={['Opération', 'Clé']}
              data={page.items.map((i) => [i.op === 'delete' ? 'retrait' : 'ajout ou mise à jour', i.key])}
            />
          )}
        </div>
      )}
    </section>
  );
}
