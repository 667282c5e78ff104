import { describe, expect, it } from 'vitest';
import { bandLayout, categoryLabelStep, niceTicks, scaleLinear } from '../../../web/src/lib/management/chart-scale.js';

describe('niceTicks', () => {
  it('gives round steps from zero up to at least the maximum', () => {
    expect(niceTicks(10)).toEqual([0, 5, 10]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(310)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(1000)).toEqual([0, 250, 500, 750, 1000]);
  });

  it('never uses fractional steps for counts', () => {
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(2)).toEqual([0, 1, 2]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it('draws an axis 0–1 for an all-zero series', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('scaleLinear', () => {
  it('maps the domain onto the size and clamps negatives', () => {
    const scale = scaleLinear(200, 100);
    expect(scale(0)).toBe(0);
    expect(scale(50)).toBe(25);
    expect(scale(200)).toBe(100);
    expect(scale(-5)).toBe(0);
  });

  it('maps everything to zero when the domain is empty', () => {
    expect(scaleLinear(0, 100)(3)).toBe(0);
  });
});

describe('bandLayout', () => {
  it('splits the size into equal slots with the bar centred in each', () => {
    const { offset, band } = bandLayout(4, 400, 0.25);
    expect(band).toBe(75);
    expect(offset(0)).toBe(12.5);
    expect(offset(3)).toBe(312.5);
  });
});

describe('categoryLabelStep', () => {
  const months = (label: string, n: number) => Array.from({ length: n }, () => ({ label }));

  it('writes every label when they fit, every second or fourth when they do not', () => {
    expect(categoryLabelStep(months('Nov', 12), 600)).toBe(1);
    expect(categoryLabelStep(months('كانون الثاني', 12), 600)).toBe(2);
    expect(categoryLabelStep(months('كانون الثاني', 12), 300)).toBe(4);
    expect(categoryLabelStep([], 300)).toBe(1);
  });
});
