import { defineRule } from '../../../src/rules/api.ts';

/** Drivers that keep logs on the host or drop them. */
const LOCAL = new Set(['json-file', 'local', 'none']);

export default defineRule({
  daemon: (config) => {
    const driver = config.value['log-driver'];
    if (driver === undefined) return [{ message: 'log-driver is not set, so containers log to json-file on the host, where root on the host can erase the record', at: [] }];
    return typeof driver === 'string' && LOCAL.has(driver.trim().toLowerCase())
      ? [{ message: `log-driver ${driver} keeps container logs on the host (or drops them), where root on the host can erase the record`, at: ['log-driver'] }]
      : [];
  },
});
