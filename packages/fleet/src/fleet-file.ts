import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { FleetError } from './fleet-error.ts';
import { readYaml, schemaProblems } from './yaml-file.ts';

const siteSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'should be lower-case letters, digits and hyphens, starting with a letter or digit' })
      .meta({ title: 'the site’s name', description: 'It names the site’s folders and its part of the report.', examples: ['riverside-tenants'] }),
    git: z
      .string()
      .min(1)
      .optional()
      .meta({
        title: 'the site’s repository',
        description: 'Any address `git clone` takes.',
        examples: ['https://codeberg.org/riverside-tenants/website.git'],
      }),
    path: z
      .string()
      .min(1)
      .optional()
      .meta({
        title: 'the site’s folder',
        description: 'A git repository on this machine, relative to the fleet file; its committed state is checked.',
        examples: ['../members/riverside'],
      }),
    branch: z
      .string()
      .min(1)
      .optional()
      .meta({ title: 'the branch', description: 'Leave it out for the repository’s default branch.', examples: ['main'] }),
    domain: z
      .string()
      .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, { error: 'should be a domain name alone, without https:// or a path' })
      .optional()
      .meta({ title: 'the site’s domain', description: 'Where the co-op serves the site.', examples: ['riversidetenants.org'] }),
    subpath: z
      .string()
      .regex(/^\/[a-z0-9._~-]+(\/[a-z0-9._~-]+)*\/?$/i, { error: 'should be a path on the host such as /riverside/' })
      .optional()
      .meta({
        title: 'the site’s sub-path on the host',
        description: 'The site is built for this base path and served under `host`.',
        examples: ['/riverside/'],
      }),
  })
  .superRefine((site, ctx) => {
    if (!site.git === !site.path) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: site.git ? 'has both `git` and `path`' : 'has neither `git` nor `path`',
        params: { fix: 'give the site either `git: <repository address>` or `path: <folder>`, not both.' },
      });
    }
    if (site.domain && site.subpath) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'has both `domain` and `subpath`',
        params: { fix: 'a site is served at its own domain or under the host at a sub-path: keep one.' },
      });
    }
  });

/** The fleet file as written (`fleet.yaml`): the member sites a candidate kit is checked against. */
export const fleetFileSchema = z
  .strictObject({
    host: z
      .string()
      .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, { error: 'should be a domain name alone, without https:// or a path' })
      .optional()
      .meta({ title: 'the co-op’s host', description: 'The domain that sites with a `subpath` are served under.', examples: ['sites.opentech.coop'] }),
    sites: z
      .array(siteSchema)
      .min(1, { error: 'lists no site' })
      .meta({
        title: 'the member sites',
        description: 'One entry per site, each with a name and `git` or `path`.',
        examples: [[{ name: 'riverside', git: 'https://codeberg.org/riverside/website.git' }]],
      }),
  })
  .superRefine((fleet, ctx) => {
    const seen = new Map<string, number>();
    fleet.sites.forEach((site, index) => {
      const first = seen.get(site.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['sites', index, 'name'],
          message: `"${site.name}" is also the name of sites[${first}]`,
          params: { fix: 'give every site its own name.' },
        });
      } else seen.set(site.name, index);
    });
    if (!fleet.host && fleet.sites.some((site) => site.subpath)) {
      const index = fleet.sites.findIndex((site) => site.subpath);
      ctx.addIssue({
        code: 'custom',
        path: ['sites', index, 'subpath'],
        message: 'is a sub-path, but the fleet has no `host` to serve it under',
        params: { fix: 'add `host: sites.your-coop.org` at the top of the file.' },
      });
    }
  });

export type FleetFileInput = z.input<typeof fleetFileSchema>;

/** One member site, resolved: its source, where it is served, the base its build is made for. */
export interface FleetSite {
  name: string;
  /** The repository to clone; for a `path:` site, that folder (absolute). */
  git?: string;
  /** The site's folder (absolute) when the fleet file gave `path:`. */
  path?: string;
  branch?: string;
  domain?: string;
  /** The sub-path on the fleet's host, `/name/` (leading and trailing slash). */
  subpath?: string;
  /** The base path the site is built for: its sub-path, or `/`. */
  base: string;
}

export interface Fleet {
  /** The fleet file, as given. */
  file: string;
  /** Its folder (absolute): `path:` entries are relative to it. */
  dir: string;
  host?: string;
  sites: FleetSite[];
}

const EXAMPLE = 'Write it like `sites: [{ name: riverside, git: https://codeberg.org/riverside/website.git, domain: riverside.org }]` (YAML).';

/** Reads and checks a fleet file. Throws a FleetError naming the file, the field and the fix. */
export function readFleetFile(file: string): Fleet {
  const input = readYaml(file, 'fleet file', EXAMPLE);
  const result = fleetFileSchema.safeParse(input);
  if (!result.success) throw new FleetError(schemaProblems(result.error, fleetFileSchema, file, input, 'fleet file', EXAMPLE));
  const dir = resolve(dirname(file));
  const sites = result.data.sites.map((site, index): FleetSite => {
    const path = site.path === undefined ? undefined : isAbsolute(site.path) ? site.path : resolve(dir, site.path);
    if (path && !existsSync(path)) {
      throw new FleetError(
        `${file}: sites[${index}].path: there is no folder ${path} — correct the path (it is relative to the fleet file) or use \`git:\` with the repository's address.`,
      );
    }
    const subpath = site.subpath === undefined ? undefined : `${site.subpath.replace(/\/$/, '')}/`;
    return {
      name: site.name,
      ...(site.git ? { git: site.git } : {}),
      ...(path ? { path } : {}),
      ...(site.branch ? { branch: site.branch } : {}),
      ...(site.domain ? { domain: site.domain } : {}),
      ...(subpath ? { subpath } : {}),
      base: subpath ?? '/',
    };
  });
  return { file, dir, ...(result.data.host ? { host: result.data.host } : {}), sites };
}
