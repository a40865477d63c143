import { IsInt, IsISO8601, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { Topic } from '../topics';
import { ModulePublishedV1 } from './module-published.event';

/** A new revision of a published module: sessions already planned keep the revision they were planned with. */
export class ModuleRevisedV1 extends ModulePublishedV1 {
  @IsInt()
  @Min(1)
  previousRevision!: number;

  @IsISO8601({ strict: true })
  revisedAt!: string;
}

export const ModuleRevised = defineEvent({
  type: 'ModuleRevised',
  version: 1,
  topic: Topic.CatalogModule,
  payload: ModuleRevisedV1,
  key: (data) => data.moduleId,
  description: 'A published module got a new revision (content, durations, prerequisites or GAIA data changed).',
});

export class ModuleArchivedV1 {
  @IsUUID()
  moduleId!: string;

  @IsInt()
  @Min(1)
  revision!: number;

  @IsISO8601({ strict: true })
  archivedAt!: string;
}

export const ModuleArchived = defineEvent({
  type: 'ModuleArchived',
  version: 1,
  topic: Topic.CatalogModule,
  payload: ModuleArchivedV1,
  key: (data) => data.moduleId,
  description: 'A module was archived: it is read-only and takes no new session or registration.',
});
