import { defineRule } from '../../../src/rules/api.ts';

const SENSITIVE = /^\/(boot|dev|etc|lib|proc|sys|usr)?(\/.*)?$/;

export default defineRule({
  docker: (container) => {
    const seen = new Set<string>();
    return container.mounts
      .filter((mount) => {
        const source = mount.source.replace(/\/+$/, '') || '/';
        return source.startsWith('/') && SENSITIVE.test(source) && (source === '/' || /^\/(boot|dev|etc|lib|proc|sys|usr)(\/|$)/.test(source)) && !seen.has(source) && seen.add(source);
      })
      .map((mount) => ({ message: `mounts the host's ${mount.source} at ${mount.target || 'an unnamed target'}, exposing host system files`, at: mount.path }));
  },
});
