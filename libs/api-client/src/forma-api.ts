// Generated from docs/openapi by `npm run docs:generate` (openapi-typescript): do not edit by hand.
/* eslint-disable */
export interface paths {
  '/api/v1/attendance/attestations/{id}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Une attestation (PDF) : à la personne, aux formateurs et organisateurs, et à qui atteint la personne. */
    get: operations['AttestationsHttpController_pdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/attestations/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Révoque une attestation avec un motif ; `reissue` émet sa remplaçante (la vérification de l’ancienne la nomme). */
    post: operations['AttestationsHttpController_revoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/evaluations/modules/{moduleId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les résultats d’un module sur les sessions closes de 5 réponses ou plus de l’académie (les autres sont seulement comptées). */
    get: operations['EvaluationHttpController_ofModule'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/facilitators': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le vivier de facilitateurs de l’académie (ceux qui répondent à une préoccupation, au besoin). */
    get: operations['FeedbackHttpController_facilitators'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/facilitators/{mail}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Ajoute ou met à jour un enseignant du vivier de facilitateurs de l’académie, avec ses préoccupations. */
    put: operations['FeedbackHttpController_putFacilitator'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/my-attestations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Mes attestations (participant) : celles des inscriptions de la personne du jeton (son adresse) dans son académie, les plus récentes d’abord. */
    get: operations['AttestationsHttpController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/my-sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Mes sessions : celles de l’académie qui nomment le formateur connecté (son adresse), les plus proches d’abord. */
    get: operations['TrainerSessionsHttpController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/registrations/{registrationId}/completion/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Révoque une formation terminée, avec un motif (et l’attestation qu’elle fondait) : CompletionRevoked. */
    post: operations['CompletionHttpController_revoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** La session : ses parties (créneaux, demi-journées, suivi), et les lignes que l’appelant voit avec leurs marques et heures par modalité. */
    get: operations['PresenceHttpController_sheet'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Les activités suivies du parcours (échéance, obligatoire ou non) et si la progression est requise. */
    put: operations['ProgressHttpController_define'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/attestations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les attestations de la session, chacune avec son état : pending (PDF en cours de production), issued, revoked. */
    get: operations['AttestationsHttpController_list'];
    put?: never;
    /** Émet les attestations des formations terminées (jamais pour qui n’a jamais été présent). Ce qu’elles énoncent et leur code sont enregistrés aussitôt ; leurs PDF sont produits ensuite (AttestationIssued, envoi à l’IEN et à la DFP) : 202 tant que `pending` en attend, 200 sinon. La liste des attestations de la session dit où en est chacune (`state`). */
    post: operations['AttestationsHttpController_issue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/attestations.zip': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Toutes les attestations valides de la session, en un ZIP. */
    get: operations['AttestationsHttpController_zip'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le journal de la session : clôtures et réouvertures (qui, quand, motif). */
    get: operations['PresenceHttpController_audit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clôt la session : ses présences sont verrouillées (SessionClosed). */
    post: operations['PresenceHttpController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/completions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les formations terminées de la session (actives et révoquées), avec la version de la règle et ses preuves. */
    get: operations['CompletionHttpController_list'];
    put?: never;
    /** Déclare « formation terminée » (une personne ou toute la liste) : chacune selon la règle (présence, activités requises), avec ce qui manque sinon ; ParticipantCompleted. */
    post: operations['CompletionHttpController_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/evaluation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le questionnaire, le nombre de réponses et s’il est clos. */
    get: operations['EvaluationHttpController_questionnaire'];
    /** Le questionnaire de la session (modifiable jusqu’à la première réponse). */
    put: operations['EvaluationHttpController_define'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/evaluation/answers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Répond, une fois, anonymement : rien ne relie la réponse à la personne (EvaluationSubmitted, sans personne). */
    post: operations['EvaluationHttpController_answer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/evaluation/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clôt l’évaluation : ses résultats deviennent lisibles (à partir de 5 réponses). */
    post: operations['EvaluationHttpController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/evaluation/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les résultats agrégés d’une évaluation close, masqués sous 5 réponses (secret statistique). */
    get: operations['EvaluationHttpController_results'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/feedback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les impressions et les enseignants référents de la session. */
    get: operations['FeedbackHttpController_ofSession'];
    put?: never;
    /** Donne ses impressions à chaud ou à froid (une fois chacune). */
    post: operations['FeedbackHttpController_give'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** La feuille de la session en direct : un flux d’événements qui dit quand la relire (mêmes droits et même périmètre que la feuille). */
    get: operations['PresenceLiveHttpController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/marks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Émarge une personne ou toute la liste ; une partie déjà marquée se corrige par une nouvelle entrée motivée (jamais modifiée). */
    post: operations['PresenceHttpController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/marks.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le registre à plat (CSV) : une ligne par entrée, avec la session, le créneau, le lieu, les durées, le statut et l’auteur. */
    get: operations['PresenceHttpController_csv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** La progression : par participant visible, chaque activité faite / à faire / en retard, et un pourcentage. */
    get: operations['ProgressHttpController_overview'];
    put?: never;
    /** Note des activités faites (ou défaites) par des participants : ProgressUpdated. */
    post: operations['ProgressHttpController_record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/referents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Désigne un participant comme enseignant référent de la phase de pratique, sur une préoccupation. */
    post: operations['FeedbackHttpController_flag'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rouvre une session close, avec un motif gardé dans le journal. */
    post: operations['PresenceHttpController_reopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/sheet.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** La feuille d'émargement (PDF) : chaque créneau et chaque participant, des cases à signer de 30 x 13 mm, aucune ligne coupée. */
    get: operations['PresenceHttpController_sheetPdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/signatures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les signatures électroniques de la session et leur preuve (méthode, heure, fenêtre du code, empreinte). */
    get: operations['SignaturesHttpController_list'];
    put?: never;
    /** Signe la présence d’un participant pour une demi-journée : le code scanné par son propre téléphone, ou la signature tracée sur l’appareil du formateur. Une signature par personne et par demi-journée ; la preuve est gardée. */
    post: operations['SignaturesHttpController_sign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/signed-sheet': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Dépose la feuille signée et numérisée (PDF, PNG ou JPEG, corps brut) ; gardée avec son empreinte SHA-256. */
    put: operations['PresenceHttpController_storeSigned'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/signed-sheets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les feuilles signées déposées (empreinte, taille, qui, quand). */
    get: operations['PresenceHttpController_signedSheets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/signed-sheets/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Une feuille signée, telle que déposée. */
    get: operations['PresenceHttpController_signedSheet'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attendance/sessions/{sessionId}/signing-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le code d’émargement de la demi-journée, à afficher en QR code : il change toutes les 30 secondes et n’est accepté que pendant la demi-journée. */
    get: operations['SignaturesHttpController_code'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/bi/v1/facts/{fact}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Flux incrémental d'un fait de l'académie de l'appelant (sessions, conventions, modules) : changements dans l'ordre de validation, curseur opaque, tombstones pour les suppressions ; aucune donnée personnelle, secret statistique appliqué (moins de 5 personnes). En CSV, le curseur suivant est dans l'en-tête X-Next-Cursor. */
    get: operations['BiHttpController_feed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/days-off': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les jours sans formation possible (week-ends, jours fériés, vacances) d’une zone sur une période. */
    get: operations['CalendarHttpController_daysOff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/calendar/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Importe le calendrier scolaire officiel (open data « Calendrier scolaire », CSV) : les périodes de la zone de votre académie remplacent celles des années présentes ; les autres zones sont ignorées et signalées. */
    post: operations['CalendarHttpController_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les conventions de l’académie (DAFPEN, filtre uai) ou de son école (chef d’établissement). */
    get: operations['ConventionsHttpController_list'];
    put?: never;
    /** Crée une convention (brouillon) pour une école et une année scolaire, avec son plan et ses formateurs accompagnateurs. */
    post: operations['ConventionsHttpController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Une convention : plan, formateurs (heures effectuées, HSE attribuées), signatures, état ; son ETag est la version à renvoyer dans If-Match pour modifier le plan. */
    get: operations['ConventionsHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/allocations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Propose des HSE pour un formateur : refusé au-delà du plafond (cap_exceeded) ou des heures effectuées (above_delivered_hours). */
    post: operations['HseHttpController_allocate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le journal de la convention : chaque changement (qui, quand, avant, après). */
    get: operations['ConventionsHttpController_audit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clôt une convention payée. */
    post: operations['ConventionsHttpController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/convention.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** La convention et son plan, en PDF prêt à signer (ou signé). */
    get: operations['ConventionsHttpController_pdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/fiche.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** La fiche « Formation ENT » (bilan de fin de plan), en PDF. */
    get: operations['ConventionsHttpController_fiche'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/lines/{lineId}/sheet': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Dépose la feuille d’émargement signée d’une ligne du plan (numérisée, corps brut) ; gardée avec son empreinte. */
    put: operations['ConventionsHttpController_sheet'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/paper-copy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** La copie signée sur papier, archivée telle quelle. */
    get: operations['ConventionsHttpController_paperCopy'];
    /** Enregistre une convention signée sur papier : la copie numérisée (PDF, corps brut) et son empreinte valent les deux signatures. */
    put: operations['ConventionsHttpController_paper'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/plan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Remplace le plan et les formateurs ; après une signature, les signatures sont annulées (signaturesVoided) et la convention est à signer de nouveau. */
    put: operations['ConventionsHttpController_plan'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Le bilan de fin de plan du chef d’établissement : analyses et critères de la fiche Formation ENT. */
    put: operations['ConventionsHttpController_report'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/service-fait': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Certifie le service fait : chaque ligne a sa feuille signée, le bilan est remis. */
    post: operations['ConventionsHttpController_serviceFait'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/signatures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Signe (chef d’établissement, puis directeur de la DAFPEN), éventuellement par délégation ; la signature porte l’empreinte du contenu. */
    post: operations['ConventionsHttpController_sign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Le plan signé commence (en cours). */
    post: operations['ConventionsHttpController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Soumet la convention à la signature. */
    post: operations['ConventionsHttpController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/conventions/{id}/validation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** La DAFPEN valide le service fait : la convention entre dans le prochain lot de paie. */
    post: operations['ConventionsHttpController_validate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrolment-imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Importe des participants : extrait GAIA, Mailexport ou tableur (UTF-8 avec ou sans BOM, Windows-1252, ; ou ,). Le fichier est le corps brut de la requête, ou le champ « file » d’un formulaire multipart/form-data (les champs sessionId, format et fileName peuvent l’y précéder). Répond 202 avec le travail ; suivre sa progression par GET. */
    post: operations['ImportsHttpController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrolment-imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Un import : état et progression (lignes lues, acceptées, rejetées), pendant et après. */
    get: operations['ImportsHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrolment-imports/{id}/rejections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les lignes rejetées d’un import (numéro de ligne, code, champ, motif), par pages de 5000 (after = dernier numéro lu). */
    get: operations['ImportsHttpController_rejections'];
    put?: never;
    post?: never;
    /** Supprime les lignes rejetées d’un import terminé (nettoyage par l’administrateur de l’académie) ; le compteur du job reste. */
    delete: operations['ImportsHttpController_deleteRejections'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enrolment-imports/{id}/rejections.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le rapport des lignes rejetées en CSV (motif en français, cellules d’origine, formules neutralisées). */
    get: operations['ImportsHttpController_rejectionsCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/gaia-imports/trainers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Importe l’extraction GAIA des intervenants (6 champs) et les rattache à leurs modules. */
    post: operations['GaiaImportHttpController_trainers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/gaia-imports/trainings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Importe l’extraction GAIA des formations (14 champs séparés par |, Windows-1252) ; idempotent ; lignes rejetées avec leur numéro. */
    post: operations['GaiaImportHttpController_trainings'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Votre identité telle que la passerelle lit votre jeton : rôles, périmètre, nom et mail. */
    get: operations['MeHttpController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/modules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Crée un module (brouillon) ou le publie aussitôt dans l'offre de l'académie de l'appelant. */
    post: operations['ModulesHttpController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/modules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Un module, sa révision courante et ses prérequis (ETag = version pour If-Match). */
    get: operations['ModulesHttpController_get'];
    /** Modifie un module : en place pour un brouillon, nouvelle révision pour un module publié ; refusé si archivé. */
    put: operations['ModulesHttpController_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/modules/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Archive un module (ModuleArchived) : il devient lecture seule. */
    post: operations['ModulesHttpController_archive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/modules/{id}/prerequisites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Remplace les prérequis du module ; un cycle est refusé (422 prerequisite_cycle). */
    put: operations['ModulesHttpController_prerequisites'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/modules/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publie un brouillon (ModulePublished). */
    post: operations['ModulesHttpController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/modules/{id}/revisions/{revision}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Une révision publiée d'un module, telle que les sessions planifiées avec elle la voient. */
    get: operations['ModulesHttpController_revision'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/modules/{moduleId}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les sessions d’un module, par date. */
    get: operations['SessionsHttpController_list'];
    put?: never;
    /** Planifie une session du module publié (révision courante) ; règles du calendrier vérifiées, avertissements rendus. */
    post: operations['SessionsHttpController_schedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/modules/{moduleId}/sessions/plan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accepte un plan du planificateur en une fois : ses sessions planifiées ensemble, ou aucune (le refus nomme la session, sessions[i]). */
    post: operations['SessionsHttpController_acceptPlan'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/offer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** L'offre publiée : recherche plein texte, filtres, tri et pagination par curseur. */
    get: operations['OfferHttpController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/offer/drafts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les brouillons de votre académie (modules créés, pas encore publiés), pour les relire, les modifier et les publier ; recherche et pagination par curseur comme l'offre. */
    get: operations['OfferHttpController_drafts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/operations/outboxes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le retard de chaque boîte d'envoi (outbox) : événements en attente et âge du plus ancien */
    get: operations['OperationsHttpController_outboxes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payment-batches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Produit le lot de paie du service fait validé ; pour des conventions déjà payées, rend le lot qui les a payées (replayed), jamais un second paiement. */
    post: operations['PaymentsHttpController_export'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/payment-batches/{id}/etat-liquidatif.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** L’état liquidatif du lot (CSV ; formateur, grade, HSE, taux, montant, convention, année scolaire). */
    get: operations['PaymentsHttpController_csv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cherche des personnes par mail (casse et espaces ignorés) ou par établissement (UAI). */
    get: operations['PeopleHttpController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Une personne, l’historique de ses changements (source : requête ou import) et ses inscriptions. */
    get: operations['PeopleHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/access-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** RGPD : le journal des lectures des données de cette personne par les administrateurs. */
    get: operations['PeopleHttpController_accessLog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/erasure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** RGPD : efface une personne (pseudonymisée ici, PersonErased pour les autres services) ; dit ce qui est conservé et pourquoi. */
    post: operations['PeopleHttpController_erase'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** RGPD : tout ce que le service des inscriptions détient d’une personne, en JSON (la personne elle-même ou qui l’atteint ; la lecture est journalisée). */
    get: operations['PeopleHttpController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/planner/proposals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Propose les sessions d’un module (x = participants / max par session, ou y sessions n fois) dans le calendrier de la zone de l’appelant. Ne crée rien : le plan se valide ensuite session par session. */
    post: operations['PlannerHttpController_propose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference/academies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les académies, leur zone de calendrier scolaire et leur région de jours fériés. */
    get: operations['ReferenceHttpController_academies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference/canope-dts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les directions territoriales Canopé. */
    get: operations['ReferenceHttpController_canopeDts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference/canope-dts/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Crée ou met à jour une direction territoriale Canopé. */
    put: operations['ReferenceHttpController_canopeDt'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les départements connus. */
    get: operations['ReferenceHttpController_departments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference/departments/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Crée ou met à jour un département. */
    put: operations['ReferenceHttpController_department'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference/districts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les circonscriptions connues. */
    get: operations['ReferenceHttpController_districts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference/districts/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Crée ou met à jour une circonscription. */
    put: operations['ReferenceHttpController_district'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference/schools': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les établissements, par académie ou par nom. */
    get: operations['ReferenceHttpController_schools'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference/schools/{uai}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Crée ou met à jour un établissement (UAI vérifiée avec sa lettre de contrôle) dans l'académie de l'appelant. */
    put: operations['ReferenceHttpController_school'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les inscriptions d’une session, avec leur état et le rang sur liste d’attente. */
    get: operations['RegistrationsHttpController_list'];
    put?: never;
    /** Inscrit une personne à une session : demande individuelle (à accepter) ou désignation (place ou liste d’attente). */
    post: operations['RegistrationsHttpController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Une inscription et l’historique de ses états (avec raisons). */
    get: operations['RegistrationsHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accepte une demande individuelle : place si libre, sinon liste d’attente. */
    post: operations['RegistrationsHttpController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Annule une inscription (raison obligatoire) ; une place libérée va au premier de la liste d’attente. */
    post: operations['RegistrationsHttpController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/by-school': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Une page des inscriptions des personnes d’un établissement (UAI), toutes sessions de votre académie, les plus récentes d’abord (filtres : état, mots du nom ou du mail) ; seules les personnes à votre portée. */
    get: operations['RegistrationsHttpController_bySchool'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Exporte les inscriptions d’une session en CSV (;), cellules neutralisées contre l’injection de formules. */
    get: operations['RegistrationsHttpController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Mes inscriptions (participant) : celles de la personne du jeton (son adresse) dans son académie, avec le module, les jours et le rang en liste d’attente. */
    get: operations['RegistrationsHttpController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/mine/{id}/convocation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ma convocation (participant) : le texte envoyé par mail pour une de mes inscriptions confirmées, et où en est son envoi. */
    get: operations['ConvocationsHttpController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/registrations/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Une page des inscriptions d’une session (filtres : état, mots du nom ou du mail ; tri ; décalage et taille), le total et les places de la session. */
    get: operations['RegistrationsHttpController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/bilan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le bilan d'un niveau (académie, département, circonscription, établissement, DT, formation, dispositif), en temps réel ou à une date passée ; secret statistique appliqué. */
    get: operations['BilanHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/bilan/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le bilan en CSV (;) : une ligne par valeur (section, ligne, indicateur, valeur), « secret » pour une valeur retenue. */
    get: operations['BilanHttpController_csv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/bilan/export.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le bilan en PDF, en français, avec ses graphiques (participants par profil, heures par modalité). */
    get: operations['BilanHttpController_pdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/bilan/export.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le bilan en XLSX : une feuille par section, nombres et dates en cellules typées. */
    get: operations['BilanHttpController_xlsx'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/bilan/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le bilan en direct : un flux d’événements qui dit quand redemander le bilan (mêmes droits et même périmètre que le bilan). */
    get: operations['BilanHttpController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/events/unknown': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les événements reçus d'un type ou d'une version que reporting ne connaît pas : gardés dans le journal, non appliqués (académie de l'appelant). */
    get: operations['EventLogHttpController_unknown'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lance l'export d'un bilan (CSV, XLSX ou PDF) en tâche de fond : le périmètre est vérifié tout de suite, la progression se suit sur la tâche. */
    post: operations['ExportJobsHttpController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/exports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Une tâche d'export : son état, sa progression (étapes faites sur le total), le lien du fichier une fois prêt ; à son demandeur seulement. */
    get: operations['ExportJobsHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/exports/{id}/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Le fichier d'un export terminé (409 export_not_ready tant qu'il ne l'est pas). */
    get: operations['ExportJobsHttpController_file'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/offer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** L'offre publiée de l'académie de l'appelant, par date de publication (pagination par curseur). */
    get: operations['OfferReportHttpController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les demandes, les plus récentes d’abord : toutes celles de l’académie pour ses organisateurs (DAFPEN, Canopé, IEN), les siennes pour les autres. */
    get: operations['RequestsHttpController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Une demande, son état et son historique : à son auteur et aux organisateurs de son académie. */
    get: operations['RequestsHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/requests/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accepte ou refuse (avec motif) une demande soumise : OpeningRequestDecided. */
    post: operations['RequestsHttpController_decide'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/requests/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retire une demande encore soumise (son auteur). */
    post: operations['RequestsHttpController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/requests/module-opening': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Demande d'ouverture d'un module de formation (formulaire DFP). */
    post: operations['RequestsHttpController_opening'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/requests/parcours-provision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Demande de mise à disposition d'un parcours (adressée au gestionnaire m@gistère). */
    post: operations['RequestsHttpController_provision'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Une session (ETag = version pour If-Match). */
    get: operations['SessionsHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Déplace ou modifie une session (créneaux, lieu, capacité, formateurs) ; le second écrivant concurrent reçoit 409. */
    patch: operations['SessionsHttpController_reschedule'];
    trace?: never;
  };
  '/api/v1/sessions/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Annule la session, avec le motif (SessionCancelled). */
    post: operations['SessionsHttpController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/{id}/deliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** « Formation terminée » : la session a eu lieu (SessionDelivered). */
    post: operations['SessionsHttpController_deliver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sessions/{id}/open': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ouvre la session aux inscriptions. */
    post: operations['SessionsHttpController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/training-plan/waves': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Les vagues de déploiement du plan de formation ENT de votre académie, avec leurs prévisions. */
    get: operations['TrainingPlanHttpController_list'];
    put?: never;
    /** Planifie une vague de déploiement (modules x publics, effectifs, sessions, formateurs, heures prévus) : DeploymentWavePlanned. */
    post: operations['TrainingPlanHttpController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/training-plan/waves/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Une vague de déploiement de votre académie (ETag = révision pour If-Match). */
    get: operations['TrainingPlanHttpController_get'];
    /** Révise une vague entière (dates, lignes) : nouvelle révision publiée. */
    put: operations['TrainingPlanHttpController_revise'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/verification/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Vérifie une attestation par son code (sans connexion) : ce qu’elle énonce, si elle est valide ou révoquée (et par quoi remplacée), l’empreinte SHA-256 de son PDF.
     * @description Route publique, sans jeton ; limitée par adresse (429 `rate_limited` avec `Retry-After`).
     */
    get: operations['VerificationHttpController_verify'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workshop-plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Forme les groupes d’ateliers (6 au plus, préoccupation partagée, profils mêlés, un catalyseur) et leurs parcours ; déterministe et expliqué. */
    post: operations['WorkshopPlansHttpController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/workshop-plans/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Un plan de groupes (ETag = version pour If-Match) : aux organisateurs de son académie, au chef d’établissement ou à l’IEN qui l’a fait. */
    get: operations['WorkshopPlansHttpController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Retouche à la main : déplace des enseignants d’un groupe à l’autre (jamais au-delà de 6) ; GroupFormed pour les groupes modifiés. */
    patch: operations['WorkshopPlansHttpController_edit'];
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and readiness: database, broker, outbox relay, event consumer (503 when one is down). */
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/verification/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * La page de vérification (le lien du QR code).
     * @description Route publique, sans jeton ; limitée par adresse (429 `rate_limited` avec `Retry-After`).
     */
    get: operations['VerificationHttpController_page'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description The académies (seeded by the migration with their calendar zone and holiday region). */
    Academy: {
      code: string;
      holidayRegion: string | null;
      name: string;
      timeZone: string;
      zone: string;
    };
    AcceptPlanRequest: {
      /** @description Les sessions du plan, de 1 à 50. */
      sessions: components['schemas']['ScheduleSessionRequest'][];
    };
    ActivitiesRequest: {
      activities: components['schemas']['ActivityRequest'][];
      /** @description La progression est-elle requise pour « formation terminée » (sinon seulement indicative) ? */
      progressRequired: boolean;
    };
    /** @description The parcours' monitored activities (m@gistère's progress bar): what each participant did, by its due date. */
    Activity: {
      dueOn: string | null;
      id: string;
      required: boolean;
      title: string;
    };
    ActivityRequest: {
      /** @example 2027-04-10 */
      dueOn?: string;
      /**
       * Format: uuid
       * @description Pour garder une activité existante (et la progression déjà notée).
       */
      id?: string;
      /** @example true */
      required: boolean;
      /** @example Publier une ressource dans l’ENT */
      title: string;
    };
    /** @enum {string} */
    ActivityState: 'done' | 'not-done' | 'overdue';
    AllocationRequest: {
      /**
       * @description HSE ajoutées (décimal, deux chiffres après la virgule au plus).
       * @example 6.5
       */
      hse: string;
      /** Format: uuid */
      trainerId: string;
    };
    AnswersRequest: {
      /**
       * @description Une réponse de 1 à 4 par question.
       * @example {
       *       "device-reliability": 4,
       *       "overall-satisfaction": 3
       *     }
       */
      answers: Record<string, never>;
    };
    /** @enum {string} */
    AttendanceModality: 'face-to-face' | 'virtual-class' | 'follow-up';
    /** @description An attestation of a session as its list shows it: where it stands, whom it names, its digest once rendered. */
    AttestationView: {
      /** @description Its verification code, e.g. 7Q2M-XK4D-9RBT-1HWS-M. */
      code: string;
      id: string;
      /** Format: date-time */
      issuedAt: string;
      person: {
        firstName: string;
        lastName: string;
        school: string | null;
      };
      registrationId: string;
      replacedBy: string | null;
      /** Format: date-time */
      revokedAt: string | null;
      revokeReason: string | null;
      sha256: string | null;
      /** @enum {string} */
      state: 'pending' | 'issued' | 'revoked';
    };
    BatchRequest: {
      /** @description Sans liste : tout service fait validé non payé de l’académie. */
      conventionIds?: string[];
    };
    BatchView: {
      id: string;
      lines: number;
      replayed: boolean;
      sha256: string;
      totalAmount: string;
    };
    BiChangeView: {
      /** @description Le contenu publié de la cellule, sans donnée personnelle, secret statistique appliqué. */
      data?: Record<string, never> | null;
      /** @description Clé de la cellule (identifiant de la session, de la convention, du module). */
      key: string;
      /**
       * @description upsert : la cellule vaut désormais `data` ; delete : elle n’existe plus (tombstone).
       * @enum {string}
       */
      op: 'upsert' | 'delete';
    };
    BiFeedView: {
      fact: string;
      /** @description Vrai si une page pleine a été rendue : relire tout de suite. */
      hasMore: boolean;
      /**
       * @description Des changements déjà validés attendent derrière une transaction encore ouverte dans la base de reporting (rien n'est donné au-delà, pour ne rien sauter) : depuis combien de secondes elle dure. Null : rien n'attend. Une transaction inactive est close par le serveur au bout de 15 s.
       * @example 3.4
       */
      heldBackSeconds?: number | null;
      items: components['schemas']['BiChangeView'][];
      /** @description À renvoyer pour lire la suite ; identique au curseur reçu s’il n’y a rien de nouveau. */
      nextCursor: string;
    };
    Bilan: {
      academy: string;
      /** @description The day the bilan stands at (null: now). */
      asOf: string | null;
      code: string;
      evaluation: {
        answers: components['schemas']['Figure'];
        responseRate: components['schemas']['Figure'];
      };
      generatedAt: string;
      hse: {
        amountPaid: components['schemas']['Figure_string_'];
        conventions: number;
        hseAllocated: components['schemas']['Figure_string_'];
        hseCap: components['schemas']['Figure_string_'];
        hsePaid: components['schemas']['Figure_string_'];
        paid: number;
        serviceFait: number;
        signed: number;
        trainers: components['schemas']['Figure'];
      };
      label: string;
      level: string;
      modalities: {
        rows: {
          attendanceRate: components['schemas']['Figure'];
          attendedHours: components['schemas']['Figure_string_'];
          modality: string;
          people: components['schemas']['Figure'];
        }[];
      };
      /** @description The activity it covers (null: since the beginning). */
      period: components['schemas']['BilanPeriod'] | null;
      /** @description Plan versus realised per deployment wave (seed 001): forecasts are published, realised people under secrecy. */
      plan: {
        modules: {
          deliveredHours: string;
          deliveredSessions: number;
          forecastHours: string;
          forecastSessions: number;
          forecastTrainers: number;
          module: string;
          wave: string;
        }[];
        rows: {
          achievement: components['schemas']['Figure'];
          endsOn: string;
          forecastHeadcount: number;
          module: string;
          participants: components['schemas']['Figure'];
          profile: string;
          startsOn: string;
          wave: string;
          waveLabel: string;
        }[];
      };
      profiles: {
        rows: {
          attendanceRate: components['schemas']['Figure'];
          attestations: components['schemas']['Figure'];
          completionRate: components['schemas']['Figure'];
          completions: components['schemas']['Figure'];
          participants: components['schemas']['Figure'];
          profile: string;
        }[];
        total: {
          attendanceRate: components['schemas']['Figure'];
          attestations: components['schemas']['Figure'];
          completionRate: components['schemas']['Figure'];
          completions: components['schemas']['Figure'];
          participants: components['schemas']['Figure'];
        };
      };
      schools: {
        rows: {
          name: string;
          participants: components['schemas']['Figure'];
          uai: string;
        }[];
        total: components['schemas']['Figure'];
      };
      secrecy: {
        threshold: number;
        withheld: number;
      };
      sessions: {
        cancelled: number;
        delivered: number;
        planned: number;
        plannedHoursDelivered: {
          faceToFace: string;
          virtualClass: string;
        };
      };
    };
    /** @description The activity a bilan covers: the sessions held from `from` to `to` (their first day), with their registrations, presence, completions, attestations and evaluations; the conventions and training-plan waves of the school years the period touches. `schoolYear` names it when it is one school year. No period: everything since the beginning. */
    BilanPeriod: {
      from: string;
      schoolYear: string | null;
      to: string;
    };
    /** @description A rule that is broken (error) or only advised (warning): stable code, offending field, French message. */
    CalendarFinding: {
      code: string;
      field: string;
      message: string;
    };
    /** @description The school calendar imported: the periods kept for the académie's zone, by year, and the zones ignored. */
    CalendarImported: {
      ignoredZones: string[];
      periods: number;
      zones: {
        periods: number;
        schoolYear: string;
        zone: string;
      }[];
    };
    CancelRegistrationRequest: {
      /** @example Empêchement de service */
      comment?: string;
      /**
       * @example withdrawn
       * @enum {string}
       */
      reason: 'withdrawn' | 'refused' | 'session_cancelled' | 'duplicate' | 'other';
    };
    CancelSessionRequest: {
      /** @example Formateur indisponible, session reportée au trimestre suivant. */
      reason: string;
    };
    CanopeDtRequest: {
      /**
       * @example [
       *       "guyane",
       *       "martinique",
       *       "guadeloupe"
       *     ]
       */
      academies: string[];
      /** @example DT Antilles-Guyane (fictive) */
      name: string;
    };
    CanopeDtView: {
      /**
       * @example [
       *       "guyane",
       *       "martinique",
       *       "guadeloupe"
       *     ]
       */
      academies: string[];
      /** @example dt-antilles-guyane */
      code: string;
      /** @example DT Antilles-Guyane (fictive) */
      name: string;
    };
    CompleteRequest: {
      /** @description Une inscription, ou toute la liste. */
      registrationIds: string[];
    };
    CompletionEvidence: {
      activitiesDone: number;
      activitiesRequired: number;
      attendance: number;
      attendedMinutes: number;
      plannedMinutes: number;
      ruleVersion: number;
    };
    CompletionOutcome: {
      completedAt?: string;
      evidence?: components['schemas']['CompletionEvidence'];
      missing?: {
        code: string;
        message: string;
      }[];
      /** @enum {string} */
      outcome: 'completed' | 'already_completed' | 'refused';
      registrationId: string;
    };
    CompletionRevoked: {
      registrationId: string;
      revokedAt: string;
    };
    CompletionRow: {
      /** Format: date-time */
      completedAt: string;
      completedBy: string;
      evidence: components['schemas']['CompletionEvidence'];
      id: string;
      registrationId: string;
      /** Format: date-time */
      revokedAt: string | null;
      revokeReason: string | null;
      ruleVersion: number;
      sessionId: string;
    };
    ContentRequest: {
      lines: components['schemas']['remuneration.PlanLineRequest'][];
      trainers: components['schemas']['TrainerRequest'][];
    };
    /** @description A change of a convention or of its parts: what, who, when, the state before and after. */
    ConventionAuditEntry: {
      action: string;
      actor: string;
      after: unknown;
      /** Format: date-time */
      at: string;
      before: unknown;
      entity: string;
    };
    /** @description The convention after its plan changed: how many signatures the change voided. */
    ConventionRevised: {
      academy: string;
      capHse: string;
      /** Format: date-time */
      closedAt: string | null;
      contentSha256: string;
      createdBy: string;
      district: string | null;
      id: string;
      lines: {
        audience: string | null;
        date: string;
        deliveredMinutes: number | null;
        headcount: number;
        id: string;
        /** @enum {string} */
        kind: 'face-to-face' | 'online';
        minutes: number;
        /** @enum {string|null} */
        modality: 'cv' | 'suivi' | null;
        position: number;
        sessionId: string | null;
        sheetSha256: string | null;
        trainerId: string;
        trainerMail: string;
      }[];
      /** Format: date-time */
      paidAt: string | null;
      paperCopySha256: string | null;
      report: {
        [key: string]: unknown;
      } | null;
      /** Format: date-time */
      reportSubmittedAt: string | null;
      /** @description Raised by every change: `ETag`, and what an update names in `If-Match`. */
      rowVersion: number;
      schoolName: string | null;
      schoolYear: string;
      /** Format: date-time */
      serviceFaitAt: string | null;
      signatures: components['schemas']['SignatureRow'][];
      signaturesVoided: number;
      state: components['schemas']['ConventionState'];
      trainers: {
        allocatedHse: string;
        capHse: string;
        deliveredMinutes: number;
        engaged: boolean;
        grade: string;
        id: string;
        mail: string;
        name: string;
      }[];
      uai: string;
      /** Format: date-time */
      validatedAt: string | null;
    };
    ConventionRow: {
      academy: string;
      capHse: string;
      /** Format: date-time */
      closedAt: string | null;
      contentSha256: string;
      createdBy: string;
      district: string | null;
      id: string;
      /** Format: date-time */
      paidAt: string | null;
      paperCopySha256: string | null;
      report: {
        [key: string]: unknown;
      } | null;
      /** Format: date-time */
      reportSubmittedAt: string | null;
      /** @description Raised by every change: `ETag`, and what an update names in `If-Match`. */
      rowVersion: number;
      schoolName: string | null;
      schoolYear: string;
      /** Format: date-time */
      serviceFaitAt: string | null;
      state: components['schemas']['ConventionState'];
      uai: string;
      /** Format: date-time */
      validatedAt: string | null;
    };
    /** @enum {string} */
    ConventionState:
      | 'draft'
      | 'submitted'
      | 'signed-by-head'
      | 'signed'
      | 'in-progress'
      | 'report-submitted'
      | 'service-fait'
      | 'paid'
      | 'closed';
    ConventionView: {
      academy: string;
      capHse: string;
      /** Format: date-time */
      closedAt: string | null;
      contentSha256: string;
      createdBy: string;
      district: string | null;
      id: string;
      lines: {
        audience: string | null;
        date: string;
        deliveredMinutes: number | null;
        headcount: number;
        id: string;
        /** @enum {string} */
        kind: 'face-to-face' | 'online';
        minutes: number;
        /** @enum {string|null} */
        modality: 'cv' | 'suivi' | null;
        position: number;
        sessionId: string | null;
        sheetSha256: string | null;
        trainerId: string;
        trainerMail: string;
      }[];
      /** Format: date-time */
      paidAt: string | null;
      paperCopySha256: string | null;
      report: {
        [key: string]: unknown;
      } | null;
      /** Format: date-time */
      reportSubmittedAt: string | null;
      /** @description Raised by every change: `ETag`, and what an update names in `If-Match`. */
      rowVersion: number;
      schoolName: string | null;
      schoolYear: string;
      /** Format: date-time */
      serviceFaitAt: string | null;
      signatures: components['schemas']['SignatureRow'][];
      state: components['schemas']['ConventionState'];
      trainers: {
        allocatedHse: string;
        capHse: string;
        deliveredMinutes: number;
        engaged: boolean;
        grade: string;
        id: string;
        mail: string;
        name: string;
      }[];
      uai: string;
      /** Format: date-time */
      validatedAt: string | null;
    };
    /** @enum {string} */
    ConvocationState: 'pending' | 'sending' | 'sent' | 'failed';
    CreateConventionRequest: {
      lines: components['schemas']['remuneration.PlanLineRequest'][];
      /** @example 2026-2027 */
      schoolYear: string;
      trainers: components['schemas']['TrainerRequest'][];
      /** @example 9730298L */
      uai: string;
    };
    CreateModuleRequest: {
      /**
       * @example pedagogical-use-1
       * @enum {string}
       */
      category:
        | 'presentation'
        | 'pedagogical-use-1'
        | 'pedagogical-use-2'
        | 'pedagogical-use-3'
        | 'communication'
        | 'administration'
        | 'updates'
        | 'unclassified';
      durations: components['schemas']['ModuleDurationsDto'];
      gaia?: components['schemas']['GaiaIdentifiersDto'];
      /**
       * @example module
       * @enum {string}
       */
      kind: 'information' | 'workshop' | 'module' | 'magistere-parcours' | 'specialised-workshop';
      /** @example 12 */
      maxParticipantsPerSession?: number;
      /**
       * @example face-to-face
       * @enum {string}
       */
      modality: 'face-to-face' | 'distance' | 'hybrid';
      /**
       * @default academie
       * @example canope
       * @enum {string}
       */
      origin: 'dgesco' | 'ife' | 'canope' | 'academie';
      /**
       * @description Responsable pédagogique.
       * @example IEN fictive de la circonscription Nord
       */
      pedagogicalOwner?: string;
      resources?: components['schemas']['ModuleResourceDto'][];
      /** @example Canoprof M1 */
      shortTitle?: string;
      /**
       * @description Créer en brouillon ou publier aussitôt.
       * @default published
       * @enum {string}
       */
      status: 'draft' | 'published';
      /**
       * @example [
       *       "teacher"
       *     ]
       */
      targetProfiles: (
        'ien' | 'cpd' | 'cpc' | 'erun' | 'school-head' | 'teacher' | 'parents' | 'dsi-collectivite' | 'administrator'
      )[];
      /**
       * @description Thèmes abordés (seed 001).
       * @example [
       *       "prise en main",
       *       "séquences pédagogiques"
       *     ]
       */
      themes?: string[];
      /** @example Canoprof — module M1 « starter » */
      title: string;
      /**
       * @example referent-canope
       * @enum {string}
       */
      trainerType?:
        | 'ien-numerique'
        | 'equipe-circonscription'
        | 'enseignant'
        | 'fournisseur-ent'
        | 'erun-dsi'
        | 'referent-canope'
        | 'formateur-academique';
    };
    CriterionRequest: {
      comment?: string;
      rating: number;
    };
    CurrentMark: {
      id: string;
      minutes: number;
      part: components['schemas']['SlotPart'];
      registrationId: string;
      slotIndex: number;
      status: components['schemas']['PresenceStatus'];
    };
    DayOff: {
      date: string;
      label: string;
      reason: string;
    };
    DecideRequest: {
      /**
       * @example refused
       * @enum {string}
       */
      decision: 'accepted' | 'refused';
      /**
       * @description Obligatoire pour un refus.
       * @example Places déjà couvertes par le dispositif académique.
       */
      reason?: string;
    };
    DepartmentRequest: {
      /** @example guyane */
      academy: string;
      /** @example Guyane */
      name: string;
    };
    DepartmentView: {
      /** @example guyane */
      academy: string;
      /** @example 973 */
      code: string;
      /** @example Guyane */
      name: string;
    };
    DeploymentWaveRequest: {
      /**
       * @description Code de la vague, unique dans l'année scolaire de l'académie.
       * @example V1
       */
      code: string;
      /** @example 2026-12-18 */
      endsOn: string;
      /** @example Vague 1 : formation de formateurs et écoles pilotes */
      label: string;
      lines: components['schemas']['PlanLineRequest'][];
      /** @example 2026-2027 */
      schoolYear: string;
      /** @example 2026-09-14 */
      startsOn: string;
      /** @example true */
      trainTheTrainers: boolean;
    };
    DeploymentWaveResponse: {
      /** @example corse */
      academy: string;
      /**
       * @description Code de la vague, unique dans l'année scolaire de l'académie.
       * @example V1
       */
      code: string;
      /** @example 2026-12-18 */
      endsOn: string;
      id: string;
      /** @example Vague 1 : formation de formateurs et écoles pilotes */
      label: string;
      lines: components['schemas']['PlanLineRequest'][];
      /**
       * @description Révision (ETag pour If-Match).
       * @example 1
       */
      revision: number;
      /** @example 2026-2027 */
      schoolYear: string;
      /** @example 2026-09-14 */
      startsOn: string;
      /** @example true */
      trainTheTrainers: boolean;
    };
    DistrictRequest: {
      /** @example 973 */
      department: string;
      /** @example Circonscription fictive de Kourou */
      name: string;
    };
    DistrictView: {
      /** @example guyane */
      academy: string;
      /** @example 973-kourou */
      code: string;
      /** @example 973 */
      department: string;
      /** @example Circonscription fictive de Kourou */
      name: string;
    };
    EditPlanRequest: {
      moves: components['schemas']['MoveRequest'][];
    };
    EvaluationClosed: {
      /** @enum {boolean} */
      closed: true;
      sessionId: string;
    };
    /** @description Anonymous evaluations, pure: the questionnaire (seed 002's criteria and the usual satisfaction items, answered on a four-step scale), the validation of one set of answers, and the statistical secrecy of the results. */
    EvaluationItem: {
      key: string;
      label: string;
    };
    EventEnvelope: Record<string, never>;
    /** @description A registration as the RGPD export gives it, with its transitions. */
    ExportedRegistration: {
      academy: string;
      /** Format: date-time */
      createdAt: string;
      id: string;
      kind: string;
      moduleId: string;
      sessionId: string;
      state: string;
      transitions:
        | {
            at: string;
            from: string | null;
            reason: string | null;
            to: string;
          }[]
        | null;
    };
    ExportJobView: {
      asOf?: string | null;
      code: string;
      createdAt: string;
      /** @description La raison d'un échec. */
      error?: string | null;
      fileName?: string | null;
      /** @description Le fichier, une fois prêt. */
      fileUrl?: string | null;
      finishedAt?: string | null;
      /** @enum {string} */
      format: 'csv' | 'xlsx' | 'pdf';
      id: string;
      label: string;
      level: string;
      period?: components['schemas']['PeriodView'] | null;
      progress: components['schemas']['ExportProgressView'];
      /** @description SHA-256 du fichier produit. */
      sha256?: string | null;
      /** @enum {string} */
      state: 'queued' | 'running' | 'done' | 'failed';
    };
    ExportProgressView: {
      /** @example 2 */
      done: number;
      /** @example 67 */
      percent: number;
      /** @example 3 */
      total: number;
    };
    /** @description A facilitator teacher of the académie's pool, with the concerns they answer. */
    Facilitator: {
      concerns: string[];
      mail: string;
      name: string;
    };
    FacilitatorRequest: {
      /**
       * @example [
       *       "Oral",
       *       "Différenciation"
       *     ]
       */
      concerns: string[];
      /** @example Léa Exemple */
      name: string;
    };
    FeedbackGiven: {
      moment: components['schemas']['Moment'];
      /** @enum {boolean} */
      recorded: true;
      sessionId: string;
    };
    FeedbackRequest: {
      /**
       * @description À chaud (fin d’atelier) ou à froid (une semaine après au moins).
       * @enum {string}
       */
      moment: 'hot' | 'cold';
      /** @example Les capsules vidéo fonctionnent avec mes 6e ; à tester en différenciation. */
      text: string;
    };
    FieldSource: {
      at: string;
      source: string;
    };
    /** @description A figure as published: its value, or null with `withheld` when statistical secrecy keeps it back. */
    Figure: {
      value: number | null;
      /** @enum {string} */
      withheld?: 'primary' | 'secondary' | 'total';
    };
    /** @description A figure as published: its value, or null with `withheld` when statistical secrecy keeps it back. */
    Figure_string_: {
      value: string | null;
      /** @enum {string} */
      withheld?: 'primary' | 'secondary' | 'total';
    };
    GaiaIdentifiersDto: {
      /** @example 15A0330016 */
      dispositif: string;
      /** @example 7863 */
      moduleNumber: number;
    };
    GaiaImportReport: {
      created: number;
      /** @enum {string} */
      file: 'trainings' | 'trainers';
      lines: number;
      /** @description Shared references the file names but another académie owns (a national dispositif's module or name): its sessions are attached, the reference is left as its owner wrote it (issue 22). */
      notChanged: components['schemas']['RejectedLine'][];
      rejected: components['schemas']['RejectedLine'][];
      unchanged: number;
      updated: number;
    };
    GroupMember: {
      catalyst: boolean;
      discipline: string;
      experience: string;
      key: string;
      name: string;
      reasons: string[];
    };
    GroupResult:
      | {
          items: {
            counts: {
              [key: string]: number;
            };
            key: string;
            label: string;
            mean: number;
          }[];
          respondents: number;
          /** @enum {boolean} */
          suppressed: false;
        }
      | {
          reason: string;
          /** @enum {unknown|null} */
          respondents: null;
          /** @enum {boolean} */
          suppressed: true;
        };
    /** @description The HSE allocated to a trainer under the convention (an exact decimal, as a string). */
    HseAllocated: {
      allocatedHse: string;
      trainerId: string;
    };
    Identity: {
      /** @description The person's mail as the identity provider knows it: how a trainer is found on a session, a participant on a registration. */
      mail?: string;
      name?: string;
      roles: components['schemas']['Role'][];
      scope: components['schemas']['Scope'];
      /** @description Subject: a stable id of the person (or client) as the identity provider knows it. */
      sub: string;
    };
    /** @enum {string} */
    ImportFormat: 'gaia' | 'mailexport' | 'spreadsheet';
    ImportJobView: {
      academy: string;
      accepted: number;
      createdAt: string;
      delimiter: string | null;
      encoding: string | null;
      error: string | null;
      finishedAt: string | null;
      format: components['schemas']['ImportFormat'];
      id: string;
      peopleCreated: number;
      peopleUpdated: number;
      registrationsCreated: number;
      rejected: number;
      rowsRead: number;
      sessionId: string | null;
      /** @enum {string} */
      state: 'running' | 'completed' | 'failed';
      waitlisted: number;
    };
    IssueAnswer: {
      issued: components['schemas']['IssuedAttestation'][];
      /** @description How many PDFs are still being produced (202 while some are). */
      pending: number;
      skipped: components['schemas']['SkippedRegistration'][];
    };
    /** @description An attestation just issued: its code, where its PDF stands and where it is verified. */
    IssuedAttestation: {
      code: string;
      id: string;
      registrationId: string;
      sha256: string | null;
      /** @enum {string} */
      state: 'pending' | 'issued' | 'revoked';
      verificationUrl: string;
    };
    IssueRequest: {
      /** @description Sans liste : toutes les formations terminées sans attestation. */
      registrationIds?: string[];
    };
    ItemRequest: {
      /** @example device-reliability */
      key: string;
      /** @example Le dispositif a fonctionné de manière fiable. */
      label: string;
    };
    LedgerRow: {
      author: string;
      corrects: string | null;
      id: string;
      minutes: number;
      modality: components['schemas']['AttendanceModality'];
      part: components['schemas']['SlotPart'];
      provenance: components['schemas']['MarkProvenance'];
      reason: string | null;
      /** Format: date-time */
      recordedAt: string;
      registrationId: string;
      slotIndex: number;
      status: components['schemas']['PresenceStatus'];
    };
    /** @description A plan line's signed sheet, stored with its digest. */
    LineSheetStored: {
      lineId: string;
      sha256: string;
    };
    /** @enum {string} */
    MarkProvenance: 'trainer' | 'import' | 'virtual-class-report' | 'e-signature';
    MarkRequest: {
      /**
       * @description Heures réelles d’une présence partielle (décimal, deux chiffres après la virgule au plus).
       * @example 1.5
       */
      hours?: string;
      /**
       * @description Demi-journée d’un créneau d’une journée (morning, afternoon) ; whole sinon.
       * @enum {string}
       */
      part?: 'whole' | 'morning' | 'afternoon';
      /**
       * @default trainer
       * @enum {string}
       */
      provenance: 'trainer' | 'import' | 'virtual-class-report';
      /**
       * @description Obligatoire pour corriger une marque existante.
       * @example Erreur de saisie : arrivée à 10 h
       */
      reason?: string;
      /** Format: uuid */
      registrationId: string;
      /**
       * @description Index du créneau dans la session (le suivi à distance vient après le dernier créneau).
       * @example 0
       */
      slotIndex: number;
      /**
       * @example present
       * @enum {string}
       */
      status: 'present' | 'partial' | 'absent' | 'excused' | 'not-applicable';
    };
    ModuleDurationsDto: {
      /**
       * @description Distance hours, asynchronous (on the platform).
       * @example 0
       */
      distanceAsynchronousHours: number;
      /**
       * @description Distance hours, synchronous (virtual class).
       * @example 0
       */
      distanceSynchronousHours: number;
      /**
       * @description Face-to-face hours per participant.
       * @example 3
       */
      faceToFaceHours: number;
    };
    ModuleOpeningRequest: {
      /** @example Outils de préparation, ENT, ressources. */
      content: string;
      /** @example 15A0330016 */
      dispositif?: string;
      /** @example Stage */
      form: string;
      /** @example Une journée en présence puis un suivi à distance. */
      formDescription?: string;
      /** @example Administration et préparation de la classe avec le numérique */
      label: string;
      /**
       * @example hybrid
       * @enum {string}
       */
      modality: 'face-to-face' | 'distance' | 'hybrid';
      modalityDescription?: string;
      moduleId?: string;
      /** @example 7863 */
      moduleNumber?: number;
      /**
       * @example magistere-parcours
       * @enum {string}
       */
      moduleType: 'information' | 'workshop' | 'module' | 'magistere-parcours' | 'specialised-workshop';
      /** @example Savoir préparer une séquence avec les services de l’ENT. */
      pedagogicalObjective: string;
      /** @example IEN fictive de la circonscription Nord */
      pedagogicalOwner: string;
      /**
       * @description Lieu prévu.
       * @example 9730298L
       */
      placeUai?: string;
      /** @example 6 */
      plannedHoursPerPerson: number;
      /** @example 2 groupes de 12, mars-avril, au rectorat puis à distance. */
      plannedOrganisation: string;
      /** @example 24 */
      plannedPlaces: number;
      /** @example Préparer la classe avec le numérique */
      shortLabel: string;
      /** @example Professeurs des écoles du cycle 3 */
      targetPublic: string;
      targetPublicDescription?: string;
      /** @example 2 */
      trainerCount: number;
    };
    ModuleResourceDto: {
      /** @example Guide du formateur */
      title: string;
      /** @example https://ressources.example.org/canoprof/guide-formateur.pdf */
      url: string;
    };
    ModuleResponse: {
      /** @example guyane */
      academy: string;
      /** Format: date-time */
      archivedAt?: string | null;
      /** @enum {string} */
      category:
        | 'presentation'
        | 'pedagogical-use-1'
        | 'pedagogical-use-2'
        | 'pedagogical-use-3'
        | 'communication'
        | 'administration'
        | 'updates'
        | 'unclassified';
      /** Format: date-time */
      createdAt: string;
      durations: components['schemas']['ModuleDurationsDto'];
      gaia?: components['schemas']['GaiaIdentifiersDto'] | null;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'information' | 'workshop' | 'module' | 'magistere-parcours' | 'specialised-workshop';
      maxParticipantsPerSession?: number | null;
      /** @enum {string} */
      modality: 'face-to-face' | 'distance' | 'hybrid';
      /** @example canope */
      origin: string;
      pedagogicalOwner?: string | null;
      /** @description Modules à avoir suivis avant celui-ci. */
      prerequisiteModuleIds: string[];
      /** Format: date-time */
      publishedAt?: string | null;
      resources: components['schemas']['ModuleResourceDto'][];
      /** @example 1 */
      revision: number;
      /** @description Version de la ligne, à renvoyer dans If-Match (optimistic locking). */
      rowVersion: number;
      shortTitle?: string | null;
      /**
       * @example published
       * @enum {string}
       */
      status: 'draft' | 'published' | 'archived';
      targetProfiles: (
        'ien' | 'cpd' | 'cpc' | 'erun' | 'school-head' | 'teacher' | 'parents' | 'dsi-collectivite' | 'administrator'
      )[];
      themes: string[];
      title: string;
      trainerType?: string | null;
    };
    /** @description A module's results over its sessions in the caller's académie. */
    ModuleResults: {
      moduleId: string;
      result: components['schemas']['GroupResult'];
      sessionsIncluded: number;
      sessionsLeftOut: number;
    };
    ModuleRevisionResponse: {
      /** @example guyane */
      academy: string;
      /** Format: date-time */
      archivedAt?: string | null;
      /** @enum {string} */
      category:
        | 'presentation'
        | 'pedagogical-use-1'
        | 'pedagogical-use-2'
        | 'pedagogical-use-3'
        | 'communication'
        | 'administration'
        | 'updates'
        | 'unclassified';
      /** Format: date-time */
      createdAt: string;
      durations: components['schemas']['ModuleDurationsDto'];
      gaia?: components['schemas']['GaiaIdentifiersDto'] | null;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'information' | 'workshop' | 'module' | 'magistere-parcours' | 'specialised-workshop';
      maxParticipantsPerSession?: number | null;
      /** @enum {string} */
      modality: 'face-to-face' | 'distance' | 'hybrid';
      /** @example canope */
      origin: string;
      pedagogicalOwner?: string | null;
      /** @description Modules à avoir suivis avant celui-ci. */
      prerequisiteModuleIds: string[];
      /** Format: date-time */
      publishedAt?: string | null;
      resources: components['schemas']['ModuleResourceDto'][];
      /** @example 1 */
      revision: number;
      shortTitle?: string | null;
      /**
       * @example published
       * @enum {string}
       */
      status: 'draft' | 'published' | 'archived';
      targetProfiles: (
        'ien' | 'cpd' | 'cpc' | 'erun' | 'school-head' | 'teacher' | 'parents' | 'dsi-collectivite' | 'administrator'
      )[];
      themes: string[];
      title: string;
      trainerType?: string | null;
    };
    /**
     * @description Seed 004's practice phase, pure: when hot and cold impressions may be given, and a pool's concerns.
     * @enum {string}
     */
    Moment: 'hot' | 'cold';
    MoveRequest: {
      /** @example lea.exemple@ac-exemple.fr */
      key: string;
      /** @example 2 */
      toGroup: number;
    };
    /** @description A participant's impression, named for those who run the session. */
    NamedFeedback: {
      givenOn: string;
      moment: components['schemas']['Moment'];
      name: string | null;
      registrationId: string;
      text: string;
    };
    /** @description A participant flagged as a referent for the practice phase, named. */
    NamedReferent: {
      concern: string;
      /** Format: date-time */
      flaggedAt: string;
      flaggedBy: string;
      name: string | null;
      registrationId: string;
    };
    OfferItem: {
      academy: string;
      category: string;
      /** @example 6h à distance - 3h en présence */
      durationLabel: string;
      gaia?: components['schemas']['GaiaIdentifiersDto'] | null;
      /** Format: uuid */
      id: string;
      kind: string;
      modality: string;
      /** @example dgesco */
      origin: string;
      /**
       * Format: date-time
       * @description null pour un brouillon.
       */
      publishedAt?: string | null;
      revision: number;
      shortTitle?: string | null;
      /** @enum {string} */
      status: 'draft' | 'published';
      targetProfiles: string[];
      /**
       * @example [
       *       "prise en main"
       *     ]
       */
      themes: string[];
      title: string;
      /** @example 9 */
      totalHours: number;
      /** @example 2 */
      upcomingSessions: number;
    };
    OfferPage: {
      items: components['schemas']['OfferItem'][];
      nextCursor?: string | null;
      /**
       * @description Nombre de résultats (« 55 résultat(s) »).
       * @example 55
       */
      total: number;
    };
    OfferReportItem: {
      /** @example guyane */
      academy: string;
      category: string;
      kind: string;
      modality: string;
      /** Format: uuid */
      moduleId: string;
      /** Format: date-time */
      publishedAt: string;
      /** @example 1 */
      revision: number;
      title: string;
      /**
       * @description Face-to-face + distance hours per participant.
       * @example 3
       */
      totalHours: number;
    };
    OfferReportResponse: {
      items: components['schemas']['OfferReportItem'][];
      /** @description Cursor of the next page, null on the last one. */
      nextCursor: string | null;
    };
    /** @description Every service's outbox, for the platform's operators. */
    OutboxesStatus: {
      outboxes: components['schemas']['OutboxStatus'][];
    };
    /** @description A service's outbox as its /health reports it: the events waiting to be sent to Kafka. */
    OutboxStatus: {
      /** @description Events waiting to be sent (null: the service did not answer). */
      backlog: number | null;
      /** @description How long the oldest waiting event has waited, in seconds (0 when none waits; null: the service did not answer). */
      oldestSeconds: number | null;
      service: string;
      /** @description The relay is running and reaches the broker. */
      up: boolean;
    };
    /** @description A participant's own attestation, as their space lists it: its training and dates, from what it states. */
    OwnAttestationView: {
      /** @description Its verification code, e.g. 7Q2M-XK4D-9RBT-1HWS-M. */
      code: string;
      dates: {
        from: string;
        to: string;
      };
      id: string;
      /** Format: date-time */
      issuedAt: string;
      registrationId: string;
      replacedBy: string | null;
      /** Format: date-time */
      revokedAt: string | null;
      revokeReason: string | null;
      sha256: string | null;
      /** @enum {string} */
      state: 'pending' | 'issued' | 'revoked';
      training: {
        academy: string;
        groupNumber: string;
        moduleId: string;
        sessionId: string;
        title: string;
      };
    };
    /** @description A participant's convocation as their space shows it: what the mail says, and where its mailing stands. */
    OwnConvocation: {
      /** @description `pending` (queued), `sending`, `sent` or `failed` (the mail could not be delivered: the text is still here). */
      mailing: components['schemas']['ConvocationState'];
      registrationId: string;
      /**
       * Format: date-time
       * @description When the mail left; null until then.
       */
      sentAt: string | null;
      subject: string;
      /** @description The convocation's text, as it is mailed. */
      text: string;
    };
    /** @description A participant's own registration, as their space lists it: the session's module, days and place. */
    OwnRegistration: {
      cancelReason: string | null;
      /** @description The session's days (AAAA-MM-JJ), in order. */
      days: string[];
      id: string;
      moduleId: string | null;
      moduleTitle: string | null;
      participantId: string;
      position: number | null;
      sessionId: string;
      state: components['schemas']['RegistrationState'];
    };
    ParcoursProvisionRequest: {
      /** @example 5 */
      asynchronousHours: number;
      /**
       * @description Le parcours de l’offre concerné, s’il y est.
       * @example 0192f3a0-7c1e-7d2a-9b7e-1c2d3e4f5a6b
       */
      moduleId?: string;
      /**
       * @example dgesco
       * @enum {string}
       */
      origin: 'dgesco' | 'ife' | 'canope' | 'academie';
      /**
       * @description Nom de l'académie d'origine quand origin = academie.
       * @example guyane
       */
      originAcademy?: string;
      /** @example IEN fictive de la circonscription Nord */
      pedagogicalOwner: string;
      /** @example 1 */
      synchronousHours: number;
      /** @example Agir sur le harcèlement entre pairs */
      title: string;
    };
    ParcoursStep: {
      reason: string;
      round: number;
      title: string;
      workshop: string | null;
    };
    PeriodView: {
      /** @example 2025-09-01 */
      from: string;
      /**
       * @description L'année scolaire, quand la période en est une.
       * @example 2025-2026
       */
      schoolYear?: string | null;
      /** @example 2026-08-31 */
      to: string;
    };
    /** @description A read of a person's data by an administrator. */
    PersonalDataAccess: {
      academy: string;
      actor: string;
      /** Format: date-time */
      at: string;
      purpose: string;
      roles: string[];
    };
    /** @description Everything enrolment holds of a person (RGPD export). */
    PersonalDataExport: {
      completions: components['schemas']['PersonCompletion'][];
      exportedAt: string;
      history: {
        /** Format: date-time */
        changedAt: string;
        changes: {
          [key: string]: unknown;
        };
        source: string;
        version: number;
      }[];
      person: {
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        erasedAt: string | null;
        /** @description Each field's source (the import or request that wrote it: GAIA, Mailexport, a form...) and when. */
        fieldSources: {
          [key: string]: components['schemas']['FieldSource'];
        };
        firstName: string;
        function: string | null;
        grade: string | null;
        id: string;
        lastName: string;
        mail: string;
        profile: string | null;
        uai: string | null;
        /** Format: date-time */
        updatedAt: string;
      };
      registrations: components['schemas']['ExportedRegistration'][];
      /** @enum {string} */
      service: 'enrolment';
    };
    /** @description One change of a person: its version, the fields changed, from which source, by whom. */
    PersonChange: {
      actor: string;
      /** Format: date-time */
      changedAt: string;
      changes: {
        [key: string]: unknown;
      };
      source: string;
      version: number;
    };
    PersonCompletion: {
      /** Format: date-time */
      completedAt: string;
      moduleId: string;
      sessionId: string;
    };
    /** @description A person erased: pseudonymised here, and what is kept (attendance and payment, by law). */
    PersonErasure: {
      /** @enum {boolean} */
      erased: true;
      id: string;
      kept: string[];
    };
    /** @description A person's profile: the person, their history, their registrations in the caller's académie, their completions. */
    PersonProfile: {
      completions: components['schemas']['PersonCompletion'][];
      /** Format: date-time */
      createdAt: string;
      /** @description Each field's source (the import or request that wrote it: GAIA, Mailexport, a form...) and when. */
      fieldSources: {
        [key: string]: components['schemas']['FieldSource'];
      };
      firstName: string;
      function: string | null;
      grade: string | null;
      history: components['schemas']['PersonChange'][];
      id: string;
      lastName: string;
      mail: string;
      profile: string | null;
      registrations: components['schemas']['PersonRegistration'][];
      uai: string | null;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    PersonRegistration: {
      id: string;
      kind: string;
      moduleId: string;
      sessionId: string;
      state: string;
    };
    PersonRequest: {
      /** @example Claire */
      firstName?: string;
      /**
       * @description Fonction GAIA (ENS, DIR, CPC...)
       * @example ENS
       */
      function?: string;
      /** @example P ECOLE CN */
      grade?: string;
      /** @example EXEMPLE */
      lastName: string;
      /** @example claire.exemple@ac-exemple.fr */
      mail: string;
      /** @example teacher */
      profile?: string;
      /** @example 9730298L */
      uai?: string;
    };
    /** @description A person as the API shows them: identity, place, version, and where each field came from. */
    PersonView: {
      /** Format: date-time */
      createdAt: string;
      /** @description Each field's source (the import or request that wrote it: GAIA, Mailexport, a form...) and when. */
      fieldSources: {
        [key: string]: components['schemas']['FieldSource'];
      };
      firstName: string;
      function: string | null;
      grade: string | null;
      id: string;
      lastName: string;
      mail: string;
      profile: string | null;
      uai: string | null;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    PlanLineRequest: {
      /**
       * @description Personnes à former.
       * @example 120
       */
      headcount: number;
      /**
       * @description Heures de formation à dispenser (nombre décimal exact, en texte).
       * @example 18
       */
      hours: string;
      /** @example 0192f3a0-7c1e-7d2a-9b7e-1c2d3e4f5a6b */
      moduleId: string;
      /**
       * @example teacher
       * @enum {string}
       */
      profile:
        'ien' | 'cpd' | 'cpc' | 'erun' | 'school-head' | 'teacher' | 'parents' | 'dsi-collectivite' | 'administrator';
      /**
       * @description Sessions à organiser.
       * @example 6
       */
      sessions: number;
      /**
       * @description Formateurs à mobiliser.
       * @example 3
       */
      trainers: number;
    };
    PlannedSlot: {
      date: string;
      end: string;
      kind: components['schemas']['SlotKind'];
      start: string;
    };
    PlannerPlace: {
      label: string;
      uai?: string | null;
    };
    PlannerPlaceDto: {
      /** @example Atelier Canopé fictif de Paris */
      label: string;
      /** @example 0750001A */
      uai?: string;
    };
    PlannerTrainerDto: {
      /** @example Alice Formatrice */
      name: string;
      /**
       * @example [
       *       "2026-01-15"
       *     ]
       */
      unavailableOn?: string[];
    };
    PlanRequest: {
      /** @example 2026-01-12 */
      from: string;
      /** Format: uuid */
      moduleId: string;
      /** @example 30 */
      participants: number;
      places: components['schemas']['PlannerPlaceDto'][];
      repeat?: components['schemas']['RepeatDto'];
      /** @example 2026-03-31 */
      to: string;
      trainers: components['schemas']['PlannerTrainerDto'][];
    };
    PlanResult:
      | {
          /** @enum {boolean} */
          feasible: true;
          notes: string[];
          sessionCount: number;
          sessions: components['schemas']['ProposedSession'][];
        }
      | {
          /** @enum {boolean} */
          feasible: false;
          reasons: components['schemas']['CalendarFinding'][];
        };
    PlanView: {
      groups: components['schemas']['WorkshopGroup'][];
      id: string;
      maxGroupSize: number;
      title: string;
      version: number;
    };
    /** @enum {string} */
    PresenceStatus: 'present' | 'partial' | 'absent' | 'excused' | 'not-applicable';
    ProgressEntry: {
      /** Format: uuid */
      activityId: string;
      done: boolean;
      /** Format: uuid */
      registrationId: string;
    };
    /** @description A session's monitored activities and each visible participant's progress on them. */
    ProgressOverview: {
      activities: components['schemas']['Activity'][];
      participants: {
        activities: {
          activityId: string;
          doneAt: string | null;
          state: components['schemas']['ActivityState'];
        }[];
        name: string;
        /** @description Activities done over all activities, 0 to 100 (rounded down: 2 of 3 is 66). */
        percentage: number;
        registrationId: string;
        requiredDone: boolean;
      }[];
      progressRequired: boolean;
    };
    ProgressRequest: {
      entries: components['schemas']['ProgressEntry'][];
    };
    ProposedSession: {
      distanceEndsOn: string | null;
      groupNumber: string;
      participants: number;
      place: components['schemas']['PlannerPlace'] | null;
      slots: components['schemas']['PlannedSlot'][];
      trainers: string[];
      warnings: components['schemas']['CalendarFinding'][];
    };
    /** @description The questions as a participant or a trainer reads them, with how many have answered. */
    Questionnaire: {
      closed: boolean;
      items: components['schemas']['EvaluationItem'][];
      respondents: number;
      scale: string[];
      sessionId: string;
    };
    /** @description The questions as set: their keys and labels, and the scale every answer is on. */
    QuestionnaireDefined: {
      items: components['schemas']['EvaluationItem'][];
      scale: string[];
      sessionId: string;
    };
    QuestionnaireRequest: {
      /** @description Sans liste : les critères de la fiche Formation ENT et la satisfaction. */
      items?: components['schemas']['ItemRequest'][];
    };
    ReasonRequest: {
      /** @example Émargement de l’après-midi oublié */
      reason: string;
    };
    RecordMarksRequest: {
      marks: components['schemas']['MarkRequest'][];
    };
    ReferentFlagged: {
      concern: string;
      registrationId: string;
      sessionId: string;
    };
    ReferentRequest: {
      /** @example Oral */
      concern: string;
      /** Format: uuid */
      registrationId: string;
    };
    RegistrationAccepted: {
      id: string;
      state: components['schemas']['RegistrationState'];
    };
    /** @description A registration cancelled, and the registrations its freed seat promoted from the waitlist. */
    RegistrationCancelled: {
      id: string;
      promoted: string[];
      /** @enum {string} */
      state: 'cancelled';
    };
    /** @description One page of a session's registrations within the caller's reach, its total, and the session's seats. */
    RegistrationPage: {
      items: components['schemas']['RegistrationView'][];
      limit: number;
      offset: number;
      seats: components['schemas']['SessionSeats'];
      /** @description The registrations the caller reaches that match the filters (every page). */
      total: number;
    };
    RegistrationRequest: {
      /**
       * @description individual : la personne demande (décision de l’organisateur) ; designated : un chef d’établissement ou un IEN désigne (place ou liste d’attente aussitôt).
       * @enum {string}
       */
      kind: 'individual' | 'designated';
      /**
       * Format: uuid
       * @description Une personne déjà connue ; sinon `person`.
       */
      participantId?: string;
      person?: components['schemas']['PersonRequest'];
      /** Format: uuid */
      sessionId: string;
    };
    RegistrationResponse: {
      id: string;
      participantId: string;
      /** @description Rang sur la liste d’attente (1 = prochain promu). */
      position?: number;
      sessionId: string;
      /** @enum {string} */
      state: 'requested' | 'confirmed' | 'waitlisted' | 'cancelled';
    };
    /** @enum {string} */
    RegistrationState: 'requested' | 'confirmed' | 'waitlisted' | 'cancelled';
    /** @description A change of a registration's state, with its reason and author. */
    RegistrationTransition: {
      actor: string;
      /** Format: date-time */
      at: string;
      from: components['schemas']['RegistrationState'] | null;
      reason: string | null;
      to: components['schemas']['RegistrationState'];
    };
    RegistrationView: {
      cancelReason: string | null;
      /** Format: date-time */
      createdAt: string;
      firstName: string;
      function: string | null;
      grade: string | null;
      id: string;
      kind: string;
      lastName: string;
      mail: string;
      participantId: string;
      position: number | null;
      sessionId: string;
      state: components['schemas']['RegistrationState'];
      uai: string | null;
    };
    /** @description A registration with the history of its states. */
    RegistrationWithHistory: {
      cancelReason: string | null;
      /** Format: date-time */
      createdAt: string;
      firstName: string;
      function: string | null;
      grade: string | null;
      history: components['schemas']['RegistrationTransition'][];
      id: string;
      kind: string;
      lastName: string;
      mail: string;
      participantId: string;
      position: number | null;
      sessionId: string;
      state: components['schemas']['RegistrationState'];
      uai: string | null;
    };
    RejectedLine: {
      line: number;
      reason: string;
    };
    RejectionRow: {
      cells: string[];
      code: string;
      field: string | null;
      message: string;
      row: number;
    };
    'remuneration.PlanLineRequest': {
      /** @example Professeurs de lettres */
      audience?: string;
      /** @example 2027-01-12 */
      date: string;
      /** @example 12 */
      headcount: number;
      /** @enum {string} */
      kind: 'face-to-face' | 'online';
      /**
       * @description Durée en minutes.
       * @example 120
       */
      minutes: number;
      /**
       * @description En ligne : classe virtuelle (cv) ou suivi.
       * @enum {string}
       */
      modality?: 'cv' | 'suivi';
      /**
       * Format: uuid
       * @description La session du catalogue qui réalise la ligne (ses heures viennent de l’émargement).
       */
      sessionId?: string;
      /** @example alice.formatrice@ac-exemple.fr */
      trainerMail: string;
    };
    'remuneration.SignRequest': {
      /**
       * @description Signature par délégation : au nom de qui.
       * @example M. le proviseur (empêché)
       */
      onBehalfOf?: string;
      /**
       * @description Le chef d’établissement d’abord, puis le directeur de la DAFPEN.
       * @enum {string}
       */
      role: 'head' | 'director';
    };
    RepeatDto: {
      /**
       * @description y : sessions en parallèle
       * @example 2
       */
      sessions: number;
      /**
       * @description n : nombre de fois
       * @example 3
       */
      times: number;
    };
    ReportRequest: {
      /**
       * @description Une note (et un commentaire) par critère du bilan, nommé par sa clé.
       * @example {
       *       "device-reliability": {
       *         "rating": 3
       *       },
       *       "pedagogical-feasibility": {
       *         "rating": 3
       *       },
       *       "accompaniment-quality": {
       *         "rating": 4
       *       },
       *       "school-effects": {
       *         "rating": 3
       *       }
       *     }
       */
      criteria: {
        [key: string]: components['schemas']['CriterionRequest'];
      };
      /** @example Les équipes utilisent le cahier de textes de l’ENT. */
      headAnalysis: string;
      /** @example Accompagnement individualisé apprécié. */
      trainersAnalysis: string;
    };
    RequestHistoryItem: {
      actor: string;
      /** Format: date-time */
      at: string;
      from?: string | null;
      note?: string | null;
      to: string;
    };
    RescheduleSessionRequest: {
      /** @example 15 */
      capacity?: number;
      /** @example 2026-02-06 */
      distanceEndsOn?: string;
      /** @example Groupe du bassin Nord */
      label?: string;
      placeAddress?: string;
      placeLabel?: string;
      /** @example 0750001A */
      placeUai?: string;
      slots?: components['schemas']['SlotDto'][];
      trainers?: components['schemas']['SessionTrainerDto'][];
    };
    RevokeAnswer: {
      code: string;
      id: string;
      replacement: {
        code: string;
        id: string;
      } | null;
      /** Format: date-time */
      revokedAt: string | null;
    };
    RevokeRequest: {
      /** @example Émargement de l’après-midi oublié */
      reason: string;
      /** @description Émet aussitôt l’attestation qui la remplace. */
      reissue?: boolean;
    };
    /** @enum {string} */
    Role:
      'dafpen-admin' | 'ien' | 'school-head' | 'trainer' | 'participant' | 'canope-referent' | 'bi-reader' | 'operator';
    RuleViolationDto: {
      /** @example fewer_than_two_trainers */
      code: string;
      /** @example trainers */
      field: string;
      /** @example Deux formateurs ou tuteurs par session sont conseillés ; la session en a 1. */
      message: string;
    };
    ScheduleSessionRequest: {
      /** @example 12 */
      capacity: number;
      /**
       * @description Fin du travail à distance, s’il se poursuit après le dernier créneau.
       * @example 2026-02-06
       */
      distanceEndsOn?: string;
      /**
       * @description Numéro de groupe GAIA ; le suivant libre par défaut.
       * @example 01
       */
      groupNumber?: string;
      /** @example Groupe du bassin Nord */
      label?: string;
      /** @example 1 rue de l’Exemple, 75000 Paris */
      placeAddress?: string;
      /** @example Atelier Canopé fictif */
      placeLabel?: string;
      /**
       * @description UAI du lieu (école, EPLE, atelier Canopé), connu du référentiel.
       * @example 0750001A
       */
      placeUai?: string;
      slots: components['schemas']['SlotDto'][];
      trainers: components['schemas']['SessionTrainerDto'][];
    };
    /** @description One page of the registrations of a school's people within the caller's reach, and their total. */
    SchoolRegistrationPage: {
      items: components['schemas']['SchoolRegistrationView'][];
      limit: number;
      offset: number;
      /** @description The registrations the caller reaches that match the filters (every page). */
      total: number;
    };
    /** @description A registration seen from a school: its session's module and first day beside it. */
    SchoolRegistrationView: {
      cancelReason: string | null;
      /** Format: date-time */
      createdAt: string;
      firstName: string;
      function: string | null;
      grade: string | null;
      id: string;
      kind: string;
      lastName: string;
      mail: string;
      moduleTitle: string | null;
      participantId: string;
      position: number | null;
      sessionId: string;
      /** @description The session's first day (YYYY-MM-DD). */
      startsOn: string | null;
      state: components['schemas']['RegistrationState'];
      uai: string | null;
    };
    SchoolRequest: {
      /** @example 1 rue des Exemples */
      address?: string;
      /** @example Cayenne */
      city?: string;
      /** @example 973 */
      department?: string;
      /** @example 973-kourou */
      district?: string;
      /**
       * @description école, collège, lycée, atelier Canopé, rectorat...
       * @example ecole
       */
      kind?: string;
      /** @example École élémentaire fictive des Palmiers */
      name: string;
      /** @example 97300 */
      postalCode?: string;
    };
    SchoolView: {
      /** @example guyane */
      academy: string;
      /** @example 1 rue des Exemples */
      address?: string | null;
      /** @example Cayenne */
      city?: string | null;
      /** @example 973 */
      department?: string | null;
      /** @example 973-kourou */
      district?: string | null;
      /** @example ecole */
      kind?: string | null;
      /** @example École élémentaire fictive des Palmiers */
      name: string;
      /** @example 97300 */
      postalCode?: string | null;
      /** @example 9730298L */
      uai: string;
    };
    Scope: {
      /** @description The académie the scope belongs to. */
      academy: string;
      /** @description The code at that level: académie code, department number, district id, UAI or DT code. */
      code: string;
      level: components['schemas']['ScopeLevel'];
    };
    /** @enum {string} */
    ScopeLevel: 'academie' | 'department' | 'district' | 'school' | 'canope-dt';
    /** @description A closing or reopening of a session, with who did it and why. */
    SessionAuditEntry: {
      action: string;
      actor: string;
      /** Format: date-time */
      at: string;
      reason: string | null;
    };
    SessionClosedAnswer: {
      closedAt: string;
      sessionId: string;
    };
    SessionFeedback: {
      feedback: components['schemas']['NamedFeedback'][];
      referents: components['schemas']['NamedReferent'][];
    };
    /** @description One markable part of a session: a slot, a half-day of a day-long slot, or the follow-up ("suivi") at a distance. */
    SessionPart: {
      date: string;
      end: string | null;
      modality: components['schemas']['AttendanceModality'];
      part: components['schemas']['SlotPart'];
      plannedMinutes: number;
      slotIndex: number;
      start: string | null;
    };
    SessionReopenedAnswer: {
      reopenedAt: string;
      sessionId: string;
    };
    SessionResponse: {
      academy: string;
      cancelReason?: string | null;
      capacity: number;
      distanceEndsOn?: string | null;
      /** @example 2026-01-13 */
      endsOn: string;
      gaiaSessionId?: number | null;
      /** @example 01 */
      groupNumber: string;
      /** Format: uuid */
      id: string;
      label?: string | null;
      /** Format: uuid */
      moduleId: string;
      moduleRevision: number;
      placeAddress?: string | null;
      placeLabel?: string | null;
      placeUai?: string | null;
      rowVersion: number;
      slots: components['schemas']['SlotDto'][];
      /** @example 2026-01-13 */
      startsOn: string;
      /** @enum {string} */
      status: 'planned' | 'open' | 'full' | 'delivered' | 'cancelled';
      trainers: components['schemas']['SessionTrainerDto'][];
      /** @description Règles seulement conseillées et non suivies. */
      warnings: components['schemas']['RuleViolationDto'][];
      /** @example C */
      zone: string;
    };
    /** @description A closed session's results (counts per item and value; withheld under 5 respondents). */
    SessionResults:
      | {
          items: {
            counts: {
              [key: string]: number;
            };
            key: string;
            label: string;
            mean: number;
          }[];
          respondents: number;
          sessionId: string;
          /** @enum {boolean} */
          suppressed: false;
        }
      | {
          reason: string;
          /** @enum {unknown|null} */
          respondents: null;
          sessionId: string;
          /** @enum {boolean} */
          suppressed: true;
        };
    /** @description A session's seats as a list of its registrations shows them. */
    SessionSeats: {
      capacity: number;
      confirmed: number;
      /** @description Seats not yet held: capacity minus the confirmed. */
      left: number;
      requested: number;
      waitlisted: number;
    };
    SessionSheet: {
      academy: string;
      /** Format: date-time */
      closedAt: string | null;
      groupNumber: string;
      lines: components['schemas']['SheetLine'][];
      moduleId: string;
      parts: components['schemas']['SessionPart'][];
      place: string | null;
      /** @description Whether the caller runs the session (sees every line, may mark). */
      runs: boolean;
      sessionId: string;
      status: string;
      title: string;
      trainers: components['schemas']['SessionTrainer'][];
    };
    SessionTrainer: {
      mail: string | null;
      name: string;
      /** @enum {string} */
      role: 'trainer' | 'tutor';
    };
    SessionTrainerDto: {
      /** @example alice.formatrice@ac-exemple.fr */
      mail?: string;
      /** @example Alice Formatrice */
      name: string;
      /**
       * @example trainer
       * @enum {string}
       */
      role: 'trainer' | 'tutor';
    };
    SetPrerequisitesRequest: {
      /**
       * @description Modules à avoir suivis avant.
       * @example [
       *       "0192f3a0-7c1e-7d2a-9b7e-1c2d3e4f5a6b"
       *     ]
       */
      requiredModuleIds: string[];
    };
    SheetLine: {
      attendedMinutes: {
        'face-to-face': number;
        'follow-up': number;
        'virtual-class': number;
      };
      firstName: string;
      lastName: string;
      mail: string;
      marks: components['schemas']['CurrentMark'][];
      participantId: string;
      registrationId: string;
      schoolName: string | null;
      /** @description The half-days this person signed electronically (issue 27): how and when. */
      signatures: {
        method: components['schemas']['SignatureMethod'];
        part: components['schemas']['SlotPart'];
        /** Format: date-time */
        signedAt: string;
        slotIndex: number;
      }[];
      /** @enum {string} */
      state: 'confirmed' | 'cancelled';
      uai: string | null;
    };
    SignatureAnswer: {
      /** @description The 30-second window of the code scanned (milliseconds since 1970 / 30,000), for a code. */
      codeWindow: number | null;
      /** @description SHA-256 of the drawn image as received, for a drawn signature. */
      drawingSha256: string | null;
      id: string;
      markId: string;
      method: components['schemas']['SignatureMethod'];
      part: components['schemas']['SlotPart'];
      registrationId: string;
      signedAt: string;
      signedBy: string;
      slotIndex: number;
    };
    /** @enum {string} */
    SignatureMethod: 'drawn' | 'code';
    SignatureRow: {
      contentSha256: string;
      /** @enum {string} */
      how: 'tool' | 'paper';
      id: string;
      onBehalfOf: string | null;
      /** @enum {string} */
      role: 'head' | 'director';
      /** Format: date-time */
      signedAt: string;
      signer: string;
      /** Format: date-time */
      voidedAt: string | null;
      voidReason: string | null;
    };
    /** @description A signed sheet's scan as stored: its type, digest, size and who uploaded it. */
    SignedSheetRow: {
      contentType: string;
      id: string;
      sha256: string;
      size: number;
      /** Format: date-time */
      uploadedAt: string;
      uploadedBy: string;
    };
    /** @description A signed sheet's scan, stored: its digest and size. */
    SignedSheetStored: {
      id: string;
      sha256: string;
      size: number;
      uploadedAt: string;
    };
    /** @description The code the trainer's screen shows for a half-day, and until when. */
    SigningCodeAnswer: {
      /** @description The last moment this code is accepted (the end of the next window). */
      acceptedUntil: string;
      code: string;
      part: components['schemas']['SlotPart'];
      /** @description When the screen shows the next code (the end of this 30-second window). */
      renewAt: string;
      sessionId: string;
      slotIndex: number;
    };
    SignRequest: {
      /**
       * @description Le code affiché par l’écran du formateur (method code).
       * @example K7QM2XPA
       */
      code?: string;
      /** @description La signature tracée, image PNG en data URL (method drawn). */
      drawing?: string;
      /** @enum {string} */
      method: 'drawn' | 'code';
      /**
       * @default whole
       * @enum {string}
       */
      part: 'whole' | 'morning' | 'afternoon';
      /**
       * Format: uuid
       * @description L’inscription qui signe (method drawn).
       */
      registrationId?: string;
      /** @example 0 */
      slotIndex: number;
    };
    /** @description A registration left without an attestation, and why. */
    SkippedRegistration: {
      code: string;
      message: string;
      registrationId: string;
    };
    /** @description The presence ledger's rules, pure: what can be marked in a session (its parts), what a mark says, and how time is counted. Time is whole minutes (exact); hours typed by a trainer are decimals with at most two places. */
    Slot: {
      date: string;
      end: string;
      /** @enum {string} */
      kind: 'face-to-face' | 'virtual-class';
      start: string;
    };
    SlotDto: {
      /** @example 2026-01-13 */
      date: string;
      /** @example 12:00 */
      end: string;
      /**
       * @example face-to-face
       * @enum {string}
       */
      kind: 'face-to-face' | 'virtual-class';
      /** @example 09:00 */
      start: string;
    };
    /** @enum {string} */
    SlotKind: 'face-to-face' | 'virtual-class';
    /** @enum {string} */
    SlotPart: 'whole' | 'morning' | 'afternoon';
    TeacherRequest: {
      /** @example false */
      catalyst?: boolean;
      /**
       * @example [
       *       "Différenciation",
       *       "Oral"
       *     ]
       */
      concerns: string[];
      /** @example Lettres */
      discipline: string;
      /** @example confirmé */
      experience: string;
      /** @example lea.exemple@ac-exemple.fr */
      key: string;
      /** @example Léa EXEMPLE */
      name: string;
    };
    TrainerRequest: {
      /** @description Engagement à suivre la formation de formateurs (seed 002 §4). */
      engaged: boolean;
      /**
       * @description Grade (pour le taux de l’HSE) : une clé de la table des taux.
       * @example certifie
       */
      grade: string;
      /** @example alice.formatrice@ac-exemple.fr */
      mail: string;
      /** @example Alice Formatrice */
      name: string;
    };
    /** @description A session a trainer runs, as their list shows it. */
    TrainerSession: {
      /** Format: date-time */
      closedAt: string | null;
      groupNumber: string;
      moduleId: string;
      participants: number;
      place: string | null;
      sessionId: string;
      slots: components['schemas']['Slot'][];
      status: string;
      title: string;
    };
    TrainingRequestPage: {
      items: components['schemas']['TrainingRequestSummary'][];
      nextCursor: string | null;
    };
    TrainingRequestResponse: {
      academy: string;
      decisionReason?: string | null;
      /** @description Les champs de la demande, tels que le formulaire de son type (`kind`) les a reçus. */
      fields: Record<string, never>;
      history: components['schemas']['RequestHistoryItem'][];
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'parcours-provision' | 'module-opening';
      rowVersion: number;
      /** @enum {string} */
      status: 'submitted' | 'accepted' | 'refused' | 'withdrawn';
      title: string;
    };
    TrainingRequestSummary: {
      decisionReason?: string | null;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'parcours-provision' | 'module-opening';
      /** Format: uuid */
      moduleId?: string | null;
      /** @enum {string} */
      status: 'submitted' | 'accepted' | 'refused' | 'withdrawn';
      /** Format: date-time */
      submittedAt: string;
      /** @description Qui l’a soumise (l’identifiant de son compte). */
      submittedBy: string;
      title: string;
    };
    UnknownEventView: {
      count: number;
      lastReceivedAt: string;
      type: string;
      version: number;
    };
    /** @description What a verification answers: what the attestation states, its state, and the digest of the PDF issued. */
    Verification: {
      code: string;
      issuedAt: string;
      replacedBy: string | null;
      revokedAt: string | null;
      revokeReason: string | null;
      sha256: string | null;
      statement: {
        attestationId: string;
        dates: {
          from: string;
          to: string;
        };
        issuedAt: string;
        person: {
          firstName: string;
          lastName: string;
          school: string | null;
        };
        planned: {
          distanceMinutes: number;
          faceToFaceMinutes: number;
        };
        templateVersion: number;
        training: {
          academy: string;
          groupNumber: string;
          moduleId: string;
          sessionId: string;
          title: string;
        };
      };
      /**
       * @description `pending`: issued, its PDF (and so its digest) still being rendered.
       * @enum {string}
       */
      status: 'valid' | 'revoked' | 'pending';
    };
    WorkshopGroup: {
      catalyst: string | null;
      concern: string;
      members: components['schemas']['GroupMember'][];
      number: number;
      parcours: components['schemas']['ParcoursStep'][];
      warnings: string[];
    };
    WorkshopPlanRequest: {
      /** @example 3 */
      freeChoiceRound?: number;
      /** @example 6 */
      maxGroupSize?: number;
      /** @example 3 */
      rounds: number;
      teachers: components['schemas']['TeacherRequest'][];
      /** @example Temps 2 — collège fictif des Lilas */
      title: string;
      workshops: components['schemas']['WorkshopRequest'][];
    };
    WorkshopRequest: {
      /** @example 2 */
      capacityGroups?: number;
      /** @example A1 */
      code: string;
      /** @example Différenciation */
      concern: string;
      /**
       * @example [
       *       1,
       *       2
       *     ]
       */
      rounds: string[];
      /** @example Capsules vidéo pour différencier */
      title: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AttestationsHttpController_pdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description L’attestation (PDF). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ien, school-head, participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AttestationsHttpController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RevokeRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RevokeAnswer'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EvaluationHttpController_ofModule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        moduleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModuleResults'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FeedbackHttpController_facilitators: {
    parameters: {
      query?: {
        concern?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Facilitator'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FeedbackHttpController_putFacilitator: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        mail: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FacilitatorRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Facilitator'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AttestationsHttpController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OwnAttestationView'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TrainerSessionsHttpController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainerSession'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CompletionHttpController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        registrationId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompletionRevoked'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PresenceHttpController_sheet: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionSheet'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ien, school-head, participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ProgressHttpController_define: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ActivitiesRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProgressOverview'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AttestationsHttpController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttestationView'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AttestationsHttpController_issue: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IssueRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssueAnswer'];
        };
      };
      /** @description Des PDF sont encore en production (`pending`) : la liste des attestations dit quand. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssueAnswer'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AttestationsHttpController_zip: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Les attestations de la session (ZIP de PDF). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/zip': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PresenceHttpController_audit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionAuditEntry'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PresenceHttpController_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionClosedAnswer'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CompletionHttpController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompletionRow'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CompletionHttpController_complete: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CompleteRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompletionOutcome'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description session_archived */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EvaluationHttpController_questionnaire: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Questionnaire'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EvaluationHttpController_define: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['QuestionnaireRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuestionnaireDefined'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EvaluationHttpController_answer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AnswersRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {boolean} */
            recorded: true;
          };
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EvaluationHttpController_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvaluationClosed'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EvaluationHttpController_results: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResults'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FeedbackHttpController_ofSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionFeedback'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FeedbackHttpController_give: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FeedbackRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FeedbackGiven'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PresenceLiveHttpController_live: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Flux Server-Sent Events : « presence-changed » (id : la dernière entrée du registre) à chaque marque ou signature ; « ready » à la connexion ; reprise par Last-Event-ID. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ien, school-head, participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PresenceHttpController_record: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordMarksRequest'];
      };
    };
    responses: {
      /** @description Les entrées ajoutées au registre. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LedgerRow'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description session_closed, session_cancelled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not_enrolled, unknown_slot, unknown_part, hours_above_slot, correction_reason_required… (chaque ligne nommée) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PresenceHttpController_csv: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Les marques de présence (CSV). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ProgressHttpController_overview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProgressOverview'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ien, school-head, participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ProgressHttpController_record: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProgressRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProgressOverview'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FeedbackHttpController_flag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReferentRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReferentFlagged'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PresenceHttpController_reopen: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionReopenedAnswer'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PresenceHttpController_sheetPdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description La feuille d’émargement (PDF). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SignaturesHttpController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignatureAnswer'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SignaturesHttpController_sign: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignatureAnswer'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description signing_method_not_allowed, not_session_trainer
       *
       *     forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, participant, ou ressource hors de votre périmètre
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description already_signed, slot_not_open, session_closed, session_cancelled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description signing_code_expired, signing_code_invalid, drawing_invalid, not_enrolled, unknown_part */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PresenceHttpController_storeSigned: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/pdf': string;
        'image/jpeg': string;
        'image/png': string;
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedSheetStored'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PresenceHttpController_signedSheets: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Liste */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedSheetRow'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PresenceHttpController_signedSheet: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description La feuille signée telle que déposée. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
          'image/jpeg': string;
          'image/png': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SignaturesHttpController_code: {
    parameters: {
      query: {
        /** @description Demi-journée d’un créneau d’une journée. */
        part?: 'whole' | 'morning' | 'afternoon';
        /** @description Index du créneau dans la session. */
        slotIndex: number;
      };
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SigningCodeAnswer'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description slot_not_open, session_closed, session_cancelled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  BiHttpController_feed: {
    parameters: {
      query?: {
        /** @description Curseur opaque rendu par la page précédente (nextCursor). Absent : depuis le début. */
        cursor?: string;
        format?: 'json' | 'csv';
        /** @description Début de la période couverte (AAAA-MM-JJ, avec to) : les sessions qui commencent entre from et to inclus, et leur activité ; les conventions des années scolaires touchées. */
        from?: string;
        limit?: number;
        /** @description Année scolaire couverte (du 1er septembre au 31 août) : les sessions qui y commencent, leurs inscriptions, présences, achèvements, attestations et évaluations ; les conventions (et, pour un bilan, les vagues du plan) de cette année. Exclut from et to ; l'offre (modules) du flux décisionnel n'a pas de période. */
        schoolYear?: string;
        /** @description Fin de la période couverte (AAAA-MM-JJ, incluse, avec from). */
        to?: string;
      };
      header?: never;
      path: {
        /** @description sessions (une ligne par session), conventions (une par convention), modules (l’offre). */
        fact: 'sessions' | 'conventions' | 'modules';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BiFeedView'];
          'text/csv': components['schemas']['BiFeedView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi bi-reader, dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CalendarHttpController_daysOff: {
    parameters: {
      query?: {
        from?: string;
        /** @description Région date-holidays (GF, GP, MQ, RE, YT, 57, 67, 68) ; vide = métropole. */
        region?: string;
        to?: string;
        zone?:
          | 'A'
          | 'B'
          | 'C'
          | 'corse'
          | 'guadeloupe'
          | 'guyane'
          | 'martinique'
          | 'mayotte'
          | 'reunion'
          | 'nouvelle-caledonie'
          | 'polynesie'
          | 'saint-pierre-et-miquelon'
          | 'wallis-et-futuna';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DayOff'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CalendarHttpController_import: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Le fichier : corps brut de la requête, ou champ « file » d’un formulaire multipart/form-data. */
    requestBody: {
      content: {
        'multipart/form-data': string;
        'text/csv': string;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CalendarImported'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_list: {
    parameters: {
      query?: {
        uai?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionRow'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateConventionRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description unknown_school, trainer_not_on_convention, modality_required, duplicate_trainer */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, school-head, ien, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HseHttpController_allocate: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AllocationRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HseAllocated'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description cap_exceeded */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description above_delivered_hours, invalid_hse, trainer_not_on_convention */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_audit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionAuditEntry'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_pdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description La convention (PDF). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_fiche: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description La fiche formation (PDF). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_sheet: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        lineId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/pdf': string;
        'image/jpeg': string;
        'image/png': string;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LineSheetStored'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_paperCopy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description La copie papier signée, telle que déposée (PDF). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_paper: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/pdf': string;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_plan: {
    parameters: {
      query?: never;
      header: {
        /** @description L’ETag lu sur la convention (GET) : 409 version_conflict si elle a changé depuis, 428 sans. */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ContentRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionRevised'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description convention_locked, trainer_has_hse, version_conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_report: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReportRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_serviceFait: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description sheets_not_signed, wrong_state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_sign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['remuneration.SignRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description signature_out_of_order */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_start: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_submit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConventionsHttpController_validate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConventionView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ImportsHttpController_start: {
    parameters: {
      query?: {
        fileName?: string;
        /** @description Détecté sinon : GAIA (5 champs |), Mailexport (Nom = « NOM Prénom »), tableur. */
        format?: 'gaia' | 'mailexport' | 'spreadsheet';
        /** @description La session où inscrire (Mailexport, tableurs) ; un extrait GAIA porte ses sessions. */
        sessionId?: string;
      };
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description Le fichier (corps brut), ou en multipart/form-data : file (le fichier, en dernier), sessionId, format, fileName. */
    requestBody: {
      content: {
        'application/octet-stream':
          | string
          | {
              /** Format: binary */
              file: string;
              fileName?: string;
              /** @enum {string} */
              format?: 'gaia' | 'mailexport' | 'spreadsheet';
              /** Format: uuid */
              sessionId?: string;
            };
        'multipart/form-data':
          | string
          | {
              /** Format: binary */
              file: string;
              fileName?: string;
              /** @enum {string} */
              format?: 'gaia' | 'mailexport' | 'spreadsheet';
              /** Format: uuid */
              sessionId?: string;
            };
        'text/csv':
          | string
          | {
              /** Format: binary */
              file: string;
              fileName?: string;
              /** @enum {string} */
              format?: 'gaia' | 'mailexport' | 'spreadsheet';
              /** Format: uuid */
              sessionId?: string;
            };
        'text/plain':
          | string
          | {
              /** Format: binary */
              file: string;
              fileName?: string;
              /** @enum {string} */
              format?: 'gaia' | 'mailexport' | 'spreadsheet';
              /** Format: uuid */
              sessionId?: string;
            };
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportJobView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ImportsHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportJobView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ImportsHttpController_rejections: {
    parameters: {
      query?: {
        /** @description Le dernier numéro de ligne lu (page suivante). */
        after?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RejectionRow'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ImportsHttpController_deleteRejections: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deleted: number;
            id: string;
          };
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ImportsHttpController_rejectionsCsv: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Les lignes rejetées de l’import (CSV). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  GaiaImportHttpController_trainers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Le fichier : corps brut de la requête, ou champ « file » d’un formulaire multipart/form-data. */
    requestBody: {
      content: {
        'application/octet-stream': string;
        'multipart/form-data': string;
        'text/plain': string;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GaiaImportReport'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  GaiaImportHttpController_trainings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Le fichier : corps brut de la requête, ou champ « file » d’un formulaire multipart/form-data. */
    requestBody: {
      content: {
        'application/octet-stream': string;
        'multipart/form-data': string;
        'text/plain': string;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GaiaImportReport'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  MeHttpController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Identity'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ien, school-head, trainer, participant, canope-referent, bi-reader, operator, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ModulesHttpController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateModuleRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModuleResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description duplicate_gaia_identifier */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ModulesHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModuleResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, participant, bi-reader, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ModulesHttpController_update: {
    parameters: {
      query?: never;
      header: {
        /** @description ETag lu (version), "3" par exemple ; 409 si un autre a écrit entre-temps. */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateModuleRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModuleResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ModulesHttpController_archive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModuleResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ModulesHttpController_prerequisites: {
    parameters: {
      query?: never;
      header: {
        /** @description ETag lu (version du module), "3" par exemple ; 409 si un autre a écrit entre-temps. */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetPrerequisitesRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModuleResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ModulesHttpController_publish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModuleResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ModulesHttpController_revision: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        revision: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModuleRevisionResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, participant, bi-reader, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SessionsHttpController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        moduleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, participant, bi-reader, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SessionsHttpController_schedule: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path: {
        moduleId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ScheduleSessionRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description slot_on_public_holiday, slot_in_school_vacation, unknown_uai, capacity_above_module_maximum, ... */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SessionsHttpController_acceptPlan: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path: {
        moduleId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptPlanRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description la première session refusée, ses champs sous sessions[i] : rien n’est planifié */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  OfferHttpController_search: {
    parameters: {
      query?: {
        academy?: string;
        category?:
          | 'presentation'
          | 'pedagogical-use-1'
          | 'pedagogical-use-2'
          | 'pedagogical-use-3'
          | 'communication'
          | 'administration'
          | 'updates'
          | 'unclassified';
        cursor?: string;
        /** @description Modules ayant une session qui finit ce jour ou après. */
        from?: string;
        /** @description Numéro de dispositif GAIA (PAF) ou numéro de module GAIA. */
        gaia?: string;
        kind?: 'information' | 'workshop' | 'module' | 'magistere-parcours' | 'specialised-workshop';
        limit?: number;
        maxHours?: number;
        minHours?: number;
        modality?: 'face-to-face' | 'distance' | 'hybrid';
        origin?: 'dgesco' | 'ife' | 'canope' | 'academie';
        profile?:
          'ien' | 'cpd' | 'cpc' | 'erun' | 'school-head' | 'teacher' | 'parents' | 'dsi-collectivite' | 'administrator';
        /** @description Texte cherché dans le titre, le titre court et les thèmes. */
        q?: string;
        sort?: 'title' | 'published' | 'duration';
        /** @description Un des thèmes du module (casse ignorée). */
        theme?: string;
        /** @description Modules ayant une session qui commence ce jour ou avant. */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OfferPage'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, participant, bi-reader, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  OfferHttpController_drafts: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        /** @description Texte cherché dans le titre, le titre court et les thèmes. */
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OfferPage'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  OperationsHttpController_outboxes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OutboxesStatus'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi operator, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PaymentsHttpController_export: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['BatchRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BatchView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description nothing_to_pay */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PaymentsHttpController_csv: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description L’état liquidatif du lot (CSV). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PeopleHttpController_search: {
    parameters: {
      query?: {
        mail?: string;
        uai?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonView'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PeopleHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonProfile'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PeopleHttpController_accessLog: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonalDataAccess'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PeopleHttpController_erase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonErasure'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PeopleHttpController_export: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonalDataExport'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PlannerHttpController_propose: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PlanRequest'];
      };
    };
    responses: {
      /** @description { feasible: true, sessionCount, sessions[], notes[] } ou { feasible: false, reasons[] } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanResult'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferenceHttpController_academies: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Academy'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, participant, bi-reader, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferenceHttpController_canopeDts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CanopeDtView'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, participant, bi-reader, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferenceHttpController_canopeDt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CanopeDtRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CanopeDtView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferenceHttpController_departments: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentView'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, participant, bi-reader, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferenceHttpController_department: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DepartmentRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DepartmentView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferenceHttpController_districts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DistrictView'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, participant, bi-reader, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferenceHttpController_district: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DistrictRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DistrictView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferenceHttpController_schools: {
    parameters: {
      query?: {
        academy?: string;
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SchoolView'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, participant, bi-reader, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ReferenceHttpController_school: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        uai: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SchoolRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SchoolView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RegistrationsHttpController_list: {
    parameters: {
      query: {
        sessionId: string;
        state?: 'requested' | 'confirmed' | 'waitlisted' | 'cancelled';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationView'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RegistrationsHttpController_register: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegistrationRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description already_registered, session_cancelled, session_closed, module_archived */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description prerequisite_missing (module nommé), invalid_mail, unknown_uai */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description module_not_replicated : le module de la session n’est pas encore arrivé du catalogue ; réessayer */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RegistrationsHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationWithHistory'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RegistrationsHttpController_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationAccepted'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RegistrationsHttpController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelRegistrationRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationCancelled'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RegistrationsHttpController_bySchool: {
    parameters: {
      query: {
        limit?: number;
        offset?: number;
        /** @description Des mots du nom, du prénom ou du mail. */
        q?: string;
        state?: 'requested' | 'confirmed' | 'waitlisted' | 'cancelled';
        /** @description UAI de l’établissement des personnes. */
        uai: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SchoolRegistrationPage'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RegistrationsHttpController_export: {
    parameters: {
      query: {
        sessionId: string;
        state?: 'requested' | 'confirmed' | 'waitlisted' | 'cancelled';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Les inscriptions (CSV). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RegistrationsHttpController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OwnRegistration'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConvocationsHttpController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OwnConvocation'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi participant, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description convocation_not_found : aucune inscription de la personne du jeton n’a ce numéro */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description convocation_not_issued : l’inscription n’est pas confirmée */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RegistrationsHttpController_search: {
    parameters: {
      query: {
        limit?: number;
        offset?: number;
        order?: 'asc' | 'desc';
        /** @description Des mots du nom, du prénom ou du mail. */
        q?: string;
        sessionId: string;
        sort?: 'name' | 'state' | 'createdAt';
        state?: 'requested' | 'confirmed' | 'waitlisted' | 'cancelled';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationPage'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  BilanHttpController_get: {
    parameters: {
      query: {
        /** @description Situation à cette date (AAAA-MM-JJ, passée ou du jour), reconstituée depuis le journal des événements. Absent : en temps réel. */
        asOf?: string;
        /** @description Code de l'entité : code de l'académie, du département, de la circonscription, UAI, code de la DT, identifiant du module, code du dispositif. */
        code: string;
        /** @description Début de la période couverte (AAAA-MM-JJ, avec to) : les sessions qui commencent entre from et to inclus, et leur activité ; les conventions des années scolaires touchées. */
        from?: string;
        /** @description Niveau : académie, département, circonscription, établissement (UAI), DT Canopé, formation (module), dispositif. */
        level: 'academie' | 'department' | 'district' | 'school' | 'canope-dt' | 'module' | 'dispositif';
        /** @description Année scolaire couverte (du 1er septembre au 31 août) : les sessions qui y commencent, leurs inscriptions, présences, achèvements, attestations et évaluations ; les conventions (et, pour un bilan, les vagues du plan) de cette année. Exclut from et to ; l'offre (modules) du flux décisionnel n'a pas de période. */
        schoolYear?: string;
        /** @description Fin de la période couverte (AAAA-MM-JJ, incluse, avec from). */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Bilan'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  BilanHttpController_csv: {
    parameters: {
      query: {
        /** @description Situation à cette date (AAAA-MM-JJ, passée ou du jour), reconstituée depuis le journal des événements. Absent : en temps réel. */
        asOf?: string;
        /** @description Code de l'entité : code de l'académie, du département, de la circonscription, UAI, code de la DT, identifiant du module, code du dispositif. */
        code: string;
        /** @description Début de la période couverte (AAAA-MM-JJ, avec to) : les sessions qui commencent entre from et to inclus, et leur activité ; les conventions des années scolaires touchées. */
        from?: string;
        /** @description Niveau : académie, département, circonscription, établissement (UAI), DT Canopé, formation (module), dispositif. */
        level: 'academie' | 'department' | 'district' | 'school' | 'canope-dt' | 'module' | 'dispositif';
        /** @description Année scolaire couverte (du 1er septembre au 31 août) : les sessions qui y commencent, leurs inscriptions, présences, achèvements, attestations et évaluations ; les conventions (et, pour un bilan, les vagues du plan) de cette année. Exclut from et to ; l'offre (modules) du flux décisionnel n'a pas de période. */
        schoolYear?: string;
        /** @description Fin de la période couverte (AAAA-MM-JJ, incluse, avec from). */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Le bilan (CSV). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  BilanHttpController_pdf: {
    parameters: {
      query: {
        /** @description Situation à cette date (AAAA-MM-JJ, passée ou du jour), reconstituée depuis le journal des événements. Absent : en temps réel. */
        asOf?: string;
        /** @description Code de l'entité : code de l'académie, du département, de la circonscription, UAI, code de la DT, identifiant du module, code du dispositif. */
        code: string;
        /** @description Début de la période couverte (AAAA-MM-JJ, avec to) : les sessions qui commencent entre from et to inclus, et leur activité ; les conventions des années scolaires touchées. */
        from?: string;
        /** @description Niveau : académie, département, circonscription, établissement (UAI), DT Canopé, formation (module), dispositif. */
        level: 'academie' | 'department' | 'district' | 'school' | 'canope-dt' | 'module' | 'dispositif';
        /** @description Année scolaire couverte (du 1er septembre au 31 août) : les sessions qui y commencent, leurs inscriptions, présences, achèvements, attestations et évaluations ; les conventions (et, pour un bilan, les vagues du plan) de cette année. Exclut from et to ; l'offre (modules) du flux décisionnel n'a pas de période. */
        schoolYear?: string;
        /** @description Fin de la période couverte (AAAA-MM-JJ, incluse, avec from). */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Le bilan (PDF). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  BilanHttpController_xlsx: {
    parameters: {
      query: {
        /** @description Situation à cette date (AAAA-MM-JJ, passée ou du jour), reconstituée depuis le journal des événements. Absent : en temps réel. */
        asOf?: string;
        /** @description Code de l'entité : code de l'académie, du département, de la circonscription, UAI, code de la DT, identifiant du module, code du dispositif. */
        code: string;
        /** @description Début de la période couverte (AAAA-MM-JJ, avec to) : les sessions qui commencent entre from et to inclus, et leur activité ; les conventions des années scolaires touchées. */
        from?: string;
        /** @description Niveau : académie, département, circonscription, établissement (UAI), DT Canopé, formation (module), dispositif. */
        level: 'academie' | 'department' | 'district' | 'school' | 'canope-dt' | 'module' | 'dispositif';
        /** @description Année scolaire couverte (du 1er septembre au 31 août) : les sessions qui y commencent, leurs inscriptions, présences, achèvements, attestations et évaluations ; les conventions (et, pour un bilan, les vagues du plan) de cette année. Exclut from et to ; l'offre (modules) du flux décisionnel n'a pas de période. */
        schoolYear?: string;
        /** @description Fin de la période couverte (AAAA-MM-JJ, incluse, avec from). */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Le bilan (XLSX). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  BilanHttpController_live: {
    parameters: {
      query: {
        /** @description Situation à cette date (AAAA-MM-JJ, passée ou du jour), reconstituée depuis le journal des événements. Absent : en temps réel. */
        asOf?: string;
        /** @description Code de l'entité : code de l'académie, du département, de la circonscription, UAI, code de la DT, identifiant du module, code du dispositif. */
        code: string;
        /** @description Début de la période couverte (AAAA-MM-JJ, avec to) : les sessions qui commencent entre from et to inclus, et leur activité ; les conventions des années scolaires touchées. */
        from?: string;
        /** @description Niveau : académie, département, circonscription, établissement (UAI), DT Canopé, formation (module), dispositif. */
        level: 'academie' | 'department' | 'district' | 'school' | 'canope-dt' | 'module' | 'dispositif';
        /** @description Année scolaire couverte (du 1er septembre au 31 août) : les sessions qui y commencent, leurs inscriptions, présences, achèvements, attestations et évaluations ; les conventions (et, pour un bilan, les vagues du plan) de cette année. Exclut from et to ; l'offre (modules) du flux décisionnel n'a pas de période. */
        schoolYear?: string;
        /** @description Fin de la période couverte (AAAA-MM-JJ, incluse, avec from). */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Flux Server-Sent Events : « bilan-changed » (id : la position du journal de reporting) quand des faits de l’académie sont appliqués ; « ready » à la connexion ; reprise par Last-Event-ID. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  EventLogHttpController_unknown: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnknownEventView'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ExportJobsHttpController_request: {
    parameters: {
      query: {
        /** @description Situation à cette date (AAAA-MM-JJ, passée ou du jour), reconstituée depuis le journal des événements. Absent : en temps réel. */
        asOf?: string;
        /** @description Code de l'entité : code de l'académie, du département, de la circonscription, UAI, code de la DT, identifiant du module, code du dispositif. */
        code: string;
        format: 'csv' | 'xlsx' | 'pdf';
        /** @description Début de la période couverte (AAAA-MM-JJ, avec to) : les sessions qui commencent entre from et to inclus, et leur activité ; les conventions des années scolaires touchées. */
        from?: string;
        /** @description Niveau : académie, département, circonscription, établissement (UAI), DT Canopé, formation (module), dispositif. */
        level: 'academie' | 'department' | 'district' | 'school' | 'canope-dt' | 'module' | 'dispositif';
        /** @description Année scolaire couverte (du 1er septembre au 31 août) : les sessions qui y commencent, leurs inscriptions, présences, achèvements, attestations et évaluations ; les conventions (et, pour un bilan, les vagues du plan) de cette année. Exclut from et to ; l'offre (modules) du flux décisionnel n'a pas de période. */
        schoolYear?: string;
        /** @description Fin de la période couverte (AAAA-MM-JJ, incluse, avec from). */
        to?: string;
      };
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExportJobView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ExportJobsHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ExportJobView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ExportJobsHttpController_file: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Le fichier de l’export. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/csv': string;
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  OfferReportHttpController_list: {
    parameters: {
      query?: {
        /** @description Opaque cursor from the previous page (nextCursor). */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OfferReportResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ien, canope-referent, bi-reader, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RequestsHttpController_list: {
    parameters: {
      query?: {
        /** @description Opaque cursor from the previous page (nextCursor). */
        cursor?: string;
        kind?: 'parcours-provision' | 'module-opening';
        limit?: number;
        /** @description Les demandes dans cet état (`submitted` : à décider). */
        status?: 'submitted' | 'accepted' | 'refused' | 'withdrawn';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingRequestPage'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi ien, trainer, canope-referent, dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RequestsHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingRequestResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi ien, trainer, canope-referent, dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RequestsHttpController_decide: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DecideRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingRequestResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RequestsHttpController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingRequestResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi ien, trainer, canope-referent, dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RequestsHttpController_opening: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ModuleOpeningRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingRequestResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi ien, trainer, canope-referent, dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RequestsHttpController_provision: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ParcoursProvisionRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TrainingRequestResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi ien, trainer, canope-referent, dafpen-admin, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SessionsHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, trainer, participant, bi-reader, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SessionsHttpController_reschedule: {
    parameters: {
      query?: never;
      header: {
        /** @description ETag lu, "1" par exemple. */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RescheduleSessionRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description version_conflict, session_closed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SessionsHttpController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelSessionRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SessionsHttpController_deliver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, trainer, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SessionsHttpController_open: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TrainingPlanHttpController_list: {
    parameters: {
      query?: {
        schoolYear?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentWaveResponse'][];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TrainingPlanHttpController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeploymentWaveRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentWaveResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TrainingPlanHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentWaveResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TrainingPlanHttpController_revise: {
    parameters: {
      query?: never;
      header: {
        /** @description Révision lue, "1" par exemple ; 409 si un autre a écrit entre-temps. */
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeploymentWaveRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeploymentWaveResponse'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  VerificationHttpController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description status valid | revoked | pending (émise, PDF en cours de production : sha256 null) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Verification'];
        };
      };
      /** @description Trop de demandes depuis cette adresse : réessayer après `Retry-After` secondes (problem+json, code `rate_limited`). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkshopPlansHttpController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Clé de reprise : même clé, même requête (corps JSON et paramètres ; pour un fichier envoyé, sa cible) = même réponse, un seul effet ; 422 si la clé a servi pour une autre requête. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WorkshopPlanRequest'];
      };
    };
    responses: {
      /** @description Le plan : groupes, membres avec leurs raisons, parcours, avertissements ; ETag = version. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkshopPlansHttpController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkshopPlansHttpController_edit: {
    parameters: {
      query?: never;
      header: {
        'If-Match': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EditPlanRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PlanView'];
        };
      };
      /** @description unauthenticated : jeton absent, expiré ou invalide */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description forbidden : rôle requis parmi dafpen-admin, canope-referent, ien, school-head, ou ressource hors de votre périmètre */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
            /** @example {} */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example ok */
            status?: string;
          };
        };
      };
      /** @description The Health Check is not successful */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example error */
            status?: string;
          };
        };
      };
    };
  };
  VerificationHttpController_page: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description La page de vérification (HTML, dans le système de design de l’État). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description Trop de demandes depuis cette adresse : réessayer après `Retry-After` secondes (problem+json, code `rate_limited`). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
