import { frenchDayDate } from '@forma/domain';
import { OutgoingMessage } from '@forma/platform';

export interface ConvocationFacts {
  registrationId: string;
  mail: string;
  firstName: string;
  lastName: string;
  moduleTitle: string;
  themes: string[];
  totalHours: number;
  slots: { date: string; start: string; end: string; kind: string }[];
  place: string | null;
  groupNumber: string;
}

const KINDS: Record<string, string> = {
  'face-to-face': 'en présence',
  'virtual-class': 'classe virtuelle',
  asynchronous: 'à distance (travail en autonomie)',
};

/** The convocation (seed 003, "annoncer la formation"): objectives, calendar, what is expected, the logbook. */
export function composeConvocation(f: ConvocationFacts): OutgoingMessage {
  const name = [f.firstName, f.lastName].filter(Boolean).join(' ');
  const objectives = f.themes.length ? f.themes.map((t) => `  - ${t}`).join('\n') : `  - ${f.moduleTitle}`;
  const calendar = [...f.slots]
    .sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`))
    .map(
      (s) =>
        `  - ${frenchDayDate(s.date)}, ${s.start.replace(':', ' h ')} – ${s.end.replace(':', ' h ')}, ${KINDS[s.kind] ?? s.kind}`,
    )
    .join('\n');
  const text = `Bonjour ${name},

Votre inscription à la formation « ${f.moduleTitle} » (groupe ${f.groupNumber}, ${f.totalHours} h) est confirmée.
Ce message vaut convocation.

Objectifs
${objectives}

Calendrier
${calendar}
${f.place ? `\nLieu : ${f.place}\n` : ''}
Ce qui est attendu de vous
  - Participer à toutes les séances ; les classes virtuelles ont lieu sur le temps de service.
  - Réaliser les activités à distance avant leur date d’échéance (2 h par semaine au plus).
  - Prévenir votre chef d’établissement ou votre IEN en cas d’empêchement.

Journal de bord
Gardez une trace des éléments marquants et des idées de mise en pratique dans votre journal de bord :
il servira aux échanges entre participants et au bilan de la formation.

Une attestation de présence vous sera délivrée à l’issue de la formation.

Référence d’inscription : ${f.registrationId}
`;
  return { id: f.registrationId, to: f.mail, subject: `Convocation — ${f.moduleTitle}`, text };
}
