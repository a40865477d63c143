import { Identity } from '@forma/auth';
import { Clock } from '@forma/domain';
import { Inject, Injectable } from '@nestjs/common';
import { REPORTING_SETTINGS, ReportingSettings } from '../reporting.config';
import { bilanRefusal, BilanLevel } from './bilan-scope.policy';
import { BilanQueries } from './bilan.queries';
import { Bilan, BilanPeriod, publishBilan } from './bilan.rules';
import { isRealDay, periodOf } from './period.rules';
import { decideHse, HseDecision } from './hse-secrecy.rules';
import { areaKey, AreaKey } from './secrecy-cube.rules';
import { LinkedDecision } from './linked-secrecy.rules';
import { SecrecyDecisions } from './secrecy-decisions.service';
import { asOfInFuture, asOfInvalid, bilanRefused, unknownArea } from './bilan.errors';

/** The area of each level's bilan in the académie's cube (a Canopé DT's bilan sums Canopé's offer in the académie). */
const CUBE_AREA: Record<BilanLevel, (code: string) => AreaKey> = {
  academie: () => areaKey('academie', ''),
  department: (code) => areaKey('department', code),
  district: (code) => areaKey('district', code),
  school: (code) => areaKey('school', code),
  'canope-dt': () => areaKey('canope', ''),
  module: (code) => areaKey('module', code),
  dispositif: (code) => areaKey('dispositif', code),
};

/** Today in Paris (the bilans' days are Paris days). */
function parisDay(at: Date): string {
  return new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris' }).format(at);
}

/** A bilan for an area, checked against the caller's scope, with statistical secrecy applied. */
@Injectable()
export class BilanService {
  constructor(
    private readonly queries: BilanQueries,
    private readonly decisions: SecrecyDecisions,
    @Inject(REPORTING_SETTINGS) private readonly settings: ReportingSettings,
    private readonly clock: Clock,
  ) {}

  async bilan(caller: Identity, request: BilanRequest): Promise<Bilan> {
    return this.compute(await this.authorise(caller, request));
  }

  /**
   * Checks the request (a real past or present day, a period, an area of the académie, within the caller's scope):
   * the area.
   */
  async authorise(caller: Identity, { level, code, asOf, ...asked }: BilanRequest): Promise<AuthorisedArea> {
    if (asOf !== undefined) {
      if (!isRealDay(asOf)) throw asOfInvalid(asOf);
      if (asOf > parisDay(this.clock.now())) throw asOfInFuture(asOf);
    }
    const period = periodOf(asked);
    const place = await this.queries.place(level, code, caller.scope.academy);
    if (!place) throw unknownArea(level, code);
    const refusal = bilanRefusal(caller, level, code, place);
    if (refusal) throw bilanRefused(refusal);
    return { level, code, label: place.label, academy: place.academy, asOf: asOf ?? null, period };
  }

  /** The bilan of an area already authorised, with statistical secrecy applied. */
  async compute(area: AuthorisedArea): Promise<Bilan> {
    const [figures, linked] = await Promise.all([
      this.queries.figures(area.level, area.code, area.academy, area.asOf, area.period),
      this.linked(area),
    ]);
    return publishBilan(
      figures,
      { ...area, generatedAt: this.clock.now().toISOString() },
      this.settings.hseCap,
      linked,
    );
  }

  /**
   * The académie's secrecy decisions over its places and trainings (linked-secrecy.rules.ts) and over its HSE
   * (hse-secrecy.rules.ts, a few hundred conventions: taken at each bilan), and the area of the bilan in them.
   */
  private async linked(area: AuthorisedArea): Promise<{ decision: LinkedDecision; area: AreaKey; hse: HseDecision }> {
    const [decision, conventions] = await Promise.all([
      this.decisions.decision(area.academy, area.asOf, area.period),
      this.queries.academyConventions(area.academy, area.asOf, area.period),
    ]);
    return { decision, area: CUBE_AREA[area.level](area.code), hse: decideHse(conventions) };
  }
}

/** An area a caller may read, as of a day (null: now), over a period (null: since the beginning). */
export interface AuthorisedArea {
  level: BilanLevel;
  code: string;
  label: string;
  academy: string;
  asOf: string | null;
  period: BilanPeriod | null;
}

/** What a bilan is asked for (the query of every bilan route). */
export interface BilanRequest {
  level: BilanLevel;
  code: string;
  asOf?: string;
  schoolYear?: string;
  from?: string;
  to?: string;
}
