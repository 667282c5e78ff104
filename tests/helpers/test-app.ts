import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/src/app.js';
import type { Database, Db } from '../../server/src/db/database.js';
import { createUserRecord } from '../../server/src/modules/users/users.service.js';
import type { UserDto } from '../../server/src/modules/users/users.schemas.js';
import type { Role } from '../../server/src/domain/roles.js';
import type { LoginLimits } from '../../server/src/modules/auth/login-limits.js';
import type { ReplyLimits } from '../../server/src/modules/outreach/rsvp-limits.js';
import type { MailConfig } from '../../server/src/config.js';
import { createTestDatabase } from './test-database.js';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  users: Record<Role, UserDto>;
  /** Inject a request as one of the users (Bearer token), or anonymously with as: null. */
  request(as: Role | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** A further account, e.g. one limited to some governorates. */
  addUser(role: Role, governorates?: string[]): Promise<{ user: UserDto; token: string }>;
  close(): Promise<void>;
}

let counter = 0;

export interface TestAppOptions {
  loginLimits?: Partial<LoginLimits>;
  /** What the app is given instead of the database's Kysely instance, e.g. one with a query-counting plugin. */
  wrapDb?: (db: Db) => Db;
  /** Limits on the public reply-link routes; injected requests all come from one address, so it is raised here too. */
  replyLimits?: Partial<ReplyLimits>;
  /** SMTP_URL and MAIL_FROM for email tests (tests/helpers/smtp-test-server.ts). */
  mail?: MailConfig | null;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // Every injected request comes from one address, and a test file signs in dozens of accounts within a minute:
  // the per-address limit is raised unless a test sets it (the limits have tests of their own).
  const loginLimits = { perAddress: 1000, ...options.loginLimits };
  const app = await buildApp({
    db: options.wrapDb?.(database.db) ?? database.db,
    jwtSecret: 'test-secret-that-is-long-enough-0123456789',
    loginLimits,
    replyLimits: { answersPerAddress: 10_000, viewsPerAddress: 10_000, ...options.replyLimits },
    mail: options.mail,
  });
  await app.ready();
  const users = {} as Record<Role, UserDto>;
  const tokens = {} as Record<Role, string>;
  const addUser = async (role: Role, governorates?: string[]) => {
    counter += 1;
    const user = await createUserRecord(database.db, null, {
      email: `${role}${counter}@test.example.org`,
      name: `Test ${role} ${counter}`,
      role,
      password: TEST_PASSWORD,
      governorates: governorates ?? null,
    });
    return { user, token: app.jwt.sign({ sub: user.id, role }) };
  };
  for (const role of ['admin', 'coordinator', 'staff', 'viewer'] as const) {
    const { user, token } = await addUser(role);
    users[role] = user;
    tokens[role] = token;
  }
  return {
    app,
    database,
    users,
    addUser,
    request(as, opts) {
      const headers = { ...(opts.headers ?? {}), ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}) };
      return app.inject({ ...opts, headers });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
