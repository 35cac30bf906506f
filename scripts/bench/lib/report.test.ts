import { describe, expect, it } from 'vitest';
import { corpusCounts, parseList, parseScale } from './corpus-layout.mjs';
import { growth, growthTable, medianResults, phasesTable, ratios, resultsTable, targets } from './report.mjs';

const MB = 1024 * 1024;

function build(wall: number, cpu = wall, peakMb = 500) {
  return {
    wall,
    cpu,
    coresUsed: cpu / wall,
    peakRss: peakMb * MB,
    phases: {},
    kitPhases: {},
    images: { total: 0, reused: 0 },
    imageBytes: 0,
    bytes: 0,
    pages: 100,
  };
}
const site = (cold: number, warm: number, edit: number, peakMb = 500) => ({
  cold: build(cold, cold, peakMb),
  warm: build(warm, warm, peakMb),
  edit: build(edit, edit, peakMb),
});

describe('ratios and targets', () => {
  it('compares the kit with Hugo and with plain Astro, build by build', () => {
    const computed = ratios({ kit: site(20, 4, 5), plain: site(40, 10, 10), hugo: site(8, 1, 1) });
    expect(computed.kitOver.hugo.cold.wall).toBe(2.5);
    expect(computed.kitOver.plain.cold.wall).toBe(0.5);
    expect(computed.warmOverCold.kit).toBe(0.2);
    expect(computed.editOverCold.kit).toBe(0.25);
  });

  it('reports each of the issue’s targets as met or missed', () => {
    const results = { kit: site(20, 4, 7, 900), hugo: site(10, 1, 1) };
    const text = targets(results, ratios(results), 1);
    expect(text).toMatch(/kit cold ≤ 2× Hugo cold\s+2\.00×.*met/);
    expect(text).toMatch(/edited ≤ 0\.3× kit cold\s+0\.35×.*MISSED/);
    expect(text).toMatch(/nothing changed ≤ 0\.2× kit cold\s+0\.20×.*met/);
    expect(text).toMatch(/800 MB at 1,000 posts\s+900 MB.*MISSED/);
  });

  it('does not judge the memory target at another scale, or the Hugo target without Hugo', () => {
    const results = { kit: site(20, 4, 5, 300) };
    const text = targets(results, ratios(results), 0.1);
    expect(text).toMatch(/Hugo cold\s+–.*not measured/);
    expect(text).toMatch(/300 MB at scale 0\.1.*not measured/);
  });
});

describe('the scale sweep', () => {
  const run = (scale: number, results: Record<string, ReturnType<typeof site>>) => ({ scale, counts: corpusCounts(scale), results });

  it('judges time growth against the post count and memory at 5,000 posts', () => {
    const runs = [run(1, { kit: site(40, 5, 5, 700) }), run(2, { kit: site(75, 8, 8, 900) }), run(5, { kit: site(210, 20, 20, 1900) })];
    const grown = growth(runs);
    expect(grown.rows[0]).toMatchObject({ site: 'kit', from: 1, to: 5, postsRatio: 5 });
    expect(grown.rows[0].time).toBeCloseTo(5.25);
    const text = growthTable(grown);
    expect(text).toMatch(/under 2 GB\s+1900 MB\s+met/);
    expect(text).toMatch(/time\(5×\) \/ time\(1×\) ≤ 5\s+5\.25×\s+MISSED/);
  });

  it('has nothing to say about growth with one scale', () => {
    expect(growthTable(growth([run(1, { kit: site(40, 5, 5) })]))).toBe('');
  });
});

describe('the phases table', () => {
  it('shows the kit’s own phases, known ones first, and any other it logs', () => {
    const kit = build(10);
    kit.kitPhases = { 'render-cache': 1, checks: 2.5, content: 0.5 } as never;
    const text = phasesTable({ kit: { cold: kit } });
    const header = text.split('\n')[0];
    expect(header.indexOf('kit content')).toBeLessThan(header.indexOf('kit checks'));
    expect(header.indexOf('kit checks')).toBeLessThan(header.indexOf('kit render-cache'));
    expect(text.split('\n')[2]).toMatch(/0\.5\s+2\.5\s+1\.0$/);
  });
});

