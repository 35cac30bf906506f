import { describe, expect, it } from 'vitest';
import { astroPhaseMarks, phaseSeconds, readTimings } from './phases.mjs';

const line = (text: string, at: number, cpu = at) => ({ text, at, cpu });

describe('phases from Astro’s log', () => {
  const log = [
    line('15:21:01 [content] Syncing content', 2),
    line('15:21:03 [content] Synced content', 4),
    line('15:21:03 [build] ✓ Completed in 3.11s.', 4.5),
    line(' generating static routes ', 6),
    line(' generating optimized images ', 8),
    line('15:21:07 [build] ✓ Completed in 4.96s.', 11),
  ];

  it('splits a build into startup, sync, setup, pages, images and after', () => {
    const phases = phaseSeconds(astroPhaseMarks(log), 12, 18);
    expect(Object.fromEntries(Object.entries(phases).map(([phase, figure]) => [phase, figure.seconds]))).toEqual({
      startup: 2,
      sync: 2,
      setup: 2,
      pages: 2,
      images: 3,
      after: 1,
    });
    // The last phase runs to the end: 1 s of wall time, 18 − 11 = 7 s of CPU.
    expect(phases.after.cores).toBe(7);
  });

  it('does not take the "Completed" line after collecting build info for the end of the images', () => {
    const marks = astroPhaseMarks(log);
    expect(marks.find((mark) => mark.phase === 'after')?.at).toBe(11);
  });

  it('leaves a phase the log never opened at 0 s', () => {
    const phases = phaseSeconds(astroPhaseMarks([line('first', 1), line(' generating static routes ', 3)]), 5, 5);
    expect(phases.sync.seconds).toBe(0);
    expect(phases.images.seconds).toBe(0);
    expect(phases.setup.seconds).toBe(2);
    expect(phases.pages.seconds).toBe(2);
  });
});

describe('the kit’s timings file', () => {
  it('adds up the seconds of each phase, in the order they first come', () => {
    const text = [
      '{"phase":"content","start":1000,"end":1500}',
      '{"phase":"checks","start":1500,"end":4000}',
      '{"phase":"content","start":5000,"end":5250}',
      '{"phase":"search-index","start":9000,"end":9100}',
      '',
    ].join('\n');
    const { phases, ignored } = readTimings(text);
    expect(phases).toEqual({ content: 0.75, checks: 2.5, 'search-index': 0.1 });
    expect(Object.keys(phases)).toEqual(['content', 'checks', 'search-index']);
    expect(ignored).toBe(0);
  });

  it('counts and skips lines that are not phase records', () => {
    const { phases, ignored } = readTimings('{"phase":"checks","start":0,"end":1000}\n{"phase":"links","start":5\nnot json\n{"phase":"x","start":2,"end":1}\n');
    expect(phases).toEqual({ checks: 1 });
    expect(ignored).toBe(3);
  });
});
