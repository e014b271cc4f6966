/**
 * Reading the text of pictures in posts on screen (OCR), quietly: one picture at a time, only
 * once no share has been checked for a while, a few a minute, from a short queue that drops its
 * oldest. A share check always comes first: it runs inside `during()`, and no reading starts
 * until QUIET_READING.afterShareMs after the last one ended. Each picture comes with its own
 * reading (a checked picture's `text`, lib/background/post-pictures.ts: the bytes it was hashed
 * from, the words remembered by its address), so nothing is fetched or hashed again for it.
 */

/** Reads one picture's text, rejecting after `timeoutMs`. */
export type PictureReading = (options: { timeoutMs: number }) => Promise<string>;

/** What a reading throws when this browser cannot read pictures' text at all: reading stops for the session. */
export class TextReaderUnavailable extends Error {
  constructor(message = "This browser cannot read pictures' text here") {
    super(message);
    this.name = 'TextReaderUnavailable';
  }
}

export interface QuietReadingLimits {
  afterShareMs: number;
  perMinute: number;
  maxQueued: number;
  timeoutMs: number;
}

export const QUIET_READING: QuietReadingLimits = {
  /** No reading starts sooner after a share check ended. */
  afterShareMs: 1_000,
  /** Readings started in any minute, at most. */
  perMinute: 20,
  /** Pictures waiting, at most: beyond, the oldest (long scrolled past) is dropped. */
  maxQueued: 10,
  /** A reading not done by then is given up. */
  timeoutMs: 15_000,
};

export interface QuietReaderClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
}

interface Waiting {
  reading: PictureReading;
  /** The text, or null when dropped, failed or not readable here. */
  done(text: string | null): void;
}

export class QuietReader {
  private readonly queue: Waiting[] = [];
  private readonly started: number[] = [];
  private sharesRunning = 0;
  private lastShareEnded = -Infinity;
  private reading = false;
  private wakeAt: number | null = null;
  private unavailable = false;

  constructor(
    private readonly clock: QuietReaderClock = { now: Date.now, setTimeout: (run, ms) => setTimeout(run, ms) },
    private readonly limits: QuietReadingLimits = QUIET_READING,
  ) {}

  /** False once a reading said it cannot read here: callers then skip queueing. */
  get available(): boolean {
    return !this.unavailable;
  }

  /** Runs a share check; no reading starts while it runs, nor for a second after. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.sharesRunning += 1;
    try {
      return await work();
    } finally {
      this.sharesRunning -= 1;
      this.lastShareEnded = this.clock.now();
      this.pump();
    }
  }

  /** The picture's text when its turn comes; null when it was dropped, failed, or cannot be read here. */
  read(reading: PictureReading): Promise<string | null> {
    if (this.unavailable) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.queue.push({ reading, done: resolve });
      if (this.queue.length > this.limits.maxQueued) this.queue.shift()?.done(null);
      this.pump();
    });
  }

  /** Starts the next reading if the time is right, else wakes up when it will be. */
  private pump(): void {
    if (this.reading || this.queue.length === 0 || this.sharesRunning > 0) return;
    const now = this.clock.now();
    while (this.started.length > 0 && this.started[0]! <= now - 60_000) this.started.shift();
    const at = Math.max(
      this.lastShareEnded + this.limits.afterShareMs,
      this.started.length >= this.limits.perMinute ? this.started[0]! + 60_000 : now,
    );
    if (at > now) {
      // One timer at a time, for the earliest moment anything could start.
      if (this.wakeAt !== null && this.wakeAt <= at) return;
      this.wakeAt = at;
      this.clock.setTimeout(() => {
        this.wakeAt = null;
        this.pump();
      }, at - now);
      return;
    }
    const next = this.queue.shift()!;
    this.reading = true;
    this.started.push(now);
    next.reading({ timeoutMs: this.limits.timeoutMs }).then(
      (text) => this.finish(next, text),
      (error: unknown) => {
        if (error instanceof TextReaderUnavailable) {
          this.unavailable = true;
          for (const waiting of this.queue.splice(0)) waiting.done(null);
        }
        this.finish(next, null);
      },
    );
  }

  private finish(waiting: Waiting, text: string | null): void {
    this.reading = false;
    waiting.done(text);
    this.pump();
  }
}
