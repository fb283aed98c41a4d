import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../src/diagrams/sanitize.ts';

describe('sanitizeSvg', () => {
  it('keeps a diagram and drops what runs, loads, submits or leaves the document', () => {
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg" id="d" onload="alert(1)"><style>@import url(https://evil.example/x.css); .n{fill:url(#grad)}</style>',
      '<defs><marker id="arrow"><path d="M0 0"/></marker></defs>',
      '<g class="node"><rect style="background:url(https://evil.example/t.png)"/><text>Label</text></g>',
      '<a href="javascript:alert(1)"><text>click</text></a><a xlink:href="#arrow">ok</a>',
      '<foreignObject><form action="https://evil.example"><input type="password"></form><img src="https://evil.example/p.png"></foreignObject>',
      '<script>alert(2)</script><image href="https://evil.example/i.png"/><path marker-end="url(#arrow)"/></svg>',
    ].join('');
    const clean = sanitizeSvg(svg);
    expect(clean).toContain('<text>Label</text>');
    expect(clean).toContain('marker-end="url(#arrow)"');
    expect(clean).toContain('fill:url(#grad)');
    for (const bad of ['onload', '@import', 'evil.example', 'javascript:', '<form', '<input', '<img', '<script', '<image', 'alert(']) expect(clean).not.toContain(bad);
  });
});
