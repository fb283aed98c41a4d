import { defineRule, hitAt } from '../../../src/rules/api.ts';

const RULES: { install: RegExp; ok: RegExp; what: string }[] = [
  { install: /apt-get[^&;|]*\sinstall\s/, ok: /--no-install-recommends/, what: 'apt-get install without --no-install-recommends also installs recommended packages' },
  { install: /apk[^&;|]*\sadd\s/, ok: /--no-cache/, what: 'apk add without --no-cache leaves the package index in the layer' },
  { install: /(^|[^o])yum[^&;|]*\sinstall\s/, ok: /yum\s+clean\s+all/, what: 'yum install without yum clean all leaves the cache in the layer' },
  { install: /(^|[^o])dnf[^&;|]*\sinstall\s/, ok: /(^|[^o])dnf\s+clean\s+all/, what: 'dnf install without dnf clean all leaves the cache in the layer' },
  { install: /microdnf[^&;|]*\sinstall\s/, ok: /microdnf\s+clean\s+all/, what: 'microdnf install without microdnf clean all leaves the cache in the layer' },
  { install: /zypper[^&;|]*\s(install|in)\s/, ok: /zypper\s+(clean|cc)(\s|$)/, what: 'zypper install without zypper clean leaves the cache in the layer' },
];

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'RUN')
      .flatMap((instruction) => RULES.filter(({ install, ok }) => install.test(` ${instruction.args} `) && !ok.test(instruction.args)).map(({ what }) => hitAt(instruction, what))),
});
