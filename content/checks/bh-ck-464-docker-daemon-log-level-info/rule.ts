import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  daemon: (config) => {
    const hits: { message: string; at: string[] }[] = [];
    const level = config.value['log-level'];
    if (typeof level === 'string' && level.trim().toLowerCase() !== 'info') hits.push({ message: `log-level is ${level}: debug floods the daemon log, and warn or higher drops the events that show what the daemon was asked to do`, at: ['log-level'] });
    if (config.value.debug === true) hits.push({ message: 'debug is true, which raises the daemon log level to debug', at: ['debug'] });
    return hits;
  },
});
