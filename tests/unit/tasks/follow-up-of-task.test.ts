import { describe, expect, it } from 'vitest';
import { followUpOfTask } from '../../../server/src/domain/tasks/vocabulary.js';

/** The interaction's follow-up fields are derived from its task: what the older screens and figures read. */
describe('followUpOfTask', () => {
  it('shows an open task as a pending follow-up, a done one as done, a cancelled one as none', () => {
    expect(followUpOfTask({ state: 'open', dueOn: '2026-12-01' })).toEqual({ followUpOn: '2026-12-01', followUpDone: false });
    expect(followUpOfTask({ state: 'done', dueOn: '2026-12-01' })).toEqual({ followUpOn: '2026-12-01', followUpDone: true });
    expect(followUpOfTask({ state: 'cancelled', dueOn: '2026-12-01' })).toEqual({ followUpOn: null, followUpDone: false });
    expect(followUpOfTask({ state: 'open', dueOn: null })).toEqual({ followUpOn: null, followUpDone: false });
  });
});
