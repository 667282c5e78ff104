const POLL_MS = 5000;

/**
 * Whether the server said it cannot reach its database (503 DATABASE_UNAVAILABLE). The root layout shows a banner
 * while it is true; meanwhile the health check is polled, so the banner goes away by itself when the database is
 * back, also when the failed call was a write that nobody repeats.
 */
class DatabaseStatus {
  unavailable = $state(false);
  #timer: ReturnType<typeof setInterval> | undefined;

  report(unavailable: boolean): void {
    this.unavailable = unavailable;
    if (!unavailable) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    } else if (!this.#timer) {
      this.#timer = setInterval(() => void this.#poll(), POLL_MS);
    }
  }

  async #poll(): Promise<void> {
    try {
      const response = await fetch('/api/health', { headers: { accept: 'application/json' } });
      if (response.ok) this.report(false);
    } catch {
      // The server itself is unreachable: keep polling.
    }
  }
}

export const databaseStatus = new DatabaseStatus();
