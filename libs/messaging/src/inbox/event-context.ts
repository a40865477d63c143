import { BaseRpcContext } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';

type EventContextArgs = [manager: EntityManager, topic: string, partition: number, attempt: number];

/**
 * What a handler gets beside the event (`@Ctx() ctx: EventContext`): the transaction its effects must be written in,
 * the same one that records the event in the inbox. Use `ctx.manager` for every write, never the data source itself.
 */
export class EventContext extends BaseRpcContext<EventContextArgs> {
  get manager(): EntityManager {
    return this.args[0];
  }
  get topic(): string {
    return this.args[1];
  }
  get partition(): number {
    return this.args[2];
  }
  /** 1 on the first try, then 2, 3... while the handler keeps failing. */
  get attempt(): number {
    return this.args[3];
  }
}
