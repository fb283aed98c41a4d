import { defineRule } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */

const disabled = (test: unknown) => (Array.isArray(test) ? String(test[0]).toUpperCase() === 'NONE' : typeof test === 'string' && test.trim().toUpperCase() === 'NONE');

export default defineRule({
  docker: (container) => {
    if (container.origin === 'compose') {
      const check = raw(container, ['healthcheck']);
      const value = check.value as { disable?: unknown; test?: unknown } | undefined;
      return value && typeof value === 'object' && (value.disable === true || disabled(value.test)) ? [{ message: 'disables its health check, so a hung service is never noticed', at: check.path }] : [];
    }
    const health = raw(container, ['State', 'Health']);
    const configured = raw(container, ['Config', 'Healthcheck']);
    const test = (configured.value as { Test?: unknown } | undefined)?.Test;
    if (health.value && typeof health.value === 'object') return [];
    if (configured.value && typeof configured.value === 'object' && !disabled(test) && Array.isArray(test) && test.length > 0) return [];
    return [{ message: 'has no health check, so a hung or hijacked service keeps running unnoticed', at: configured.value === undefined ? container.path : configured.path }];
  },
});
