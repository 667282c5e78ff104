// See https://svelte.dev/docs/kit/types#app.d.ts
import type { User } from '$lib/users/user';

declare global {
  namespace App {
    /** The signed-in user, loaded by routes/(app)/+layout.ts for every page behind sign-in (absent on /login and /r). */
    interface PageData {
      user?: User;
    }
  }
}

export {};
