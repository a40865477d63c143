import 'reflect-metadata';
import { runService } from '@forma/http';
import { GATEWAY_APP, GatewayModule } from './gateway.module';

void runService(GatewayModule.create(), GATEWAY_APP);
