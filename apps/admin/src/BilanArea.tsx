// What a bilan is asked of: a level the caller may read (bilan-levels.ts), then one of its entities — given when it is
// the caller's own scope, else chosen among the académie's departments, districts, Canopé DTs or modules from the
// reference data, a school by its UAI, a dispositif by its code.
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery } from '@tanstack/react-query';
import { Area, BILAN_LEVELS, BilanLevel, bilanLevels, ownCode } from './bilan-levels';
import { Choices, ModuleSelect } from './choices';
import { Caller, useSession } from './session';

export function AreaPicker({ caller, area, onChange }: { caller: Caller; area: Area; onChange: (a: Area) => void }) {
  const levels = bilanLevels(caller);
  const own = ownCode(caller, area.level);
  const setCode = (code: string) => onChange({ ...area, code });
  return (
    <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
      <div className="fr-col-12 fr-col-md-4">
        <Select
          label="Niveau"
          nativeSelectProps={{
            value: area.level,
            disabled: levels.length < 2,
            onChange: (e) => {
              const level = e.target.value as BilanLevel;
              onChange({ level, code: ownCode(caller, level) ?? '' });
            },
          }}
        >
          <Choices labels={Object.fromEntries(levels.map((l) => [l, BILAN_LEVELS[l]]))} />
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-8">
        {own !== undefined ? (
          <p>{`${BILAN_LEVELS[area.level]} : ${own}`}</p>
        ) : area.level === 'module' ? (
          <ModuleSelect value={area.code} onChange={setCode} />
        ) : area.level === 'school' || area.level === 'dispositif' ? (
          <CodeInput level={area.level} value={area.code} onChange={setCode} />
        ) : (
          <EntitySelect caller={caller} level={area.level} value={area.code} onChange={setCode} />
        )}
      </div>
    </div>
  );
}

/** A school's UAI or a dispositif's code, typed (taken when the field is left). */
function CodeInput({ level, value, onChange }: { level: BilanLevel; value: string; onChange: (c: string) => void }) {
  const school = level === 'school';
  return (
    <Input
      key={level}
      label={school ? 'UAI de l’établissement' : 'Code du dispositif'}
      hintText={school ? '7 chiffres et la lettre de contrôle, par exemple 0750001A' : undefined}
      nativeInputProps={{
        defaultValue: value,
        onBlur: (e) => onChange(school ? e.target.value.trim().toUpperCase() : e.target.value.trim()),
        onKeyDown: (e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        },
      }}
    />
  );
}

/** The académie's departments, districts (an IEN's: those of their department) or Canopé DTs. */
function EntitySelect({
  caller,
  level,
  value,
  onChange,
}: {
  caller: Caller;
  level: BilanLevel;
  value: string;
  onChange: (c: string) => void;
}) {
  const { client } = useSession();
  const entities = useQuery({
    queryKey: ['reference', level, caller.academy],
    queryFn: async (): Promise<[string, string][]> => {
      if (level === 'department') {
        const { data } = await client.GET('/api/v1/reference/departments');
        return (data ?? []).filter((d) => d.academy === caller.academy).map((d) => [d.code, `${d.code} · ${d.name}`]);
      }
      if (level === 'district') {
        const { data } = await client.GET('/api/v1/reference/districts');
        return (data ?? [])
          .filter((d) => d.academy === caller.academy)
          .filter((d) => caller.level !== 'department' || d.department === caller.code)
          .map((d) => [d.code, d.name]);
      }
      const { data } = await client.GET('/api/v1/reference/canope-dts');
      return (data ?? []).filter((d) => d.academies.includes(caller.academy)).map((d) => [d.code, d.name]);
    },
  });
  return (
    <Select
      label={BILAN_LEVELS[level]}
      nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value) }}
      state={entities.data?.length === 0 ? 'info' : 'default'}
      stateRelatedMessage="Aucune entité de ce niveau dans le référentiel de l’académie."
    >
      <Choices first="Choisir…" labels={Object.fromEntries(entities.data ?? [])} />
    </Select>
  );
}
