import { goto } from '$app/navigation';
import { navigating } from '$app/state';
import type { ApiRoute, BodyOf, JsonApiRoute, ParamsOf, ProblemDto, QueryOf, ResponseOf } from '$api';
import { databaseStatus } from './database-status.svelte';

/** One entry of a problem+json `errors` array; `field` is a dotted path such as `phones.1`. */
type FieldError = NonNullable<ProblemDto['errors']>[number];

/** The server's problem+json with its optional parts filled in (and without `type`). */
type Problem = Required<Pick<ProblemDto, 'status' | 'code' | 'title' | 'detail'>> & { errors: FieldError[] };

/** Every failed API call ends here: the server's problem+json, or status 0 / NETWORK when it was unreachable. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  /** Server message per field path (the first one when a field has several). */
  readonly fieldErrors: Record<string, string> = {};
  /** Machine code per field path (`required`, `minItems`, …), for translated messages. */
  readonly fieldErrorCodes: Record<string, string> = {};

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    for (const error of problem.errors) {
      if (error.field in this.fieldErrors) continue;
      this.fieldErrors[error.field] = error.message;
      this.fieldErrorCodes[error.field] = error.code;
    }
  }
}

export type Fetch = typeof fetch;
/** A list is sent as the key repeated (`tags=a&tags=b`), as the server's schemas read arrays; booleans as `true`/`false`. */
type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
type Query = Record<string, QueryValue>;

interface RequestOptions {
  query?: object;
  body?: unknown;
  /** Kit's `fetch` inside load functions; the global one elsewhere. */
  fetch?: Fetch;
  /** Cancels the request; the caller then gets the fetch's own AbortError, not an ApiError. */
  signal?: AbortSignal;
}

/** Path parameters are required exactly when the route has some. */
type ParamsOption<K extends ApiRoute> = ParamsOf<K> extends undefined ? { params?: undefined } : { params: ParamsOf<K> };
/**
 * Every query field may be left out (the server fills in its defaults, which its own types count as always present),
 * and may be null or '' for "no filter": such a value is not sent at all.
 */
type QueryInput<Q> = { [P in keyof Q]?: Q[P] | null | '' };
type QueryOption<K extends ApiRoute> = QueryOf<K> extends undefined ? { query?: undefined } : { query?: QueryInput<QueryOf<K>> };
type BodyOption<K extends ApiRoute> = BodyOf<K> extends undefined ? { body?: undefined } : { body: BodyOf<K> };

/** What `api(route, …)` takes for that route: its params, query and body as its schemas type them. */
export type ApiOptions<K extends ApiRoute> = ParamsOption<K> &
  QueryOption<K> &
  BodyOption<K> & {
    /** Kit's `fetch` inside load functions; the global one elsewhere. */
    fetch?: Fetch;
    /** Cancels the request; the caller then gets the fetch's own AbortError, not an ApiError. */
    signal?: AbortSignal;
  };

/** The options argument may be left out only when the route needs neither params nor a body. */
type ApiArguments<K extends ApiRoute> = object extends ApiOptions<K> ? [options?: ApiOptions<K>] : [options: ApiOptions<K>];

