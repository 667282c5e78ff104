import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cd-audit-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('AUDIT_ALERT_* settings', () => {
  it('default to 20 restricted contacts, 5 failed sign-ins and 3 addresses', () => {
    expect(loadConfig({ DATA_DIR: dir }).auditAlerts).toEqual({ restricted: 20, failedLogins: 5, addresses: 3 });
  });

  it('read each threshold from its variable', () => {
    const env = { DATA_DIR: dir, AUDIT_ALERT_RESTRICTED: '50', AUDIT_ALERT_FAILED_LOGINS: '8', AUDIT_ALERT_ADDRESSES: '2' };
    expect(loadConfig(env).auditAlerts).toEqual({ restricted: 50, failedLogins: 8, addresses: 2 });
  });

  it.each(['0', '-1', '2.5', 'many'])('refuse %s with a one-line reason', (value) => {
    expect(() => loadConfig({ DATA_DIR: dir, AUDIT_ALERT_FAILED_LOGINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir, AUDIT_ALERT_FAILED_LOGINS: value })).toThrow(
      /AUDIT_ALERT_FAILED_LOGINS must be a whole number/,
    );
  });
});
