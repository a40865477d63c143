// The académie's reference data (issue 26, journey 2): its departments, districts (circonscriptions), schools by UAI
// and the Canopé DTs that serve it, and its pool of facilitators (teachers who answer a concern, issue 27) — read by
// anyone the page is offered to, written by the roles whose routes allow it (the DAFPEN everything; an IEN their
// district; a Canopé referent the DTs and the pool), each form offered only to them. A form
// adds an entry or, its code given again (« Modifier »), changes it; the API's refusals go next to their field.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { SearchBar } from '@codegouvfr/react-dsfr/SearchBar';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { useForm } from 'react-hook-form';
import { fieldState, placeFieldErrors, Problem, refusalText } from './problem';
import { REFERENCE_WRITES } from './reference-writes';
import { may } from './rights';
import { ScrollableTable } from './ScrollableTable';
import { Caller, useSession } from './session';

type Values = Record<string, string>;
type Answer = { data?: unknown; error?: unknown; response: Response };
interface Field {
  name: string;
  label: string;
  hint?: string;
}

export function Reference() {
  const { caller } = useSession();
  if (!caller) return null;
  return (
    <section aria-labelledby="reference-title">
      <h1 id="reference-title">Référentiel</h1>
      <p>
        Les départements, circonscriptions, établissements et directions territoriales Canopé de l’académie, et son
        vivier de facilitateurs.
      </p>
      <Tabs
        tabs={[
          { label: 'Départements', content: <Departments caller={caller} /> },
          { label: 'Circonscriptions', content: <Districts caller={caller} /> },
          { label: 'Établissements', content: <Schools caller={caller} /> },
          { label: 'DT Canopé', content: <CanopeDts caller={caller} /> },
          { label: 'Facilitateurs', content: <Facilitators caller={caller} /> },
        ]}
      />
    </section>
  );
}

function Departments({ caller }: { caller: Caller }) {
  const { client } = useSession();
  const list = useQuery({
    queryKey: ['reference', 'department', caller.academy],
    queryFn: async () =>
      ((await client.GET('/api/v1/reference/departments')).data ?? []).filter((d) => d.academy === caller.academy),
  });
  return (
    <Entries
      caption="Départements de l’académie"
      headers={['Code', 'Nom']}
      rows={(list.data ?? []).map((d) => ({ code: d.code, cells: [d.code, d.name], values: { name: d.name } }))}
      form={
        may(caller.role, REFERENCE_WRITES[0]) && {
          kind: 'department',
          codeLabel: 'Code du département',
          codeHint: '2 ou 3 caractères, 2A et 2B pour la Corse',
          fields: [{ name: 'name', label: 'Nom' }],
          save: (code, v) =>
            client.PUT('/api/v1/reference/departments/{code}', {
              params: { path: { code } },
              body: { name: v.name, academy: caller.academy },
            }),
        }
      }
    />
  );
}

function Districts({ caller }: { caller: Caller }) {
  const { client } = useSession();
  const list = useQuery({
    queryKey: ['reference', 'district', caller.academy],
    queryFn: async () =>
      ((await client.GET('/api/v1/reference/districts')).data ?? []).filter((d) => d.academy === caller.academy),
  });
  return (
    <Entries
      caption="Circonscriptions de l’académie"
      headers={['Code', 'Nom', 'Département']}
      rows={(list.data ?? []).map((d) => ({
        code: d.code,
        cells: [d.code, d.name, d.department],
        values: { name: d.name, department: d.department },
      }))}
      form={
        may(caller.role, REFERENCE_WRITES[1]) && {
          kind: 'district',
          codeLabel: 'Code de la circonscription',
          fields: [
            { name: 'name', label: 'Nom' },
            { name: 'department', label: 'Département (code)' },
          ],
          save: (code, v) =>
            client.PUT('/api/v1/reference/districts/{code}', {
              params: { path: { code } },
              body: { name: v.name, department: v.department },
            }),
        }
      }
    />
  );
}

