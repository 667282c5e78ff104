const VISIBLE_MS = 6000;
/** A message with an action (e.g. "Undo") stays longer: the user has to read it and decide. */
const WITH_ACTION_MS = 15000;

export interface FlashAction {
  label: string;
  run: () => void | Promise<void>;
}

/** A short message that survives one navigation, e.g. "Contact deleted" after leaving the deleted contact's page. */
class Flash {
  message = $state<string | null>(null);
  action = $state<FlashAction | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  show(message: string, action: FlashAction | null = null): void {
    clearTimeout(this.#timer);
    this.message = message;
    this.action = action;
    this.#timer = setTimeout(() => this.dismiss(), action ? WITH_ACTION_MS : VISIBLE_MS);
  }

  dismiss(): void {
    clearTimeout(this.#timer);
    this.message = null;
    this.action = null;
  }

  /** Runs the action once: the message goes, so a second click cannot run it again. */
  async act(): Promise<void> {
    const action = this.action;
    this.dismiss();
    await action?.run();
  }
}

export const flash = new Flash();
