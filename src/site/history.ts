import { execFileSync } from 'node:child_process';
import packageJson from '../../package.json' with { type: 'json' };

export interface FileHistory {
  /** Date of the first commit that touched the file. */
  added: string;
  /** Date of the latest commit that touched the file. */
  changed: string;
  commits: number;
}

let cached: Map<string, FileHistory> | undefined;

/**
 * Dates of every content file and guide (CONTRIBUTING.md included) from git, read with one `git log` for the whole build. Without
 * git history (a tarball, a shallow CI clone) the map is empty and pages fall back to `updated`.
 */
export function contentHistory(): Map<string, FileHistory> {
  if (cached) return cached;
  cached = new Map();
  let log = '';
  try {
    log = execFileSync('git', ['log', '--format=%x00%cs', '--name-only', '--', 'content', 'src/content/docs', 'CONTRIBUTING.md'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return cached;
  }
  for (const block of log.split('\0').slice(1)) {
    const [date = '', ...files] = block.split('\n').filter(Boolean);
    for (const file of files) {
      const known = cached.get(file);
      // git log lists newest first: the first sighting is the last change, the last one the addition.
      if (known) {
        known.added = date;
        known.commits++;
      } else cached.set(file, { added: date, changed: date, commits: 1 });
    }
  }
  return cached;
}

/** The repository pages link to for editing: BULKHEAD_REPOSITORY_URL (a fork, a mirror) or package.json's. */
export function repositoryUrl(packageRepository: string | undefined = (packageJson as { repository?: { url?: string } }).repository?.url): string | undefined {
  return process.env.BULKHEAD_REPOSITORY_URL || packageRepository;
}

/** Where a page's source can be edited, when the repository is on GitHub or GitLab. */
export function editUrl(repositoryUrl: string | undefined, file: string): string | undefined {
  if (!repositoryUrl) return undefined;
  const base = repositoryUrl.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  return /^https:\/\/(github\.com|gitlab\.com)\//.test(base) ? `${base}/edit/main/${file}` : undefined;
}

/** Where a repository file can be read, when the repository is on GitHub or GitLab. */
export function sourceFileUrl(repositoryUrl: string | undefined, file: string): string | undefined {
  return editUrl(repositoryUrl, file)?.replace('/edit/main/', '/blob/main/');
}
