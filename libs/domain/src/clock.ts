/**
 * Where the time comes from (issue 24): use cases and controllers ask an injected clock, never `new Date()`, so that
 * rules and whole flows can run at another date. Every service is given `SystemClock`, or a `FixedClock` when
 * `FORMA_CLOCK` names an instant (libs/platform's ServicePlatformModule). An abstract class, so that it is its own
 * injection token.
 */
export abstract class Clock {
  abstract now(): Date;

  /** The day of `now()` in UTC (YYYY-MM-DD), as the services stamp their facts. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock stopped at an instant (tests, a demo académie run at a date). */
export class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
    if (Number.isNaN(at.getTime())) throw new Error('FixedClock: not a date');
  }

  now(): Date {
    return new Date(this.at);
  }
}

/** The clock `FORMA_CLOCK` asks for (an ISO instant), else the system's. */
export function clockFrom(setting: string | undefined): Clock {
  return setting ? new FixedClock(new Date(setting)) : new SystemClock();
}
