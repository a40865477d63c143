// The choices of a select and the offer's modules to pick from, as several screens need them.
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery } from '@tanstack/react-query';
import { useSession } from './session';

/** Each value with its French label, after an optional first choice (« Toutes », « Choisir… »). */
export function Choices({ labels, first }: { labels: Record<string, string>; first?: string }) {
  return (
    <>
      {first !== undefined && <option value="">{first}</option>}
      {Object.entries(labels).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

/** A module of the académie's offer, chosen by its title. */
export function ModuleSelect({ value, onChange }: { value: string; onChange: (moduleId: string) => void }) {
  const modules = useOfferModules();
  return (
    <Select label="Module" nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value) }}>
      <Choices
        first="Choisir un module"
        labels={Object.fromEntries((modules.data ?? []).map((m) => [m.id, m.title]))}
      />
    </Select>
  );
}

/** A module's sessions, by date (shared by the screens that pick or list them: one cache entry per module). */
export function useModuleSessions(moduleId: string) {
  const { client } = useSession();
  return useQuery({
    queryKey: ['sessions', moduleId],
    enabled: !!moduleId,
    queryFn: async () =>
      (await client.GET('/api/v1/modules/{moduleId}/sessions', { params: { path: { moduleId } } })).data ?? [],
  });
}

/** The académie's modules (their first hundred, by the offer's order), shared by the screens that name them. */
export function useOfferModules() {
  const { client, caller } = useSession();
  return useQuery({
    queryKey: ['offer', caller?.academy, 'modules'],
    queryFn: async () =>
      (await client.GET('/api/v1/offer', { params: { query: { academy: caller?.academy, limit: 100 } } })).data
        ?.items ?? [],
  });
}
