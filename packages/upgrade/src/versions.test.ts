import { describe, expect, it } from 'vitest';
import { compareVersions, isBetween, isVersion } from './versions.mjs';

describe('versions', () => {
  it('orders versions as semver does', () => {
    const sorted = ['1.0.0', '0.10.0', '0.2.0', '1.0.0-next.2', '1.0.0-next.10', '0.2.1', '1.0.0-alpha'].sort(compareVersions);
    expect(sorted).toEqual(['0.2.0', '0.2.1', '0.10.0', '1.0.0-alpha', '1.0.0-next.2', '1.0.0-next.10', '1.0.0']);
  });

  it('takes the versions after the one a site has, up to the target', () => {
    expect(['0.1.0', '0.2.0', '0.3.0', '0.4.0'].filter((version) => isBetween(version, '0.1.0', '0.3.0'))).toEqual(['0.2.0', '0.3.0']);
  });

  it('knows a version from a folder name', () => {
    expect(['0.3.0', '1.0.0-next.1', 'unreleased', '0.3', 'v0.3.0'].filter(isVersion)).toEqual(['0.3.0', '1.0.0-next.1']);
  });
});
