import { HealthProbe } from '@forma/observability';
import { Admin, Kafka } from 'kafkajs';

/** Asks the cluster to describe itself; down while no broker answers. */
export class KafkaHealthProbe implements HealthProbe {
  readonly name = 'kafka';
  private admin: Admin | undefined;

  constructor(private readonly kafka: Kafka) {}

  async probe(): Promise<{ up: boolean; detail?: string }> {
    try {
      if (!this.admin) {
        this.admin = this.kafka.admin({ retry: { retries: 0 } });
        await this.admin.connect();
      }
      const cluster = await this.admin.describeCluster();
      return { up: cluster.brokers.length > 0, detail: `${cluster.brokers.length} broker(s)` };
    } catch (error) {
      await this.close();
      return { up: false, detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
