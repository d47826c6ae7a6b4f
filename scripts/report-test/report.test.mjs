// The checker's HTML report in a real browser (Debian's headless Chromium, driven by puppeteer-core): the page
// loads with nothing from the network, its matrix has a row per card and a cell per template section, the
// filters hide and show rows, findings link to file and line. It then saves the README's screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const jar = process.env.MODELCARD_JAR || path.join(repo, 'server/target/modelcard-ls.jar');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const screenshot = path.join(repo, 'docs/images/report.png');

let work;
let browser;
let page;
const external = [];

/** The example cards, fresh cards from each template, and one draft filled in halfway. */
function makeCards(dir) {
  fs.cpSync(path.join(repo, 'examples'), path.join(dir, 'cards/examples'), { recursive: true });
  fs.rmSync(path.join(dir, 'cards/examples/README.md'));
  for (const [template, name] of [['czi', 'new-czi-model'], ['bioimage-io', 'new-unet']]) {
    execFileSync('java', ['-jar', jar, 'new', '--template', template, `cards/${name}/README.md`], { cwd: dir });
  }
  const draft = fs.readFileSync(path.join(dir, 'cards/examples/czi-complete/README.md'), 'utf8')
    .replace(/\n## Performance Metrics[\s\S]*?\n## /, '\n## ');
  fs.mkdirSync(path.join(dir, 'cards/halfway-model'));
  fs.writeFileSync(path.join(dir, 'cards/halfway-model/README.md'), draft);
}

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'modelcard-report-'));
  makeCards(work);
  execFileSync('java', ['-jar', jar, 'report', '--html', 'report.html', 'cards'], { cwd: work });
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    defaultViewport: { width: 1500, height: 1000 },
  });
  page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) external.push(r.url());
    r.continue();
  });
  await page.goto(pathToFileURL(path.join(work, 'report.html')).href, { waitUntil: 'load' });
});

after(async () => {
  await browser?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const rows = () => page.$$eval('tr.card', (rs) => rs.map((r) => ({
  template: r.dataset.template, states: r.dataset.states, hidden: r.hidden,
  card: r.querySelector('th.card').textContent, cells: r.querySelectorAll('td.state').length,
})));

async function choose(id, value) {
  await page.select(`#${id}`, value);
}

test('a section per template, a row per card, a cell per template section, nothing from the network', async () => {
  assert.deepEqual(external, []);
  assert.deepEqual(await page.$$eval('section.template', (s) => s.map((x) => x.dataset.template)),
    ['bioimage-io', 'czi', 'huggingface']);
  const all = await rows();
  assert.deepEqual(all.map((r) => r.card), [
    'cards/examples/bioimage-complete/README.md', 'cards/examples/bioimage-draft/README.md', 'cards/new-unet/README.md',
    'cards/examples/czi-complete/README.md', 'cards/examples/czi-draft/README.md', 'cards/halfway-model/README.md',
    'cards/new-czi-model/README.md', 'cards/examples/huggingface-draft/README.md']);
  const columns = await page.$$eval('section.template', (s) => s.map((x) => x.querySelectorAll('th.section').length));
  for (const r of all) {
    assert.equal(r.cells, columns[['bioimage-io', 'czi', 'huggingface'].indexOf(r.template)], r.card);
  }
  const totals = await page.$$eval('section.template', (s) => s.map((x) => x.querySelectorAll('td.total').length));
  assert.deepEqual(totals, columns);
  assert.match(await page.$eval('#summary', (e) => e.textContent), /^8 cards checked, 1 skipped: \d+ errors, \d+ warnings/);
  assert.equal(await page.$eval('#shown', (e) => e.textContent), '8 of 8 cards shown');
});

test('a complete card is complete in every cell; the halfway card misses the performance sections', async () => {
  const cells = (card) => page.$$eval('tr.card', (rs, c) => {
    const r = rs.find((x) => x.querySelector('th.card').textContent === c);
    return [...r.querySelectorAll('td.state')].map((td) => td.title);
  }, card);
  const complete = await cells('cards/examples/czi-complete/README.md');
  assert.ok(complete.every((t) => t.endsWith(': complete')), complete.join('; '));
  const halfway = await cells('cards/halfway-model/README.md');
  assert.deepEqual(halfway.filter((t) => !t.endsWith(': complete')), ['Performance Metrics: missing',
    'Metrics: missing', 'Evaluation Datasets: missing', 'Evaluation Results: missing']);
});

test('the filters show only the matching cards and templates', async () => {
  await choose('status-filter', 'missing');
  let shown = (await rows()).filter((r) => !r.hidden);
  assert.ok(shown.length > 0 && shown.every((r) => r.states.split(' ').includes('missing')));
  assert.ok(shown.some((r) => r.card === 'cards/halfway-model/README.md'));
  assert.equal(await page.$eval('#shown', (e) => e.textContent), `${shown.length} of 8 cards shown`);

  await choose('status-filter', 'complete');
  shown = (await rows()).filter((r) => !r.hidden).map((r) => r.card);
  assert.deepEqual(shown, ['cards/examples/bioimage-complete/README.md', 'cards/examples/czi-complete/README.md']);

  await choose('status-filter', 'all');
  await choose('template-filter', 'czi');
  assert.deepEqual(await page.$$eval('section.template', (s) => s.map((x) => x.hidden)), [true, false, true]);
  assert.equal(await page.$eval('#shown', (e) => e.textContent), '4 of 8 cards shown');
  await choose('template-filter', 'all');
  assert.equal(await page.$eval('#shown', (e) => e.textContent), '8 of 8 cards shown');
});

test('each finding links to its file and line, and each card to its findings', async () => {
  const links = await page.$$eval('details.findings a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert.ok(links.length > 10);
  for (const [href, text] of links) {
    const [, file, line] = text.match(/^(.*README\.md):(\d+)$/);
    assert.equal(href, `${file}#L${line}`);
  }
  const first = await page.$eval('tr.card th.card a', (a) => a.getAttribute('href'));
  assert.match(first, /^#findings-\d+$/);
  assert.ok(await page.$(first));
});

test('screenshot for the README', async () => {
  await page.setViewport({ width: 1500, height: 1050 });
  await page.evaluate(() => document.querySelector('details.findings')?.setAttribute('open', ''));
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  assert.ok(fs.statSync(screenshot).size > 10000);
});
