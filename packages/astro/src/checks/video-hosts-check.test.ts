import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownVideoHostProblems, videoHostProblems } from './video-hosts-check.ts';
import { readContent } from './read-content.ts';

describe('videoHostProblems', () => {
  it("refuses an album's PeerTube video on an instance the settings do not list, naming the field and the fix", () => {
    const root = mkdtempSync(join(tmpdir(), 'oo-video-hosts-'));
    mkdirSync(join(root, 'src/content/albums'), { recursive: true });
    writeFileSync(
      join(root, 'src/content/albums/fair.md'),
      '---\ntitle: Fair\nvideos:\n  - url: https://tube.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv\n    title: Ok\n  - url: https://evil.example/w/kkGMgK9ZtnKfYAgnEtQxbv\n    title: No\n  - url: https://www.youtube.com/watch?v=aqz-KE-bpKQ\n    title: Yt\n---\n',
    );
    expect(videoHostProblems(readContent(root, ['albums']), { peertube: ['tube.example.org'] }, 'src/settings/site.yaml')).toEqual([
      {
        file: 'src/content/albums/fair.md',
        field: 'videos[1].url',
        message: 'evil.example is not one of the PeerTube instances this site plays videos from',
        fix: 'if you trust that instance, add "evil.example" under videos: peertube: in src/settings/site.yaml; otherwise put a link to the video in the album\'s text instead.',
      },
    ]);
  });

  it('warns of a line of text that would play a PeerTube video from an unlisted instance', () => {
    const root = mkdtempSync(join(tmpdir(), 'oo-video-hosts-'));
    mkdirSync(join(root, 'src/content/pages'), { recursive: true });
    writeFileSync(
      join(root, 'src/content/pages/about.md'),
      '---\ntitle: About\n---\nhttps://tube.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv\n\n[Our film](https://evil.example/w/kkGMgK9ZtnKfYAgnEtQxbv)\n\nSee https://evil.example/w/kkGMgK9ZtnKfYAgnEtQxbv in a sentence.\n',
    );
    expect(markdownVideoHostProblems(readContent(root, ['pages']), { peertube: ['tube.example.org'] }, 'src/settings/site.yaml')).toEqual([
      {
        file: 'src/content/pages/about.md',
        field: 'text',
        message:
          'the video https://evil.example/w/kkGMgK9ZtnKfYAgnEtQxbv stays a link: evil.example is not one of the PeerTube instances this site plays videos from',
        fix: 'if you trust that instance, add "evil.example" under videos: peertube: in src/settings/site.yaml.',
      },
    ]);
  });
});
