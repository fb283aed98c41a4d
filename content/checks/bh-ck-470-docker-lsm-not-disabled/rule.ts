import { defineRule } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */

const DISABLED = /^(apparmor[:=]unconfined|label[:=]disable)$/i;

export default defineRule({
  docker: (container) => {
    const hits = (container.securityOpt.value ?? []).flatMap((option, index) =>
      DISABLED.test(option.trim()) ? [{ message: `security option ${option} switches off AppArmor or SELinux confinement`, at: [...container.securityOpt.path, index] }] : [],
    );
    if (container.origin === 'inspect' && hits.length === 0) {
      const profile = raw(container, ['AppArmorProfile']);
      if (profile.value === 'unconfined') hits.push({ message: 'runs with the AppArmor profile unconfined', at: profile.path });
    }
    return hits;
  },
});
