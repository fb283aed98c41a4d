import { defineRule } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */

const nonZero = (value: unknown) => (typeof value === 'number' && value > 0) || (typeof value === 'string' && Number(value) > 0);

export default defineRule({
  docker: (container) => {
    const fields = container.origin === 'compose' ? [['cpus'], ['cpu_quota'], ['cpu_shares'], ['deploy', 'resources', 'limits', 'cpus']] : [['HostConfig', 'NanoCpus'], ['HostConfig', 'CpuQuota'], ['HostConfig', 'CpuShares']];
    return fields.some((field) => nonZero(raw(container, field).value)) ? [] : [{ message: 'has no CPU limit, quota or shares, so it competes for every CPU of the host', at: container.path }];
  },
});