function Schools({ caller }: { caller: Caller }) {
  const { client } = useSession();
  const [words, setWords] = useState('');
  const list = useQuery({
    queryKey: ['reference', 'school', caller.academy, words],
    queryFn: async () =>
      (
        await client.GET('/api/v1/reference/schools', {
          params: { query: { academy: caller.academy, q: words || undefined } },
        })
      ).data ?? [],
  });
  const optional = (v: string) => v.trim() || undefined;
  return (
    <>
      <SearchBar
        label="Rechercher un établissement par son nom"
        onButtonClick={setWords}
        className="fr-mb-2w"
        allowEmptySearch
      />
      <Entries
        caption="Établissements de l’académie"
        headers={['UAI', 'Nom', 'Commune', 'Département', 'Circonscription']}
        rows={(list.data ?? []).slice(0, 100).map((s) => ({
          code: s.uai,
          cells: [s.uai, s.name, s.city ?? '—', s.department ?? '—', s.district ?? '—'],
          values: { name: s.name, city: s.city ?? '', department: s.department ?? '', district: s.district ?? '' },
        }))}
        note={(list.data?.length ?? 0) > 100 ? 'Les 100 premiers : précisez la recherche.' : undefined}
        form={
          may(caller.role, REFERENCE_WRITES[2]) && {
            kind: 'school',
            codeLabel: 'UAI',
            codeHint: '7 chiffres et la lettre de contrôle',
            fields: [
              { name: 'name', label: 'Nom' },
              { name: 'city', label: 'Commune (facultatif)' },
              { name: 'department', label: 'Département (code, facultatif)' },
              { name: 'district', label: 'Circonscription (code, facultatif)' },
            ],
            save: (uai, v) =>
              client.PUT('/api/v1/reference/schools/{uai}', {
                params: { path: { uai: uai.toUpperCase() } },
                body: {
                  name: v.name,
                  city: optional(v.city),
                  department: optional(v.department),
                  district: optional(v.district),
                },
              }),
          }
        }
      />
    </>
  );
}

function CanopeDts({ caller }: { caller: Caller }) {
  const { client } = useSession();
  const list = useQuery({
    queryKey: ['reference', 'canope-dt', caller.academy],
    queryFn: async () =>
      ((await client.GET('/api/v1/reference/canope-dts')).data ?? []).filter((d) =>
        d.academies.includes(caller.academy),
      ),
  });
  return (
    <Entries
      caption="Directions territoriales Canopé qui servent l’académie"
      headers={['Code', 'Nom', 'Académies servies']}
      rows={(list.data ?? []).map((d) => ({
        code: d.code,
        cells: [d.code, d.name, d.academies.join(', ')],
        values: { name: d.name, academies: d.academies.join(', ') },
      }))}
      form={
        may(caller.role, REFERENCE_WRITES[3]) && {
          kind: 'canope-dt',
          codeLabel: 'Code de la DT',
          fields: [
            { name: 'name', label: 'Nom' },
            { name: 'academies', label: 'Académies servies', hint: 'Leurs codes, séparés par des virgules' },
          ],
          save: (code, v) =>
            client.PUT('/api/v1/reference/canope-dts/{code}', {
              params: { path: { code } },
              body: {
                name: v.name,
                academies: v.academies
                  .split(',')
                  .map((a) => a.trim())
                  .filter(Boolean),
              },
            }),
        }
      }
    />
  );
}

/** The académie's facilitators: teachers the trainers can point a participant to, each with the concerns they answer. */
function Facilitators({ caller }: { caller: Caller }) {
  const { client } = useSession();
  const list = useQuery({
    queryKey: ['reference', 'facilitator', caller.academy],
    queryFn: async () => (await client.GET('/api/v1/attendance/facilitators')).data ?? [],
  });
  return (
    <Entries
      caption="Vivier de facilitateurs de l’académie"
      headers={['Mail', 'Nom', 'Préoccupations auxquelles il ou elle répond']}
      rows={(list.data ?? []).map((f) => ({
        code: f.mail,
        cells: [f.mail, f.name, f.concerns.join(', ')],
        values: { name: f.name, concerns: f.concerns.join(', ') },
      }))}
      form={
        may(caller.role, REFERENCE_WRITES[4]) && {
          kind: 'facilitator',
          codeLabel: 'Mail académique',
          codeHint: 'prenom.nom@ac-….fr',
          fields: [
            { name: 'name', label: 'Nom' },
            {
              name: 'concerns',
              label: 'Préoccupations',
              hint: 'Séparées par des virgules (ex. : Oral, Différenciation)',
            },
          ],
          save: (mail, v) =>
            client.PUT('/api/v1/attendance/facilitators/{mail}', {
              params: { path: { mail } },
              body: {
                name: v.name.trim(),
                concerns: v.concerns
                  .split(',')
                  .map((c) => c.trim())
                  .filter(Boolean),
              },
            }),
        }
      }
    />
  );
}

