import { defineRule } from '../../../src/rules/api.ts';
import { normaliseHostPath } from '../../../src/rules/kubernetes.ts';

/** Host system directories; `/` itself contains them all. */
const SENSITIVE = /^\/(?:boot|dev|etc|lib|proc|sys|usr)(?:\/|$)/;

export default defineRule({
  docker: (container) => {
    const seen = new Set<string>();
    return container.mounts
      .filter((mount) => {
        // Compared as the kernel resolves the path: `/.`, `//etc` and `/var/../etc` are `/` and `/etc`.
        const source = normaliseHostPath(mount.source);
        return source.startsWith('/') && (source === '/' || SENSITIVE.test(source)) && !seen.has(source) && seen.add(source);
      })
      .map((mount) => ({ message: `mounts the host's ${mount.source} at ${mount.target || 'an unnamed target'}, exposing host system files`, at: mount.path }));
  },
});
