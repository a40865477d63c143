import { SERVICE_MANIFEST } from '@forma/platform';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// docker-compose cannot run here (no Docker engine): check what can be checked without it, against the one service
// manifest (libs/platform/src/service-manifest.ts) that the gateway, npm start and the tests read.
const root = resolve(__dirname, '..');
const APPS = SERVICE_MANIFEST.map((s) => s.name);
const WITH_DATABASE = SERVICE_MANIFEST.filter((s) => s.database);
const BEHIND_GATEWAY = SERVICE_MANIFEST.filter((s) => s.name !== 'gateway');

describe('deployables match the service manifest', () => {
  const compose = parse(readFileSync(resolve(root, 'docker-compose.yml'), 'utf8'), { merge: true });
  const docs = parseAllDocuments(readFileSync(resolve(root, 'deploy/kubernetes/forma-apps.yaml'), 'utf8')).map((d) =>
    d.toJS(),
  );

  it('the manifest names six apps, each with its sources and its own port', () => {
    expect(APPS).toEqual(['gateway', 'catalog', 'enrolment', 'attendance', 'remuneration', 'reporting']);
    expect(new Set(SERVICE_MANIFEST.map((s) => s.port)).size).toBe(APPS.length);
    for (const app of APPS) expect(existsSync(resolve(root, `apps/${app}/src/main.ts`))).toBe(true);
  });

  it('docker-compose runs Kafka, PostgreSQL and every app of the manifest on its port', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['kafka', 'postgres', 'redis', ...APPS].sort());
    expect(compose.services.gateway.environment.RATE_LIMIT_REDIS_URL).toBe('redis://redis:6379');
    for (const { name, port } of SERVICE_MANIFEST) {
      const service = compose.services[name];
      expect(service.environment.APP).toBe(name);
      expect(Number(service.environment.PORT)).toBe(port);
      expect(service.environment.KAFKA_BROKERS).toBe('kafka:9092');
      // no committed secret: compose refuses to start until one is given, and the apps run in production mode
      expect(service.environment.INTERNAL_AUTH_SECRET).toMatch(/^\$\{INTERNAL_AUTH_SECRET:\?/);
      expect(service.environment.FORMA_MODE).toBe('${FORMA_MODE:-production}');
    }
    for (const { name, port } of BEHIND_GATEWAY) {
      expect(compose.services.gateway.environment[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}`);
    }
    expect(compose.services.gateway.environment.AUTH_JWT_SECRET).toMatch(/^\$\{AUTH_JWT_SECRET:\?/);
    expect(compose.services.gateway.environment.AUTH_DEV_ISSUER_ENABLED).toBe('${AUTH_DEV_ISSUER_ENABLED:-false}');
    expect(compose.services.kafka.environment.KAFKA_PROCESS_ROLES).toBe('broker,controller');
  });

  it('every service database of the manifest is in docker-compose and created by the init script', () => {
    const sql = readFileSync(resolve(root, 'deploy/postgres/init-databases.sql'), 'utf8');
    expect(WITH_DATABASE.length).toBeGreaterThan(0);
    for (const { name } of WITH_DATABASE) {
      expect(compose.services[name].environment.DATABASE_URL).toMatch(new RegExp(`/forma_${name}$`));
      expect(sql).toContain(`CREATE DATABASE forma_${name};`);
    }
    expect(sql.match(/CREATE DATABASE/g)).toHaveLength(WITH_DATABASE.length);
  });

  it('the cluster manifests deploy every app of the manifest on its port, with a /health readiness probe', () => {
    const deployments = docs.filter((d) => d.kind === 'Deployment');
    expect(deployments.map((d) => d.spec.template.spec.containers[0].env[0].value).sort()).toEqual([...APPS].sort());
    for (const d of deployments) {
      const container = d.spec.template.spec.containers[0];
      const { port } = SERVICE_MANIFEST.find((s) => s.name === container.env[0].value)!;
      expect(container.env.find((e: { name: string }) => e.name === 'PORT').value).toBe(String(port));
      expect(container.ports[0].containerPort).toBe(port);
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health', port });
    }
    const gateway = deployments.find((d) => d.metadata.name === 'forma-gateway').spec.template.spec.containers[0];
    for (const { name, port } of BEHIND_GATEWAY) {
      expect(gateway.env.find((e: { name: string }) => e.name === `${name.toUpperCase()}_URL`)?.value).toBe(
        `http://${name}:${port}`,
      );
    }
    const services = docs.filter((d) => d.kind === 'Service');
    for (const { name, port } of SERVICE_MANIFEST) {
      expect(services.find((s) => s.metadata.name === name)?.spec.ports[0].port).toBe(port);
    }
  });
});
