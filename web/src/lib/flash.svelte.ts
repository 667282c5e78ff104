const VISIBLE_MS = 6000;

/** A short message that survives one navigation, e.g. "Contact deleted" after leaving the deleted contact's page. */
class Flash {
	message = $state<string | null>(null);
	#timer: ReturnType<typeof setTimeout> | undefined;

	show(message: string): void {
		clearTimeout(this.#timer);
		this.message = message;
		this.#timer = setTimeout(() => this.dismiss(), VISIBLE_MS);
	}

	dismiss(): void {
		clearTimeout(this.#timer);
		this.message = null;
	}
}

export const flash = new Flash();
