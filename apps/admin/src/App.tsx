// The admin app's frame: the State's header with the académie's name, the navigation a role may use (nothing it may
// not do is offered: rights.ts), the page, and the footer.
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';

// each page is its own chunk, loaded when first shown: the shell stays small (bench/admin.bench.ts)
const Bilan = lazy(() => import('./Bilan').then((m) => ({ default: m.Bilan })));
const Imports = lazy(() => import('./Imports').then((m) => ({ default: m.Imports })));
const ModuleForm = lazy(() => import('./ModuleForm').then((m) => ({ default: m.ModuleForm })));
const Requests = lazy(() => import('./Requests').then((m) => ({ default: m.Requests })));
const People = lazy(() => import('./People').then((m) => ({ default: m.People })));
const Offer = lazy(() => import('./Offer').then((m) => ({ default: m.Offer })));
const Registrations = lazy(() => import('./Registrations').then((m) => ({ default: m.Registrations })));
const Sessions = lazy(() => import('./Sessions').then((m) => ({ default: m.Sessions })));
const BiFeed = lazy(() => import('./BiFeed').then((m) => ({ default: m.BiFeed })));
const Reference = lazy(() => import('./Reference').then((m) => ({ default: m.Reference })));
const TrainingPlan = lazy(() => import('./TrainingPlan').then((m) => ({ default: m.TrainingPlan })));
const Emargement = lazy(() => import('./Emargement').then((m) => ({ default: m.Emargement })));
const MyTrainings = lazy(() => import('./MyTrainings').then((m) => ({ default: m.MyTrainings })));
const Conventions = lazy(() => import('./Conventions').then((m) => ({ default: m.Conventions })));
const SignPresence = lazy(() => import('./SignPresence').then((m) => ({ default: m.SignPresence })));
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { REFERENCE_WRITES } from './reference-writes';
import { may } from './rights';
import { useSession } from './session';
import { SignIn } from './SignIn';
import { signingLinkOf } from './signing-link';

export type Page =
  | 'offer'
  | 'new-module'
  | 'plan'
  | 'sessions'
  | 'registrations'
  | 'imports'
  | 'bilan'
  | 'people'
  | 'requests'
  | 'reference'
  | 'bi'
  | 'emargement'
  | 'mine'
  | 'conventions';
/** Each page and the route it needs (or routes, any of which): a role they refuse is not offered the page. */
export const PAGES: { page: Page; label: string; route: string | readonly string[] }[] = [
  { page: 'emargement', label: 'Émargement', route: 'GET /api/v1/attendance/my-sessions' },
  { page: 'mine', label: 'Mes formations', route: 'GET /api/v1/registrations/mine' },
  { page: 'offer', label: 'Offre', route: 'GET /api/v1/offer' },
  { page: 'new-module', label: 'Nouveau module', route: 'POST /api/v1/modules' },
  { page: 'plan', label: 'Plan', route: 'GET /api/v1/training-plan/waves' },
  { page: 'sessions', label: 'Sessions', route: 'GET /api/v1/modules/{moduleId}/sessions' },
  { page: 'requests', label: 'Demandes', route: 'GET /api/v1/requests' },
  { page: 'registrations', label: 'Inscriptions', route: 'GET /api/v1/registrations/search' },
  { page: 'imports', label: 'Imports', route: 'POST /api/v1/enrolment-imports' },
  { page: 'bilan', label: 'Bilans', route: 'GET /api/v1/reports/bilan' },
  { page: 'people', label: 'Personnes', route: 'GET /api/v1/people' },
  { page: 'reference', label: 'Référentiel', route: REFERENCE_WRITES },
  { page: 'bi', label: 'Flux décisionnel', route: 'GET /api/v1/bi/v1/facts/{fact}' },
  { page: 'conventions', label: 'Conventions', route: 'GET /api/v1/conventions' },
];

