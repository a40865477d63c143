import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/**
 * What every repository of an entity-style service (catalog) does with an aggregate keyed by `id`: read it, lock it
 * for the rest of the transaction (writers queue, then compare versions), save it. `notFound` is the service's rule
 * violation for a missing one.
 */
export abstract class AggregateRepository<T extends ObjectLiteral & { id: string }> {
  protected constructor(
    private readonly entity: EntityTarget<T>,
    private readonly notFound: (id: string) => Error,
  ) {}

  async get(manager: EntityManager, id: string): Promise<T> {
    const found = await manager.findOneBy(this.entity, { id } as FindOptionsWhere<T>);
    if (!found) throw this.notFound(id);
    return found;
  }

  /** The aggregate, locked `FOR UPDATE` until the transaction ends. */
  async lock(manager: EntityManager, id: string): Promise<T> {
    const found = await this.lockWhere(manager, { id } as FindOptionsWhere<T>);
    if (!found) throw this.notFound(id);
    return found;
  }

  lockWhere(manager: EntityManager, where: FindOptionsWhere<T>): Promise<T | null> {
    return manager.findOne(this.entity, { where, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, aggregate: T): Promise<T> {
    return manager.save(this.entity, aggregate);
  }
}
