import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  daemon: (config) => {
    const remap = config.value['userns-remap'];
    if (typeof remap === 'string' && remap.trim() !== '') return [];
    // A rootless daemon has no setting for it in daemon.json: the file cannot tell, so the message says so.
    return [{ message: 'userns-remap is not set: unless this is a rootless daemon, root in a container is root on the host', at: remap === undefined ? [] : ['userns-remap'] }];
  },
});