const LOGIN_PATH = '/auth/login';

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries((query ?? {}) as Query)) {
    if (Array.isArray(value)) for (const item of value as readonly (string | number)[]) params.append(key, String(item));
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function redirectToLogin(): void {
  // During a navigation the page being opened is where to come back to, not the one being left.
  const target = navigating.to?.url ?? new URL(location.href);
  if (target.pathname === '/login') return;
  const next = encodeURIComponent(target.pathname + target.search);
  // Not awaited: the caller still gets the ApiError, while the router moves to the login page.
  void goto(`/login?next=${next}`, { replaceState: true });
}

/** An administrator requires two-step sign-in and this account has none yet: its session reaches only the setup. */
function redirectToTwoStepSetup(): void {
  if (location.pathname !== '/account') void goto('/account', { replaceState: true });
}

/** A problem+json body (or whatever came back) as the Problem the app reads; missing parts get neutral values. */
function problemFrom(status: number, statusText: string, body: unknown): Problem {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Partial<Record<keyof Problem, unknown>>;
  return {
    status,
    code: typeof b.code === 'string' ? b.code : status === 0 ? 'NETWORK' : `HTTP_${status}`,
    title: typeof b.title === 'string' ? b.title : statusText || 'Error',
    detail: typeof b.detail === 'string' ? b.detail : '',
    errors: Array.isArray(b.errors) ? (b.errors as FieldError[]) : [],
  };
}

/** The ApiError for a failed response read outside api() (downloads, uploads with progress). */
export const apiErrorFrom = (status: number, statusText: string, body: unknown) => new ApiError(problemFrom(status, statusText, body));

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  let body: unknown = {};
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch {
      // not JSON after all: described by its status
    }
  }
  return problemFrom(response.status, response.statusText, body);
}

/** Reads are tried this many more times while the database is unavailable (PostgreSQL restarts in seconds). */
const DATABASE_RETRIES = 3;
const DEFAULT_RETRY_AFTER_SECONDS = 5;

const databaseUnavailable = (response: Response, problem: Problem) => response.status === 503 && problem.code === 'DATABASE_UNAVAILABLE';

function retryDelayMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return (Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) : DEFAULT_RETRY_AFTER_SECONDS) * 1000;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    });
  });
}

async function request(method: string, path: string, options: RequestOptions): Promise<unknown> {
  const doFetch = options.fetch ?? fetch;
  const hasBody = options.body !== undefined;
  for (let attempt = 0; ; attempt += 1) {
    let response: Response;
    try {
      response = await doFetch(buildUrl(path, options.query), {
        method,
        credentials: 'same-origin',
        headers: hasBody ? { accept: 'application/json', 'content-type': 'application/json' } : { accept: 'application/json' },
        body: hasBody ? JSON.stringify(options.body) : undefined,
        signal: options.signal,
      });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw new ApiError({ status: 0, code: 'NETWORK', title: 'Network error', detail: '', errors: [] });
    }
    if (response.status === 401 && path !== LOGIN_PATH) redirectToLogin();
    if (response.ok) {
      databaseStatus.report(false);
      if (response.status === 204) return undefined;
      return await response.json();
    }
    const problem = await readProblem(response);
    if (response.status === 403 && problem.code === 'TWO_STEP_SETUP_REQUIRED') redirectToTwoStepSetup();
    const unavailable = databaseUnavailable(response, problem);
    databaseStatus.report(unavailable);
    // Only reads wait and try again by themselves: a write is the user's to repeat, once they see the message.
    if (!unavailable || method !== 'GET' || attempt >= DATABASE_RETRIES) throw new ApiError(problem);
    await pause(retryDelayMs(response), options.signal);
  }
}

/** `/contacts/:id` with `{ id }` → `/contacts/<id>`, each value percent-encoded. */
function fillPath(path: string, params: object | undefined): string {
  const values = (params ?? {}) as Record<string, string | number>;
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(values[name])));
}

/**
 * Calls one API route by its `METHOD /path` key from the server's route map: a path, params, query or body the route
 * does not have is a compile error, and the answer is typed by the route's own 2xx schema (`void` for a 204).
 */
export async function api<K extends JsonApiRoute>(route: K, ...[options]: ApiArguments<K>): Promise<ResponseOf<K>> {
  const [method, path] = route.split(' ') as [string, string];
  const { params, ...rest } = (options ?? {}) as RequestOptions & { params?: object };
  return (await request(method, fillPath(path, params), rest)) as ResponseOf<K>;
}

/** The address of a route (a file download or a link), with its params filled in and its query appended. */
export function apiUrl<K extends ApiRoute>(route: K, options: Pick<ApiOptions<K>, 'params' | 'query'>): string {
  const { params, query } = options as RequestOptions & { params?: object };
  return buildUrl(fillPath(route.slice(route.indexOf(' ') + 1), params), query);
}
