/** The "needs a look" thresholds (AUDIT_ALERT_* settings); each counts within one UTC day. */
export interface AuditAlertThresholds {
  /** An account viewing or exporting more than this many distinct restricted contacts. */
  restricted: number;
  /** At least this many failed sign-ins for one account (or, for unknown emails, from one address). */
  failedLogins: number;
  /** An account signing in from at least this many different addresses. */
  addresses: number;
}

export const DEFAULT_AUDIT_ALERTS: AuditAlertThresholds = { restricted: 20, failedLogins: 5, addresses: 3 };