describe('options', () => {
  it('scales every count of the corpus, beyond 1 too', () => {
    expect(corpusCounts(0.1)).toEqual({ news: 100, events: 20, photos: 5 });
    expect(corpusCounts(5)).toEqual({ news: 5000, events: 1000, photos: 250 });
  });

  it('says what a scale and a site list are when given something else', () => {
    expect(() => parseScale('0')).toThrow(/give a number above 0/);
    expect(() => parseScale('lots')).toThrow(/"lots" is not a scale/);
    expect(parseList('kit, hugo', ['kit', 'plain', 'hugo'], 'only')).toEqual(['kit', 'hugo']);
    expect(() => parseList('kit,gatsby', ['kit', 'plain', 'hugo'], 'only')).toThrow(/unknown gatsby; give one or more of kit, plain, hugo/);
  });
});

describe('the phases table of a site without phases', () => {
  it('leaves Hugo’s builds out', () => {
    expect(phasesTable({ hugo: { cold: build(5) } }).split('\n')).toHaveLength(2);
  });
});

describe('a sweep where the kit’s build failed at 5×', () => {
  it('reports the memory target as missed, naming the build', () => {
    const runs = [
      { scale: 1, counts: corpusCounts(1), results: { kit: site(40, 5, 5) } },
      { scale: 5, counts: corpusCounts(5), results: {}, failures: { kit: { step: 'cold', message: 'heap out of memory' } } },
    ];
    expect(growthTable(growth(runs))).toMatch(/under 2 GB\s+the cold build failed\s+MISSED/);
  });
});

describe('rounds', () => {
  it('keeps the build of median wall time of each site and step, with every round’s time', () => {
    const rounds = [{ kit: site(30, 5, 6) }, { kit: site(20, 9, 6) }, { kit: site(25, 4, 7) }];
    const results = medianResults(rounds);
    expect(results.kit.cold.wall).toBe(25);
    expect(results.kit.warm.wall).toBe(5);
    expect(results.kit.cold.walls).toEqual([30, 20, 25]);
    expect(resultsTable(results)).toMatch(/kit cold\s+25\.0 \(20\.0–30\.0\)/);
  });
});

describe('the results table', () => {
  it('shows the pages an Astro build copied from its last build, where it counted them', () => {
    const results = { kit: { ...site(20, 4, 5), warm: { ...build(4), pagesReused: 99 } }, hugo: site(8, 1, 1) };
    const text = resultsTable(results);
    expect(text).toMatch(/kit nothing changed .* 100 \(99\)$/m);
    expect(text).toMatch(/hugo cold .* 100$/m);
  });
});

describe('short kit phases', () => {
  it('are added up in one column, named below the table', () => {
    const kit = build(10);
    kit.kitPhases = { checks: 2, redirects: 0.01, 'cms-files': 0.02, 'content-sync': 1.1 } as never;
    const text = phasesTable({ kit: { cold: kit } });
    expect(text.split('\n')[0]).toMatch(/kit checks\s+kit content-sync\s+kit other$/);
    expect(text.split('\n')[2]).toMatch(/2\.0\s+1\.1\s+0\.0$/);
    expect(text).toMatch(/kit other: redirects, cms-files \(each under 0\.05 s\)/);
  });
});

describe('short kit phases of a site without the kit', () => {
  it('show as not measured, not as 0 s', () => {
    const kit = build(10);
    kit.kitPhases = { checks: 2, redirects: 0.01 } as never;
    const plain = { ...build(10), phases: { startup: { seconds: 1, cpu: 1, cores: 1 } } };
    const rows = phasesTable({ kit: { cold: kit }, plain: { cold: plain } }).split('\n');
    expect(rows[3]).toMatch(/^plain cold.*–\s+–$/);
  });
});