interface EntryForm {
  kind: string;
  codeLabel: string;
  codeHint?: string;
  fields: Field[];
  save: (code: string, values: Values) => Promise<Answer>;
}

/** A list of entries, and — for the roles that may write them — « Modifier » on each and the form below. */
function Entries({
  caption,
  headers,
  rows,
  note,
  form,
}: {
  caption: string;
  headers: string[];
  rows: { code: string; cells: ReactNode[]; values: Values }[];
  note?: string;
  form: EntryForm | false;
}) {
  const [editing, setEditing] = useState<{ code: string; values: Values }>();
  return (
    <>
      {rows.length === 0 ? (
        <p>Aucune entrée.</p>
      ) : (
        <ScrollableTable
          caption={caption}
          headers={form ? [...headers, 'Action'] : headers}
          data={rows.map((r) =>
            form
              ? [
                  ...r.cells,
                  <Button
                    key="edit"
                    size="small"
                    priority="tertiary"
                    onClick={() => setEditing({ code: r.code, values: r.values })}
                  >
                    <span aria-hidden="true">Modifier</span>
                    <span className="fr-sr-only">{`Modifier ${r.code}`}</span>
                  </Button>,
                ]
              : r.cells,
          )}
        />
      )}
      {note && <p>{note}</p>}
      {form && <EntryEditor key={editing?.code ?? 'new'} form={form} editing={editing} />}
    </>
  );
}

function EntryEditor({ form: entry, editing }: { form: EntryForm; editing?: { code: string; values: Values } }) {
  const queries = useQueryClient();
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const form = useForm<Values>({
    defaultValues: {
      code: editing?.code ?? '',
      ...Object.fromEntries(entry.fields.map((f) => [f.name, editing?.values[f.name] ?? ''])),
    },
  });
  const submit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    setSaved(undefined);
    const code = values.code.trim();
    if (!code) return form.setError('code', { message: 'Le code est obligatoire.' });
    const answer = await entry.save(code, values).catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : votre saisie est gardée, réessayez.');
    if (answer.data) {
      await queries.invalidateQueries({ queryKey: ['reference', entry.kind] });
      return setSaved(`${code} enregistré.`);
    }
    const refusal = answer.error as Problem | undefined;
    const rename = (field: string) => (['uai', 'code', 'mail'].includes(field) ? 'code' : field);
    if (!placeFieldErrors(form, refusal, rename)) setProblem(refusalText(answer.response.status, refusal));
  });
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={editing ? `Modifier ${editing.code}` : 'Ajouter'}
      className="fr-mt-3w"
    >
      <h2 className="fr-h5">{editing ? `Modifier ${editing.code}` : 'Ajouter'}</h2>
      {saved && <Alert severity="success" small description={saved} className="fr-mb-2w" />}
      {problem && <Alert severity="error" title="Non enregistré" description={problem} className="fr-mb-2w" />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label={entry.codeLabel}
            hintText={entry.codeHint}
            nativeInputProps={{ ...form.register('code'), readOnly: !!editing }}
            {...fieldState(form, 'code')}
          />
        </div>
        {entry.fields.map((f) => (
          <div key={f.name} className="fr-col-12 fr-col-md-4">
            <Input
              label={f.label}
              hintText={f.hint}
              nativeInputProps={form.register(f.name)}
              {...fieldState(form, f.name)}
            />
          </div>
        ))}
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        Enregistrer
      </Button>
    </form>
  );
}
