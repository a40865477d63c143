import { ModulePublished } from '@forma/contracts';
import { ServicePlatformModule } from '@forma/http';
import { Module } from '@nestjs/common';
import { CATALOG_MIGRATIONS } from './migrations';
import { PublishModuleHttpController } from './modules/commands/publish-module/publish-module.http.controller';
import { PublishModuleService } from './modules/commands/publish-module/publish-module.service';
import { TrainingModule } from './modules/training-module.entity';

@Module({
  imports: [
    ServicePlatformModule.forService({
      service: 'catalog',
      entities: [TrainingModule],
      migrations: CATALOG_MIGRATIONS,
      publishes: [ModulePublished],
    }),
  ],
  controllers: [PublishModuleHttpController],
  providers: [PublishModuleService],
})
export class CatalogModule {}

export const CATALOG_APP = {
  service: 'catalog',
  description: "L'offre de formation : modules, parcours, sessions, calendrier scolaire.",
  consumesEvents: false,
  defaultPort: 3001,
};
