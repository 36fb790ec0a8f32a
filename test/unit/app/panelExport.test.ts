import { describe, expect, it } from 'vitest';
import { fileNamePart, panelExportFileName } from '../../../src/app/panelExport/fileName';
import { styleText } from '../../../src/app/panelExport/inlineStyles';
import { contentText } from '../../../src/app/panelExport/snapshot';
import { escapeXml, rasterSize, svgDataUrl, wrapInSvg } from '../../../src/app/panelExport/svgWrap';

describe('panel export file names', () => {
  it('names the panel, the scenario and the step', () => {
    expect(
      panelExportFileName({ panel: 'topology', scenarioId: 'retry-another-broker', step: 40 }, 'svg'),
    ).toBe('sendpath-topology-retry-another-broker-step40.svg');
    expect(panelExportFileName({ panel: 'timeoutBudget', scenarioId: 'a.b_c', step: 0 }, 'png')).toBe(
      'sendpath-timeoutBudget-a.b_c-step0.png',
    );
  });

  it('falls back when the scenario has no id, and on a step that is not a step', () => {
    expect(panelExportFileName({ panel: 'log', scenarioId: null, step: Number.NaN }, 'png')).toBe(
      'sendpath-log-scenario-step0.png',
    );
    expect(panelExportFileName({ panel: 'log', scenarioId: '', step: -3 }, 'svg')).toBe(
      'sendpath-log-scenario-step0.svg',
    );
    expect(panelExportFileName({ panel: 'log', scenarioId: 'x', step: 2.5 }, 'svg')).toBe(
      'sendpath-log-x-step0.svg',
    );
  });

  it('keeps only characters that are safe in a file name (scenario ids are data)', () => {
    expect(fileNamePart('../../etc/passwd', 'f')).toBe('etc-passwd');
    expect(fileNamePart('重试 另一个 broker', 'f')).toBe('broker');
    expect(fileNamePart('a<b>:"c"|d?*e', 'f')).toBe('a-b-c-d-e');
    expect(fileNamePart('...', 'f')).toBe('f');
    expect(fileNamePart('中文', 'f')).toBe('f');
    expect(fileNamePart('x'.repeat(200), 'f')).toHaveLength(60);
  });
});

describe('wrapping a panel in an SVG', () => {
  const markup = '<section xmlns="http://www.w3.org/1999/xhtml"><h2>Topology</h2></section>';

  it('puts the markup in a foreignObject of the panel size, rounded up to whole pixels', () => {
    const svg = wrapInSvg({ markup, width: 402.4, height: 395, title: 'Topology' });
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="403" height="395" viewBox="0 0 403 395">' +
        '<title>Topology</title>' +
        `<foreignObject x="0" y="0" width="403" height="395">${markup}</foreignObject></svg>`,
    );
  });

  it('escapes the title, which holds the scenario id (data)', () => {
    const svg = wrapInSvg({ markup, width: 10, height: 10, title: 'a <b> & "c" \'d\'' });
    expect(svg).toContain('<title>a &#60;b&#62; &#38; &#34;c&#34; &#39;d&#39;</title>');
    expect(escapeXml('<script>')).not.toContain('<');
  });

  it('refuses a size that is no picture', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => wrapInSvg({ markup, width: bad, height: 10, title: '' })).toThrow(RangeError);
    }
  });

  it('makes a data: URL that decodes back to the SVG', () => {
    const svg = wrapInSvg({ markup: '<p>100% 中文 #1</p>', width: 10, height: 10, title: 't' });
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(url).not.toMatch(/[#%](?![0-9A-F]{2})/);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(svg);
  });

  it('sizes the PNG at the pixel ratio', () => {
    expect(rasterSize(402.4, 395, 2)).toEqual({ width: 806, height: 790 });
  });
});

describe('inline styles', () => {
  const defaults = new Map([
    ['display', 'block'],
    ['color', 'rgb(0, 0, 0)'],
    ['padding-top', '0px'],
    ['border-top-color', 'rgb(0, 0, 0)'],
    ['unknown-prop', 'a'],
  ]);

  it('writes what differs from the default, and inherited values only where they change', () => {
    const parent = new Map([
      ['display', 'flex'],
      ['color', 'rgb(1, 2, 3)'],
      ['padding-top', '8px'],
      ['border-top-color', 'rgb(1, 2, 3)'],
      ['unknown-prop', 'b'],
    ]);
    const own = new Map([
      ['display', 'block'],
      ['color', 'rgb(1, 2, 3)'],
      ['padding-top', '0px'],
      ['border-top-color', 'rgb(1, 2, 3)'],
      ['unknown-prop', 'a'],
    ]);
    // display and padding are not inherited: at their defaults they are left out, whatever the parent has.
    // color is inherited and equals the parent's. A property of unknown inheritance is written when it
    // differs from the parent, since it might be inherited.
    expect(styleText(own, parent, defaults)).toBe('border-top-color:rgb(1, 2, 3);unknown-prop:a');
  });

  it('writes every inherited value on the root, which inherits nothing of the page', () => {
    const own = new Map([
      ['color', 'rgb(0, 0, 0)'],
      ['display', 'flex'],
      ['padding-top', '0px'],
    ]);
    expect(styleText(own, null, defaults)).toBe('color:rgb(0, 0, 0);display:flex');
  });
});

describe('generated content', () => {
  it('reads one quoted string, and nothing else', () => {
    expect(contentText('" · "')).toBe(' · ');
    expect(contentText('"⚠ "')).toBe('⚠ ');
    expect(contentText('"a \\"b\\""')).toBe('a "b"');
    expect(contentText('none')).toBeNull();
    expect(contentText('normal')).toBeNull();
    expect(contentText('counter(x)')).toBeNull();
  });
});
