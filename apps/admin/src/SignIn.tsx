// The development sign-in: a role and a scope from the gateway's development issuer, offered only when the gateway
// has it (AUTH_DEV_ISSUER_ENABLED, development mode). In production the académie's identity provider signs people in.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { FormEvent, useState } from 'react';
import { ROLES } from './labels';
import { Caller, useSession } from './session';

/**
 * Signing in: with the académie's provider when the gateway has one (the authorization code flow with PKCE, auth.ts),
 * and with the development issuer when it is enabled; `again` is the caller whose session expired.
 */
export function SignIn({ again }: { again?: Caller } = {}) {
  const { config, provider, signInProblem, signInAgain } = useSession();
  const [windowProblem, setWindowProblem] = useState<string>();
  if (!config) return <p role="status">Chargement…</p>;
  const inWindow = () => {
    setWindowProblem(undefined);
    signInAgain().catch((error: Error) =>
      setWindowProblem(
        /popup|window/i.test(error.message)
          ? 'La fenêtre de connexion n’a pas pu s’ouvrir ou a été fermée : autorisez les fenêtres de ce site et réessayez, ou reconnectez-vous sur cette page (votre saisie serait alors perdue).'
          : `Connexion impossible : ${error.message}.`,
      ),
    );
  };
  return (
    <>
      {signInProblem && (
        <Alert severity="error" title="Connexion impossible" description={signInProblem} className="fr-mb-3w" />
      )}
      {provider && (
        <section aria-labelledby="provider-sign-in" className="fr-mb-6w">
          <h1 id="provider-sign-in">{again ? 'Se reconnecter' : 'Se connecter'}</h1>
          {again ? (
            <>
              <p>Avec votre compte académique, dans une nouvelle fenêtre : cette page et votre saisie restent.</p>
              {windowProblem && <Alert severity="error" small description={windowProblem} className="fr-mb-2w" />}
              <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
                <Button iconId="fr-icon-external-link-line" onClick={inWindow}>
                  Se reconnecter dans une nouvelle fenêtre
                </Button>
                <Button priority="secondary" onClick={() => void provider.signinRedirect()}>
                  Se reconnecter sur cette page
                </Button>
              </div>
            </>
          ) : (
            <>
              <p>Avec votre compte académique : vous revenez ici une fois connecté.</p>
              <Button iconId="fr-icon-account-circle-line" onClick={() => void provider.signinRedirect()}>
                Se connecter avec mon compte académique
              </Button>
            </>
          )}
        </section>
      )}
      {config.devSignIn && <DevSignIn again={again} />}
      {config.offline && (
        <Alert
          severity="info"
          title="Hors ligne"
          description="La connexion reviendra avec le réseau. Les présences gardées sur cet appareil seront envoyées une fois connecté(e)."
        />
      )}
      {!provider && !config.devSignIn && !config.offline && (
        <Alert
          severity="warning"
          title="Connexion indisponible"
          description="Aucun fournisseur d’identité n’est configuré pour cette application : prévenez l’équipe qui l’exploite."
        />
      )}
    </>
  );
}

/** The development sign-in form: a role and a scope for a token of the development issuer. */
function DevSignIn({ again }: { again?: Caller }) {
  const { signIn } = useSession();
  const [caller, setCaller] = useState<Caller>(
    again ?? {
      role: 'dafpen-admin',
      academy: 'normandie',
      level: 'academie',
      code: '',
    },
  );
  const [problem, setProblem] = useState<string>();
  const set = (field: keyof Caller) => (e: { target: { value: string } }) =>
    setCaller({ ...caller, [field]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    const scope = { level: caller.level, code: caller.code || caller.academy, academy: caller.academy };
    const sub = `admin-${caller.role}`;
    const answer = await fetch('/api/v1/dev/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        sub,
        roles: [caller.role],
        mail: caller.mail || undefined,
        scope,
      }),
    }).catch(() => undefined);
    if (!answer) return setProblem('Le service ne répond pas : vérifiez votre connexion et réessayez.');
    const body = (await answer.json().catch(() => ({}))) as { accessToken?: string; detail?: string };
    if (answer.status === 404)
      return setProblem('La connexion de développement n’est pas ouverte ici : connectez-vous par votre académie.');
    if (!answer.ok || !body.accessToken) return setProblem(body.detail ?? `Connexion refusée (${answer.status}).`);
    signIn({ ...caller, sub, code: scope.code }, body.accessToken);
  }

  return (
    <form onSubmit={submit} className="fr-col-12 fr-col-md-8 fr-col-lg-6" aria-labelledby="sign-in-title">
      {again ? (
        <h2 id="sign-in-title">Se reconnecter (développement)</h2>
      ) : (
        <h1 id="sign-in-title">Se connecter (développement)</h1>
      )}
      <p>Choisissez un rôle et un périmètre : un jeton de développement vous est délivré par la passerelle.</p>
      {problem && <Alert severity="error" title="Connexion impossible" description={problem} className="fr-mb-3w" />}
      <Select label="Rôle" nativeSelectProps={{ value: caller.role, onChange: set('role'), name: 'role' }}>
        {Object.entries(ROLES).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      <Input
        label="Académie (code)"
        hintText="Par exemple normandie"
        nativeInputProps={{ value: caller.academy, onChange: set('academy'), name: 'academy', required: true }}
      />
      <Select
        label="Niveau du périmètre"
        nativeSelectProps={{ value: caller.level, onChange: set('level'), name: 'level' }}
      >
        <option value="academie">Académie</option>
        <option value="department">Département</option>
        <option value="district">Circonscription</option>
        <option value="school">Établissement</option>
      </Select>
      <Input
        label="Code du périmètre"
        hintText="Vide : l’académie entière"
        nativeInputProps={{ value: caller.code, onChange: set('code'), name: 'code' }}
      />
      <Input
        label="Adresse électronique (formateurs, participants)"
        nativeInputProps={{ value: caller.mail ?? '', onChange: set('mail'), name: 'mail', type: 'email' }}
      />
      <Button type="submit">Se connecter</Button>
    </form>
  );
}
