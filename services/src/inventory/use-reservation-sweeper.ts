import type { FastifyInstance } from 'fastify';
import type { Database } from '../shared/database.js';
import type { LogSink } from '../shared/log-line.js';
import { systemContext } from '../shared/operation-log.js';
import { releaseReservation } from './reservation-repository.js';
import { logStatusChange } from './reservation-routes.js';

/**
 * Expires pending reservations past their time, giving their stock back, every `intervalMs`.
 * Expiry is what frees stock when the caller (sales) died between try and confirm.
 */
export function useReservationSweeper(
  app: FastifyInstance,
  db: Database,
  intervalMs: number,
  log: LogSink,
): void {
  let running: Promise<void> | undefined;
  const sweep = async (): Promise<void> => {
    const due = await db.query<{ tenant_id: string; id: string }>(
      `SELECT tenant_id, id FROM reservations WHERE status = 'pending' AND expires_at <= now()
       ORDER BY expires_at LIMIT 100`,
    );
    for (const { tenant_id: tenantId, id } of due) {
      // Work no one asked for: recorded in the operation log with no user.
      await db.transaction((tx) =>
        logStatusChange(tx, systemContext(tenantId), id, 'expire', () =>
          releaseReservation(tx, tenantId, id, 'expired'),
        ),
      );
      log({
        time: new Date().toISOString(),
        level: 'info',
        service: 'inventory',
        tenant: tenantId,
        msg: `reservation ${id} expired`,
      });
    }
  };
  const timer = setInterval(() => {
    running ??= sweep()
      .catch((error: unknown) => {
        log({
          time: new Date().toISOString(),
          level: 'error',
          service: 'inventory',
          msg: 'reservation sweep failed',
          error: String(error),
        });
      })
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
