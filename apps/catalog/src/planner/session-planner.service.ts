import { Identity } from '@forma/auth';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { assertVisible } from '../modules/module.rules';
import { ModuleRepository } from '../modules/module.repository';
import { placeOutOfScope } from '../reference/reference.errors';
import { ReferenceRepository } from '../reference/reference.repository';
import { unknownAcademy } from '../calendar/calendar.errors';
import { PlanRequest } from './planner.dto';
import { PlanResult, planSessions } from './session-planner';
import { moduleArchived } from './planner.errors';

/**
 * Proposes sessions for a module (pure planner, `session-planner.ts`) against the calendar in force; writes nothing.
 */
@Injectable()
export class SessionPlannerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly modules: ModuleRepository,
    private readonly calendars: CalendarService,
    private readonly reference: ReferenceRepository,
  ) {}

  async propose(request: PlanRequest, caller: Identity): Promise<PlanResult> {
    const manager = this.dataSource.manager;
    const module = await this.modules.get(manager, request.moduleId);
    assertVisible(module, caller); // another académie's draft is unknown (issue 22)
    // the places are the caller's académie's schools (a UAI not in the référentiel is only a label)
    for (const [i, p] of request.places.entries()) {
      if (
        p.uai &&
        (await this.reference.schoolExists(manager, p.uai)) &&
        !(await this.reference.schoolOfAcademy(manager, p.uai, caller.scope.academy))
      )
        throw placeOutOfScope(`places[${i}].uai`);
    }
    if (module.status === 'archived') throw moduleArchived();
    const place = this.calendars.placeCalendar(caller.scope.academy, request.places.find((p) => p.uai)?.uai);
    if (!place) throw unknownAcademy(caller.scope.academy);
    return planSessions(
      {
        module,
        participants: request.participants,
        from: request.from,
        to: request.to,
        zone: place.zone,
        holidayRegion: place.holidayRegion,
        trainers: request.trainers,
        places: request.places,
        repeat: request.repeat,
      },
      await this.calendars.calendar(),
    );
  }
}
