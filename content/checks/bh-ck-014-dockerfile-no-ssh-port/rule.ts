import { defineRule, hitAt } from '../../../src/rules/api.ts';

/** True when an EXPOSE token (22, 22/tcp, 20-25/tcp) covers TCP port 22. */
function coversSsh(token: string): boolean {
  const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(token);
  if (!match) return false;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return (match[3] ?? 'tcp').toLowerCase() === 'tcp' && low <= 22 && 22 <= high;
}

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'EXPOSE' && instruction.args.split(/\s+/).some(coversSsh))
      .map((instruction) => hitAt(instruction, `EXPOSE ${instruction.args} publishes port 22: the image appears to run an SSH daemon; use docker exec or kubectl exec instead`)),
});
