import { defineRule, type DockerContainer, type PathSegment } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */

/** The restart policy and its retry limit, from Compose (restart, deploy.restart_policy) or inspect (HostConfig.RestartPolicy). */
function restartPolicy(container: DockerContainer): { name: string; retries: number; path: PathSegment[] } | undefined {
  if (container.origin === 'compose') {
    const restart = raw(container, ['restart']);
    if (typeof restart.value === 'string') {
      const [name = '', retries = '0'] = restart.value.trim().split(':');
      return { name, retries: Number(retries) || 0, path: restart.path };
    }
    const deploy = raw(container, ['deploy', 'restart_policy']);
    if (deploy.value !== null && typeof deploy.value === 'object') {
      const policy = deploy.value as { condition?: unknown; max_attempts?: unknown };
      const condition = typeof policy.condition === 'string' ? policy.condition : 'any';
      return { name: condition === 'any' ? 'always' : condition, retries: Number(policy.max_attempts) || 0, path: deploy.path };
    }
    return undefined;
  }
  const policy = raw(container, ['HostConfig', 'RestartPolicy']);
  if (policy.value === null || typeof policy.value !== 'object') return undefined;
  const { Name, MaximumRetryCount } = policy.value as { Name?: unknown; MaximumRetryCount?: unknown };
  return { name: typeof Name === 'string' ? Name : '', retries: Number(MaximumRetryCount) || 0, path: policy.path };
}

export default defineRule({
  docker: (container) => {
    const policy = restartPolicy(container);
    if (!policy || policy.name === '' || policy.name === 'no' || policy.name === 'none') return [];
    if (policy.name === 'on-failure' && policy.retries >= 1 && policy.retries <= 5) return [];
    const detail = policy.name === 'on-failure' ? `on-failure with ${policy.retries === 0 ? 'no retry limit' : `${policy.retries} retries`}` : policy.name;
    return [{ message: `restart policy ${detail} restarts the container without a bound; use on-failure with at most 5 retries`, at: policy.path }];
  },
});
