/**
 * Whether the app is shutting down, and how much accepted work is still in
 * flight (HTTP requests and TCP messages). Shutdown waits for it to reach
 * zero before it closes servers, relays and database pools.
 */
export class DrainState {
  private draining = false;
  private inFlight = 0;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly drainListeners: Array<() => void> = [];

  get isDraining(): boolean {
    return this.draining;
  }

  get pending(): number {
    return this.inFlight;
  }

  /** Stops taking new work: readiness fails from now on. */
  begin(): void {
    if (this.draining) return;
    this.draining = true;
    for (const listener of this.drainListeners) listener();
  }

  onDraining(listener: () => void): void {
    this.drainListeners.push(listener);
  }

  /** Counts one unit of accepted work; call the returned function once when it is done. */
  track(): () => void {
    this.inFlight += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    };
  }

  /** Resolves once no accepted work is in flight. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
