import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  daemon: (config) => {
    const plugins = config.value['authorization-plugins'];
    if (Array.isArray(plugins) && plugins.some((plugin) => typeof plugin === 'string' && plugin.trim() !== '')) return [];
    return [{ message: 'no authorization-plugins: every client that reaches the Docker API may do everything, including start privileged containers', at: plugins === undefined ? [] : ['authorization-plugins'] }];
  },
});