export function App() {
  const { caller, signOut, expired } = useSession();
  const offered = PAGES.filter((p) => [p.route].flat().some((route) => may(caller?.role, route)));
  const [chosen, setChosen] = useState<Page>();
  // a participant's phone opened by the QR code of a trainer's screen: the signing page, whatever the role's pages
  const [signing] = useState(() => signingLinkOf(window.location.hash));
  const [created, setCreated] = useState<{ title: string; published: boolean }>();
  const page = offered.find((p) => p.page === chosen) ?? offered[0];
  const academy = useAcademyName(caller?.academy);
  return (
    <>
      <Header
        brandTop={
          <>
            Ministère
            <br />
            de l’Éducation
            <br />
            nationale
          </>
        }
        homeLinkProps={{ href: '/', title: 'Accueil — Forma' }}
        serviceTitle="Forma"
        serviceTagline={caller ? academy : 'Formation continue et ENT'}
        quickAccessItems={
          caller
            ? [{ iconId: 'fr-icon-logout-box-r-line', text: 'Se déconnecter', buttonProps: { onClick: signOut } }]
            : []
        }
        navigation={offered.map((p) => ({
          text: p.label,
          isActive: p === page,
          linkProps: { href: `#${p.page}`, onClick: () => setChosen(p.page) },
        }))}
      />
      <main id="contenu" className="fr-container fr-my-4w" tabIndex={-1}>
        {created && (
          <Alert
            severity="success"
            title="Module créé"
            description={
              created.published
                ? `« ${created.title} » est dans l’offre.`
                : `« ${created.title} » est enregistré en brouillon : retrouvez-le dans l’offre, « Brouillons de l’académie », pour le publier.`
            }
            closable
            onClose={() => setCreated(undefined)}
            className="fr-mb-3w"
          />
        )}
        {caller && expired && (
          <div className="fr-mb-4w">
            <Alert
              severity="warning"
              title="Session expirée"
              description="Reconnectez-vous : la page et votre saisie sont gardées en dessous."
              className="fr-mb-2w"
            />
            <SignIn again={caller} />
          </div>
        )}
        <Suspense fallback={<p role="status">Chargement de la page…</p>}>
          {!caller ? (
            <SignIn />
          ) : signing ? (
            <SignPresence link={signing} />
          ) : page?.page === 'emargement' ? (
            <Emargement />
          ) : page?.page === 'mine' ? (
            <MyTrainings />
          ) : page?.page === 'conventions' ? (
            <Conventions />
          ) : page?.page === 'bilan' ? (
            <Bilan />
          ) : page?.page === 'bi' ? (
            <BiFeed />
          ) : page?.page === 'reference' ? (
            <Reference />
          ) : page?.page === 'plan' ? (
            <TrainingPlan />
          ) : page?.page === 'sessions' ? (
            <Sessions />
          ) : page?.page === 'registrations' ? (
            <Registrations />
          ) : page?.page === 'requests' ? (
            <Requests />
          ) : page?.page === 'people' ? (
            <People />
          ) : page?.page === 'imports' ? (
            <Imports />
          ) : page?.page === 'new-module' ? (
            <ModuleForm
              onSaved={(title, published) => {
                setCreated({ title, published });
                setChosen('offer');
              }}
            />
          ) : page ? (
            <Offer />
          ) : (
            <p>Aucun écran pour ce rôle.</p>
          )}
        </Suspense>
      </main>
      <Footer
        accessibility="partially compliant"
        bottomItems={[]}
        contentDescription="Forma : la formation continue autour des ENT — données fictives en démonstration."
      />
    </>
  );
}

/** The académie's name as the reference data gives it (its code until then). */
function useAcademyName(code: string | undefined): string {
  const { client } = useSession();
  const academies = useQuery({
    queryKey: ['academies', code],
    enabled: !!code,
    queryFn: async () => (await client.GET('/api/v1/reference/academies')).data ?? [],
  });
  return academies.data?.find((a) => a.code === code)?.name ?? `Académie ${code ?? ''}`;
}
