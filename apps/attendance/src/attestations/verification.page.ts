import { frenchDate } from '@forma/documents';
import { formatDuration } from '../presence/presence.rules';
import type { Verification } from './attestation.service';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const alert = (kind: 'success' | 'info' | 'error', title: string, text: string) =>
  `<div class="fr-alert fr-alert--${kind} fr-mb-4w"><h2 class="fr-alert__title">${title}</h2><p>${text}</p></div>`;

/** What the page says of an attestation: its state, then what it states, as a description list. */
function verified(v: Verification): string {
  const s = v.statement;
  const state =
    v.status === 'valid'
      ? alert('success', 'Attestation valide.', 'Elle a été émise par Forma et n’a pas été révoquée.')
      : v.status === 'pending'
        ? alert(
            'info',
            'Attestation émise.',
            'Son PDF est en cours de production : revenez dans quelques secondes pour son empreinte.',
          )
        : alert(
            'error',
            'Attestation révoquée.',
            `Révoquée le ${escape(frenchDate(v.revokedAt ?? v.issuedAt))} : ${escape(v.revokeReason ?? '')}.${v.replacedBy ? ` Elle est remplacée par l’attestation ${escape(v.replacedBy)}.` : ''}`,
          );
  const row = (term: string, detail: string) =>
    `<dt class="fr-text--bold fr-mb-0">${term}</dt><dd class="fr-ml-0 fr-mb-2w">${detail}</dd>`;
  return `${state}
<dl>
${row('Personne', `${escape(`${s.person.firstName} ${s.person.lastName}`)}${s.person.school ? `, ${escape(s.person.school)}` : ''}`)}
${row('Formation', `${escape(s.training.title)} (groupe ${escape(s.training.groupNumber)}, académie ${escape(s.training.academy)})`)}
${row('Dates', `du ${escape(frenchDate(s.dates.from))} au ${escape(frenchDate(s.dates.to))}`)}
${row('Durée prévue', `${escape(formatDuration(s.planned.faceToFaceMinutes))} en présentiel, ${escape(formatDuration(s.planned.distanceMinutes))} à distance`)}
${row('Émise le', escape(frenchDate(v.issuedAt)))}
${row('Empreinte SHA-256 du PDF émis', v.sha256 ? `<code style="word-break:break-all">${escape(v.sha256)}</code>` : 'en cours de production')}
</dl>
<p>Un PDF dont l’empreinte diffère a été modifié : seul ce qui est affiché ici fait foi.</p>`;
}

/**
 * The public verification page of an attestation (the link of its QR code), in the State's design system (DSFR): its
 * styles and fonts are the admin app's, served by the gateway on the same origin; no script, so that it opens on any
 * phone, at once. `outcome` is the verification, or the refusal's message (an unknown or mistyped code).
 */
export function verificationPage(code: string, outcome: Verification | { refusal: string }): string {
  const body =
    'refusal' in outcome ? alert('error', 'Attestation introuvable.', escape(outcome.refusal)) : verified(outcome);
  return `<!doctype html>
<html lang="fr" data-fr-scheme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/dsfr/dsfr.min.css">
<link rel="icon" href="/dsfr/favicon/favicon.svg" type="image/svg+xml">
<title>Vérification d’une attestation — Forma</title>
</head>
<body>
<header role="banner" class="fr-header">
  <div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
    <div class="fr-header__brand fr-enlarge-link"><div class="fr-header__brand-top">
      <div class="fr-header__logo"><p class="fr-logo">Ministère<br>de l’Éducation<br>nationale</p></div>
    </div>
    <div class="fr-header__service"><p class="fr-header__service-title">Forma</p>
      <p class="fr-header__service-tagline">Vérification des attestations de formation</p></div></div>
  </div></div></div>
</header>
<main id="contenu" class="fr-container fr-my-6w" role="main">
<h1>Vérification d’une attestation de présence</h1>
<p>Code : <strong>${escape(code)}</strong></p>
${body}
</main>
<footer class="fr-footer" role="contentinfo"><div class="fr-container"><div class="fr-footer__body">
  <div class="fr-footer__brand"><p class="fr-logo">Ministère<br>de l’Éducation<br>nationale</p></div>
  <div class="fr-footer__content"><p class="fr-footer__content-desc">Forma : la formation continue autour des ENT.</p></div>
</div></div></footer>
</body>
</html>`;
}
