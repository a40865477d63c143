import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// docker-compose cannot run here (no Docker engine): check what can be checked without it.
const root = resolve(__dirname, '..');
const APPS = ['gateway', 'catalog', 'enrolment', 'attendance', 'remuneration', 'reporting'];

describe('deployables', () => {
  const compose = parse(readFileSync(resolve(root, 'docker-compose.yml'), 'utf8'), { merge: true });

  it('docker-compose runs Kafka, PostgreSQL and every app, each app existing in the repo', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['kafka', 'postgres', ...APPS]));
    for (const app of APPS) {
      const service = compose.services[app];
      expect(service.environment.APP).toBe(app);
      expect(existsSync(resolve(root, `apps/${app}/src/main.ts`))).toBe(true);
      expect(service.environment.KAFKA_BROKERS).toBe('kafka:9092');
      expect(service.environment.INTERNAL_AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    }
    expect(compose.services.kafka.environment.KAFKA_PROCESS_ROLES).toBe('broker,controller');
  });

  it('every service database of docker-compose is created by the init script', () => {
    const sql = readFileSync(resolve(root, 'deploy/postgres/init-databases.sql'), 'utf8');
    for (const app of APPS.filter((a) => a !== 'gateway')) {
      expect(compose.services[app].environment.DATABASE_URL).toMatch(new RegExp(`/forma_${app}$`));
      expect(sql).toContain(`CREATE DATABASE forma_${app};`);
    }
  });

  it('the cluster manifests deploy every app with a /health readiness probe', () => {
    const docs = parseAllDocuments(readFileSync(resolve(root, 'deploy/kubernetes/forma-apps.yaml'), 'utf8')).map((d) => d.toJS());
    const deployments = docs.filter((d) => d.kind === 'Deployment');
    expect(deployments.map((d) => d.spec.template.spec.containers[0].env[0].value).sort()).toEqual([...APPS].sort());
    for (const d of deployments) expect(d.spec.template.spec.containers[0].readinessProbe.httpGet.path).toBe('/health');
  });
});
