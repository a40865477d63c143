import 'reflect-metadata';
import { runService } from '@forma/platform';
import { GATEWAY_APP, GatewayModule } from './gateway.module';

void runService(GatewayModule.create(), GATEWAY_APP);
