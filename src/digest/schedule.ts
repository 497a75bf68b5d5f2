import { Cron } from 'croner';
import type { Subscription } from '../store/subscriptions.js';

type Timing = Pick<Subscription, 'cadence' | 'weekday' | 'atTime' | 'timeZone'>;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** The cron pattern of a subscription's schedule, in its own time zone. */
function cronPattern(timing: Timing): string {
  const [hours, minutes] = timing.atTime.split(':').map(Number) as [number, number];
  return `${minutes} ${hours} * * ${timing.cadence === 'weekly' ? (timing.weekday ?? 1) : '*'}`;
}

function cronOf(timing: Timing): Cron {
  return new Cron(cronPattern(timing), { timezone: timing.timeZone, paused: true });
}

/**
 * The latest time the subscription was due at or before `now`, but not before its schedule was set:
 * the slot a digest sent now belongs to (an instant alert is due every minute). After days of downtime this is still one slot, so
 * a subscription gets one catch-up digest, not one per missed period.
 *
 * @example
 * // daily at 09:00 Europe/Berlin, asked at 10:30 Berlin time on 24 Nov: 24 Nov 08:00 UTC
 * latestSlot(sub, new Date('2026-11-24T09:30:00Z'))?.toISOString() // '2026-11-24T08:00:00.000Z'
 */
export function latestSlot(sub: Timing & Pick<Subscription, 'scheduleSetAt'>, now: Date): Date | null {
  if (sub.cadence === 'instant') {
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    return minute.toISOString() >= sub.scheduleSetAt ? minute : null;
  }
  const lookback = sub.cadence === 'weekly' ? 8 : 2;
  const from = new Date(now.getTime() - lookback * 86_400_000);
  const runs = cronOf(sub)
    .nextRuns(lookback + 2, from)
    .filter((run) => run <= now);
  const latest = runs[runs.length - 1];
  return latest !== undefined && latest.toISOString() >= sub.scheduleSetAt ? latest : null;
}

/** The next time the subscription is due after `after` (for an instant alert, the next minute). */
export function nextSlot(timing: Timing, after: Date): Date {
  if (timing.cadence === 'instant') return new Date((Math.floor(after.getTime() / 60_000) + 1) * 60_000);
  return cronOf(timing).nextRun(after)!;
}
