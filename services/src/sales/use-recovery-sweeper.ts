import type { FastifyInstance } from 'fastify';
import type { LogSink } from '../shared/log-line.js';
import type { OrderRepository } from './order-repository.js';
import type { StockCoordinator } from './stock-coordinator.js';

/**
 * Settles orders stuck in `confirming` (the process died or inventory was unreachable mid-way):
 * each ends confirmed if inventory committed its stock, otherwise back in draft (a shop checkout's
 * order: cancelled) with the reservation released. `graceMs` leaves in-flight confirmations alone.
 */
export function useRecoverySweeper(
  app: FastifyInstance,
  orders: OrderRepository,
  coordinator: StockCoordinator,
  options: { intervalMs: number; graceMs: number; log: LogSink },
): void {
  let running: Promise<void> | undefined;
  const sweep = async (): Promise<void> => {
    for (const { tenant_id: tenantId, id } of await orders.stuck(options.graceMs)) {
      const order = await coordinator
        .resolve({ tenantId, requestId: `recovery-${id}` }, id)
        .catch(() => undefined);
      if (order) {
        options.log({
          time: new Date().toISOString(),
          level: 'info',
          service: 'sales',
          tenant: tenantId,
          msg: `order ${order.number} settled as ${order.status}`,
        });
      }
    }
  };
  const timer = setInterval(() => {
    running ??= sweep()
      .catch(() => {})
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
