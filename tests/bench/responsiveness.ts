import type { Page } from 'playwright-core';
import { percentile } from '../eval/measures';

/**
 * How an extension page fares while the background works: its own event loop (a 10 ms
 * heartbeat's lateness, long tasks) and how long the status it polls takes to come back from a
 * busy service worker. Start before the work, stop after it.
 */
export interface Responsiveness {
  heartbeatP95: number;
  heartbeatMax: number;
  longTasks: number;
  longestTask: number;
  pollP95: number;
  pollMax: number;
  polls: number;
}

interface Probe {
  lateness: number[];
  tasks: number[];
  polls: number[];
  stop: () => void;
}
type ProbeWindow = typeof globalThis & { __saringResponsiveness?: Probe };

const HEARTBEAT_MS = 10;
const POLL_MS = 250;

export async function startResponsivenessProbe(page: Page): Promise<void> {
  // tsx keeps the names of the functions below with a helper the page does not have.
  await page.evaluate('globalThis.__name ??= (target) => target');
  await page.evaluate(
    ({ heartbeatMs, pollMs }) => {
      const probe: Probe = { lateness: [], tasks: [], polls: [], stop: () => undefined };
      let running = true;
      let expected = performance.now() + heartbeatMs;
      const beat = () => {
        if (!running) return;
        const now = performance.now();
        probe.lateness.push(Math.max(0, now - expected));
        expected = now + heartbeatMs;
        setTimeout(beat, heartbeatMs);
      };
      setTimeout(beat, heartbeatMs);
      const observer = new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries()) probe.tasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome.runtime;
      const poll = async () => {
        while (running) {
          const started = performance.now();
          await runtime.sendMessage({ type: 'get-options-state', payload: {} });
          probe.polls.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, pollMs));
        }
      };
      void poll();
      probe.stop = () => {
        running = false;
        observer.disconnect();
      };
      (globalThis as ProbeWindow).__saringResponsiveness = probe;
    },
    { heartbeatMs: HEARTBEAT_MS, pollMs: POLL_MS },
  );
}

export async function stopResponsivenessProbe(page: Page): Promise<Responsiveness> {
  const { lateness, tasks, polls } = await page.evaluate(() => {
    const probe = (globalThis as ProbeWindow).__saringResponsiveness!;
    probe.stop();
    return { lateness: probe.lateness, tasks: probe.tasks, polls: probe.polls };
  });
  return {
    heartbeatP95: percentile(lateness, 0.95),
    heartbeatMax: Math.max(0, ...lateness),
    longTasks: tasks.length,
    longestTask: Math.max(0, ...tasks),
    pollP95: percentile(polls, 0.95),
    pollMax: Math.max(0, ...polls),
    polls: polls.length,
  };
}
