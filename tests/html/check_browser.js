// check_browser.js NPM_DIR OUTDIR SETS — loads every page render_all.py
// wrote (SETS: "NAME HTML ..." a line) in Debian's chromium, headless,
// through puppeteer-core, and fails unless, for each page:
//  - nothing is logged as an error and no request leaves the page (only
//    the file itself loads: styles, images, charts and fonts are inside);
//  - the @font-face fonts load (the browser accepts the subsets) and the
//    body text is set in "quire-body";
//  - axe-core finds no violation of the WCAG 2.0, 2.1 and 2.2 A and AA
//    rules at 1280 and at 375 px wide, in the light and the dark scheme;
//  - at 375 px nothing is wider than the screen but the table regions,
//    which scroll, and every scrolling region can take the keyboard focus;
//  - each chart label, set in the embedded faces, is as wide as quire
//    measured it (but for kerning the subsets lose);
//  - in print, external links show their target after them, no figure,
//    table row, card or chart may split across pages, the page box is the
//    template's and the charts print in their wide drawing.
// Screenshots (1280 and 375 px, light and dark) go to OUTDIR/NAME-*.png.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const [npm, outdir, setsFile] = process.argv.slice(2);
const puppeteer = require(path.join(npm, 'node_modules', 'puppeteer-core'));
const axeSource = fs.readFileSync(path.join(npm, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const failures = [];

function fail(name, what) {
  failures.push(`${name}: ${what}`);
}

// Every A and AA rule; in the dark scheme only the rules on colour (the
// rest do not change with it).
async function axeRun(page, name, label, colourOnly) {
  const t0 = Date.now();
  const runOnly = colourOnly ? {type: 'rule', values: ['color-contrast', 'link-in-text-block']}
                             : {type: 'tag', values: TAGS};
  const result = await page.evaluate(async (runOnly) => {
    const r = await window.axe.run(document, {runOnly, resultTypes: ['violations']});
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ` +
                            v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '));
  }, runOnly);
  for (const v of result)
    fail(name, `axe ${label}: ${v}`);
  if (process.env.TIMING) console.log(name, label, 'axe', Date.now() - t0);
}

async function layoutChecks(page, name) {
  const wide = await page.evaluate(() => {
    const out = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw)
      out.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    for (const el of document.querySelectorAll('.scroll'))
      if (el.getAttribute('tabindex') !== '0' || el.getAttribute('role') !== 'region')
        out.push('a table region without tabindex="0" and role="region"');
    return out;
  });
  for (const w of wide)
    fail(name, `at 375 px: ${w}`);
}

async function printChecks(page, name) {
  await page.emulateMediaType('print');
  const bad = await page.evaluate(() => {
    const out = [];
    for (const a of document.querySelectorAll('a[href^="http"]:not(.url)')) {
      const after = getComputedStyle(a, '::after').content;
      if (!after.includes(a.getAttribute('href')))
        out.push(`link ${a.getAttribute('href')} shows no target in print (${after})`);
    }
    // no figure, table row, card or chart split across pages
    for (const el of document.querySelectorAll('figure, tr, .card, svg.plot.wide')) {
      const avoid = getComputedStyle(el).breakInside;
      if (avoid !== 'avoid')
        out.push(`a ${el.tagName.toLowerCase()} may split across pages in print (${avoid})`);
    }
    // the page box: the template's size and margins (an @page rule)
    const pages = [...document.styleSheets].flatMap((sh) => [...sh.cssRules])
      .filter((r) => r instanceof CSSPageRule);
    if (pages.length !== 1 || !pages[0].style.size || !pages[0].style.margin)
      out.push(`print: ${pages.length} @page rules, want one with size and margin`);
    // the charts print in their wide drawing, the PDF's
    for (const svg of document.querySelectorAll('svg.plot')) {
      const shown = getComputedStyle(svg).display !== 'none';
      if (shown !== svg.classList.contains('wide'))
        out.push(`print: the ${svg.classList.contains('wide') ? 'wide' : 'narrow'} drawing is ` +
                 `${shown ? 'shown' : 'hidden'}`);
    }
    return out;
  });
  for (const b of bad)
    fail(name, b);
  await page.emulateMediaType('screen');
}

// The chart labels of the wide drawing: set by the browser in the
// embedded faces without the width the layout gave them (textLength),
// each is as wide as that width but for the faces' kerning, which the
// subsets cannot keep (a pair of Latin letters kerns by at most about a
// tenth of an em; Hangul and digits not at all);
// a label set in another face than the one quire measured is off by more.
async function labelChecks(page, name) {
  const bad = await page.evaluate(() => {
    const out = [];
    for (const t of document.querySelectorAll('svg.plot.wide text[textLength]')) {
      const want = parseFloat(t.getAttribute('textLength'));
      const size = parseFloat(t.getAttribute('font-size'));
      const bare = t.cloneNode(true);
      bare.removeAttribute('textLength');
      t.parentNode.appendChild(bare);
      const got = bare.getComputedTextLength();
      bare.remove();
      // the faces kern only pairs of Latin letters and punctuation
      const chars = [...t.textContent];
      const kern = /[A-Za-z.,'"-]/;
      let pairs = 0;
      for (let i = 1; i < chars.length; i++)
        pairs += kern.test(chars[i - 1]) && kern.test(chars[i]) ? 1 : 0;
      // and the browser rounds glyph advances to its own grid (< 1 %)
      if (Math.abs(got - want) > 0.01 * want + 0.01 * size + 0.12 * size * pairs)
        out.push(`label "${t.textContent}": ${got.toFixed(2)} wide in the browser, ` +
                 `${want.toFixed(2)} as quire measured it`);
    }
    return out;
  });
  for (const b of bad.slice(0, 10))
    fail(name, b);
}

async function checkPage(browser, name, file) {
  const page = await browser.newPage();
  const url = 'file://' + path.resolve(file);
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn')
      fail(name, `console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => fail(name, `page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (u !== url && !u.startsWith('data:'))
      fail(name, `request to ${u}`);
  });
  page.on('requestfailed', (r) => fail(name, `request failed: ${r.url()}`));
  await page.setViewport({width: 1280, height: 900});
  const response = await page.goto(url, {waitUntil: 'load'});
  if (!response || !response.ok())
    fail(name, 'the page did not load');
  // The embedded @font-face subsets: Chromium's font sanitizer accepts
  // them (none in error) and the body text is set in quire-body.
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].map((f) => `${f.family} ${f.weight} ${f.status}`);
  });
  if (fonts.some((f) => f.endsWith(' error')))
    fail(name, `an embedded font did not load: ${fonts.join(', ')}`);
  if (!fonts.some((f) => /^"?quire-body"? 400 loaded$/.test(f)))
    fail(name, `the body text is not set in the embedded face: ${fonts.join(', ') || 'none'}`);
  if (fonts.some((f) => / loaded$/.test(f)))
    await labelChecks(page, name);
  await page.evaluate(axeSource);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: scheme}]);
    for (const width of [1280, 375]) {
      await page.setViewport({width, height: width === 375 ? 812 : 900});
      await axeRun(page, name, `${width} px ${scheme}`, scheme === 'dark');
      if (width === 375)
        await layoutChecks(page, name);
      const t1 = Date.now();
      await page.screenshot({path: path.join(outdir, `${name}-${width}${scheme === 'dark' ? '-dark' : ''}.png`),
                             fullPage: scheme === 'light'});
      if (process.env.TIMING) console.log(name, width, scheme, 'shot', Date.now() - t1);
    }
  }
  await printChecks(page, name);
  await page.close();
}

(async () => {
  fs.mkdirSync(outdir, {recursive: true});
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const sets = fs.readFileSync(setsFile, 'utf8').trim().split('\n').map((l) => l.split(' '));
    for (const [name, file] of sets)
      await checkPage(browser, name, file);
  } finally {
    await browser.close();
    fs.rmSync(profile, {recursive: true, force: true});
  }
  if (failures.length) {
    console.error(failures.join('\n'));
    process.exit(1);
  }
  console.log(`checked ${fs.readFileSync(setsFile, 'utf8').trim().split('\n').length} pages`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
