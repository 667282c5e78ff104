import { describe, expect, it } from 'vitest';
import { ImportSlots, ImportsBusyError, withImportSlot } from '../../../server/src/modules/imports/import-slots.js';

describe('import slots', () => {
  it('allows two imports per account and four in all, and frees a slot when it is released', async () => {
    const slots = new ImportSlots({ perUser: 2, total: 4 });
    const a1 = await slots.tryAcquire('a');
    const a2 = await slots.tryAcquire('a');
    expect(a1).not.toBeNull();
    expect(a2).not.toBeNull();
    expect(await slots.tryAcquire('a')).toBeNull();
    const b1 = await slots.tryAcquire('b');
    const b2 = await slots.tryAcquire('b');
    expect(slots.inUse()).toBe(4);
    expect(await slots.tryAcquire('c')).toBeNull();
    await a1!();
    await a1!(); // a second release gives nothing back twice
    expect(slots.inUse('a')).toBe(1);
    expect(slots.inUse()).toBe(3);
    const c1 = await slots.tryAcquire('c');
    expect(c1).not.toBeNull();
    expect(await slots.tryAcquire('a')).toBeNull(); // the server is full again
    for (const release of [a2, b1, b2, c1]) await release!();
    expect(slots.inUse()).toBe(0);
    expect(slots.inUse('a')).toBe(0);
  });

  it('refuses past the limit with 429 IMPORTS_BUSY at once, and releases the slot however the work ends', async () => {
    const slots = new ImportSlots({ perUser: 1, total: 2 });
    let finish!: () => void;
    const running = withImportSlot(slots, 'a', () => new Promise<string>((resolve) => (finish = () => resolve('done'))));
    await Promise.resolve();
    const busy = withImportSlot(slots, 'a', async () => 'never');
    await expect(busy).rejects.toBeInstanceOf(ImportsBusyError);
    await expect(busy).rejects.toMatchObject({ status: 429, code: 'IMPORTS_BUSY', retryAfterSeconds: expect.any(Number) });
    await expect(withImportSlot(slots, 'a', async () => 'never')).rejects.toThrow(/You already have imports running/);
    await expect(withImportSlot(slots, 'b', async () => 'b ran')).resolves.toBe('b ran');
    finish();
    await expect(running).resolves.toBe('done');
    await expect(
      withImportSlot(slots, 'a', async () => {
        throw new Error('parse failed');
      }),
    ).rejects.toThrow('parse failed');
    expect(slots.inUse()).toBe(0);

    const holdB = await slots.tryAcquire('b');
    const holdC = await slots.tryAcquire('c');
    await expect(withImportSlot(slots, 'a', async () => 'never')).rejects.toThrow(/server is running as many imports/);
    await holdB!();
    await holdC!();
  });
});
