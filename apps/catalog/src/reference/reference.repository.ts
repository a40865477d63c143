import { Injectable } from '@nestjs/common';
import { EntityManager, ILike } from 'typeorm';
import { Academy, CanopeDt, Department, District, School } from '../catalog.entities';

/**
 * Reference data through TypeORM's entities (catalog's persistence style), in the caller's transaction or on the pool.
 */
@Injectable()
export class ReferenceRepository {
  academies(manager: EntityManager): Promise<Academy[]> {
    return manager.find(Academy, { order: { code: 'ASC' } });
  }

  academyExists(manager: EntityManager, code: string): Promise<boolean> {
    return manager.existsBy(Academy, { code });
  }

  departments(manager: EntityManager): Promise<Department[]> {
    return manager.find(Department, { order: { code: 'ASC' } });
  }

  department(manager: EntityManager, code: string): Promise<Department | null> {
    return manager.findOneBy(Department, { code });
  }

  districts(manager: EntityManager): Promise<District[]> {
    return manager.find(District, { order: { code: 'ASC' } });
  }

  district(manager: EntityManager, code: string): Promise<District | null> {
    return manager.findOneBy(District, { code });
  }

  school(manager: EntityManager, uai: string): Promise<School | null> {
    return manager.findOneBy(School, { uai });
  }

  schoolExists(manager: EntityManager, uai: string): Promise<boolean> {
    return manager.existsBy(School, { uai });
  }

  /** Whether the school is in the référentiel and belongs to this académie (a place is always one's own, issue 22). */
  schoolOfAcademy(manager: EntityManager, uai: string, academy: string): Promise<boolean> {
    return manager.existsBy(School, { uai, academy });
  }

  schools(manager: EntityManager, filter: { academy?: string; q?: string }): Promise<School[]> {
    return manager.find(School, {
      where: {
        ...(filter.academy ? { academy: filter.academy } : {}),
        ...(filter.q ? { name: ILike(`%${escapeLike(filter.q)}%`) } : {}),
      },
      order: { name: 'ASC' },
      take: 500,
    });
  }

  canopeDts(manager: EntityManager): Promise<CanopeDt[]> {
    return manager.find(CanopeDt, { order: { code: 'ASC' } });
  }

  /** Insert or update by primary key. */
  async save<T extends Department | District | School | CanopeDt>(
    manager: EntityManager,
    entity: new () => T,
    row: T,
  ): Promise<void> {
    await manager.upsert(entity, row as never, { conflictPaths: [entity === School ? 'uai' : 'code'] });
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
