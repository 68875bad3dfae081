import type { Logger } from '@nestjs/common';

/**
 * Runs a job every `intervalMs` (never when it is 0 or less), one run at a time: a tick that finds the previous run
 * still going is skipped. A failed run is logged, never thrown. `stop` clears the timer and waits for the run in
 * progress, so a shutdown never cuts a job's transaction short. The timer does not keep the process alive.
 */
export class PeriodicRun {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly job: () => Promise<unknown>,
    private readonly logger: Logger,
    private readonly failure: string,
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.job()
        .catch((error: unknown) => this.logger.error({ err: { message: String(error) } }, this.failure))
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
