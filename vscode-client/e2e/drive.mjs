// Drives code-server (VS Code 1.100.3's web build) in Debian's headless chromium and asserts what a user of the
// extension sees, card by card, against what the checker reports for the same files (E2E_EXPECTED):
// squiggles, the status item, the Problems rows (count, codes, positions), hover on a diagnostic, a quick fix
// applied and its diagnostic gone, heading completion after `## `; and "Model card: none" for a README that is
// not a card. Takes a screenshot at each step. Run by run.sh, which sets the environment.
// usage: node drive.mjs NAME...   (each NAME is a folder of the workspace holding a README.md)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const env = process.env;
const WS = env.E2E_WORKSPACE;
const SHOTS = env.E2E_SHOTS;
const names = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const log = (...a) => console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s`, ...a);
let page;
let step = 'start';

class Failure extends Error {}
function check(ok, message) {
    if (!ok) {
        throw new Failure(message);
    }
}

/** Calls `probe` until it returns { ok: true, value }; fails after `ms` with `what` and the last thing seen. */
async function poll(what, probe, ms = 20_000) {
    const end = Date.now() + ms;
    let seen;
    for (;;) {
        const r = await probe();
        if (r.ok) {
            return r.value;
        }
        seen = r.seen;
        if (Date.now() > end) {
            throw new Failure(`timed out after ${ms} ms waiting for ${what}; last seen: ${JSON.stringify(seen)}`);
        }
        await sleep(250);
    }
}

/** Runs a UI step up to `times` times: menus and hovers sometimes miss a key or a mouse move. */
async function retry(what, times, fn) {
    for (let i = 1; ; i++) {
        try {
            return await fn(i);
        } catch (e) {
            if (i >= times || !(e instanceof Failure)) {
                throw e;
            }
            log(`${what}: attempt ${i} failed (${e.message.slice(0, 300)}); again`);
            await page.keyboard.press('Escape');
            await page.mouse.move(5, 5);
            await sleep(500);
        }
    }
}

async function keys(combo) {
    const parts = combo.split('+');
    const key = parts.pop();
    for (const m of parts) await page.keyboard.down(m);
    await page.keyboard.press(key);
    for (const m of parts.reverse()) await page.keyboard.up(m);
}

async function shot(file) {
    await page.screenshot({ path: path.join(SHOTS, file) });
}

// ---- reading the workbench ------------------------------------------------------------------------------------

const texts = (selector) => page.$$eval(selector, (es) => es
    .filter((e) => e.offsetParent !== null)
    .map((e) => (e.getAttribute('aria-label') || e.textContent).replace(/\u00a0/g, ' ').trim()));

async function quickInputRows() {
    return texts('.quick-input-widget .monaco-list-row');
}

/** Clicks the Quick Input row labelled `label` (its aria-label adds ", keybinding"); Enter may pick another row. */
async function pickRow(label) {
    const row = await listedRow(label);
    await row.click();
}

/** Waits for the quick input's list to show a row of that label; the row. */
async function listedRow(label) {
    return poll(`"${label}" in the list`, async () => {
        for (const r of await page.$$('.quick-input-widget .monaco-list-row')) {
            const aria = await r.evaluate((e) => e.getAttribute('aria-label') ?? '');
            if (aria === label || aria.startsWith(`${label},`)) {
                return { ok: true, value: r };
            }
        }
        return { ok: false, seen: await quickInputRows() };
    }, 5000);
}

/** Runs a command from the palette by its title. */
async function command(title) {
    await retry(`command ${title}`, 3, async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        await poll('the command palette', async () => {
            const v = await paletteInput();
            return { ok: v.startsWith('>'), seen: v };
        }, 5000);
        await page.keyboard.type(title);
        await pickRow(title);
    });
}

async function statusItems() {
    return page.$$eval('.statusbar-item', (es) => es.map((e) => ({ id: e.id, text: e.textContent.trim() })));
}

async function modelcardStatus() {
    return (await statusItems()).find((s) => s.id.includes('modelcard.status'));
}

async function cursorAt() {
    const s = (await statusItems()).find((i) => i.id === 'status.editor.selection');
    return s?.text;
}

/** The palette's input: its text, or '' when it is not open. */
const paletteInput = () => page.$eval('.quick-input-widget input', (i) => i.value).catch(() => '');

/** Quick Open, then `:line:column` (1-based), and waits for the cursor to get there. */
async function gotoPosition(line, column) {
    const where = `:${line}:${column}`;
    await retry(`go to ${line}:${column}`, 3, async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        await poll('the command palette', async () => {
            const v = await paletteInput();
            return { ok: v.startsWith('>'), seen: v };
        }, 5000);
        await page.keyboard.press('Backspace'); // ">" off: Quick Open's ":" goes to a line
        await page.keyboard.type(where);
        await poll(`"${where}" typed`, async () => {
            const v = await paletteInput();
            return { ok: v === where, seen: v };
        }, 5000);
        await page.keyboard.press('Enter');
        const at = new RegExp(`^Ln ${line}, Col ${column}(?!\\d)`);
        await poll(`the cursor at Ln ${line}, Col ${column}`, async () => {
            const text = await cursorAt();
            return { ok: at.test(text ?? ''), seen: text };
        }, 5000);
    });
}

/** Screen point of the cursor in the active editor: what the mouse hovers to point at a character. */
async function cursorPoint() {
    return page.$eval('.editor-group-container.active .monaco-editor .cursors-layer .cursor', (c) => {
        const r = c.getBoundingClientRect();
        return { x: r.x, y: r.y + r.height / 2 };
    });
}

async function squiggleCount() {
    return page.$$eval('.editor-group-container.active .monaco-editor :is(.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint)',
        (es) => es.length);
}

/** The Problems panel's rows in display order: file rows (with their count) and the marker rows under them. */
async function problems() {
    return page.$$eval('.markers-panel .monaco-list-row', (rows) => rows
        .map((r) => ({
            top: parseFloat(r.style.top) || 0,
            label: (r.getAttribute('aria-label') || '').replace(/\u00a0/g, ' '),
            text: r.textContent.replace(/\u00a0/g, ' ').trim(),
            count: r.querySelector('.monaco-count-badge')?.textContent.trim() ?? null,
        }))
        .sort((a, b) => a.top - b.top));
}

/** Puts the cursor at line:column (1-based), moves the mouse onto that character and waits for a hover `want` accepts. */
async function hoverAt(line, column, what, want) {
    return retry(what, 3, async () => {
        await gotoPosition(line, column);
        const p = await cursorPoint();
        await page.mouse.move(p.x - 20, p.y + 40);
        await page.mouse.move(p.x + 2, p.y, { steps: 4 });
        return poll(what, async () => {
            const t = await hoverText();
            return { ok: want(t), value: t, seen: t };
        }, 6000);
    });
}

async function hoverText() {
    return page.$$eval('.monaco-hover:not(.hidden)', (es) => es
        .filter((e) => e.offsetParent !== null)
        .map((e) => e.textContent.replace(/\u00a0/g, ' ').trim())
        .join('\n'));
}

// ---- expectations --------------------------------------------------------------------------------------------

function checkerResult(file) {
    const out = execFileSync('java', ['-jar', env.E2E_JAR, 'check', '--format', 'json', '--fail-on', 'never', file]);
    return JSON.parse(out)[0] ?? { template: null, diagnostics: [] };
}

function expectedFor(name) {
    const all = JSON.parse(fs.readFileSync(env.E2E_EXPECTED, 'utf8'));
    return all.find((f) => f.uri.endsWith(`/${name}/README.md`)) ?? { template: null, diagnostics: [] };
}

/** A top-level string of rules/TEMPLATE.yaml, such as `name`. */
function ruleName(template, key) {
    const yaml = fs.readFileSync(path.join(env.E2E_REPO, 'rules', `${template}.yaml`), 'utf8');
    return new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(yaml)?.[1].trim();
}

/** The status item's name of a template: its pack's `short-name`, else its `name`. */
const shortName = (template) => ruleName(template, 'short-name') ?? ruleName(template, 'name');

/** How a Problems row shows a diagnostic's code and position: source, code, then `[Ln l, Col c]`. */
const sourceCodeAt = (d) => `modelcard${d.code}[Ln ${d.range.start.line + 1}, Col ${d.range.start.character + 1}]`;

// ---- the steps -----------------------------------------------------------------------------------------------

/** Opens WORKSPACE/NAME/README.md with File: Open File... (a path typed in, no search index needed). */
async function openCard(name) {
    step = `${name}: open`;
    const file = path.join(WS, name, 'README.md');
    // Five tries: on a busy machine code-server's dialog sometimes keeps the path typed before, or the pick is
    // lost (two tries in a row failed once in several runs).
    await retry(`open ${name}/README.md`, 5, async () => {
        await command('File: Open File...');
        await poll('the file dialog', async () => {
            const v = await paletteInput();
            return { ok: v.startsWith('/'), seen: v };
        }, 5000);
        await keys('Control+KeyA');
        await page.keyboard.type(file);
        // Enter before the dialog has caught up with the typing is lost: wait for it to take the path and list the
        // file, then open it.
        await poll('the dialog to take the path', async () => {
            const v = await paletteInput();
            return { ok: v === file, seen: v };
        }, 5000);
        // Enter, not a click on the row: the list may still show the folder typed before, whose README.md a click
        // would open again; Enter opens the path the dialog holds.
        await listedRow('README.md');
        await page.keyboard.press('Enter');
        const opened = async () => {
            const crumbs = (await texts('.tabs-breadcrumbs .monaco-breadcrumb-item, .monaco-breadcrumbs .monaco-breadcrumb-item')).join('/');
            return { ok: crumbs.startsWith(`${name}/README.md`), seen: crumbs };
        };
        try {
            await poll(`${name}/README.md in the editor`, opened, 6000);
        } catch (e) {
            // Enter can be lost while the dialog catches up. While it is still up and holds the path, once more
            // (never otherwise: in the editor it would type a line break).
            const open = await page.$eval('.quick-input-widget', (w) => getComputedStyle(w).display !== 'none')
                .catch(() => false);
            if (!(e instanceof Failure) || !open || (await paletteInput()) !== file) {
                throw e;
            }
            await page.keyboard.press('Enter');
            await poll(`${name}/README.md in the editor`, opened, 10_000);
        }
    });
}

/** Problems rows of one card: its file row (with the count) and the marker rows under it. */
async function problemsOf(name) {
    const rows = await problems();
    const i = rows.findIndex((r) => new RegExp(`^\\d+ problems? in file README\\.md of folder ${name}$`).test(r.label));
    if (i < 0) {
        return { file: undefined, markers: [], rows: rows.map((r) => r.label) };
    }
    const markers = [];
    for (let j = i + 1; j < rows.length && !/ in file /.test(rows[j].label); j++) {
        markers.push(rows[j].text);
    }
    return { file: rows[i], markers };
}

async function showProblems() {
    await command('Problems: Focus on Problems View');
    await page.waitForSelector('.markers-panel', { visible: true, timeout: 10_000 });
}

async function card(name, expected, index) {
    const diags = expected.diagnostics;
    const listed = (ds) => ds.filter((d) => d.severity !== 4); // VS Code leaves hints out of the Problems panel
    const shown = listed(diags);
    const wanted = shortName(expected.template);
    check(diags.length > 0, `${name}: the checker reports nothing for this draft, so there is nothing to see`);
    await openCard(name);

    // Status item and squiggles, at the first diagnostic.
    step = `${name}: status item`;
    const status = await poll(`the status item "${wanted} n/m"`, async () => {
        const s = await modelcardStatus();
        return { ok: s && new RegExp(`^${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d+/\\d+$`).test(s.text), value: s, seen: s };
    }, index === 0 ? 90_000 : 30_000); // the first card waits for the JVM
    log(`${name}: status item "${status.text}"`);
    step = `${name}: squiggles`;
    const first = diags[0];
    await gotoPosition(first.range.start.line + 1, first.range.start.character + 1);
    const squiggles = await poll('squiggles', async () => {
        const n = await squiggleCount();
        return { ok: n > 0, value: n, seen: n };
    });
    log(`${name}: ${squiggles} squiggles on screen`);
    await page.mouse.move(5, 300);
    await shot(`vscode-${name}-editor.png`);

    // Problems: one row per diagnostic, each with our code and position.
    step = `${name}: Problems panel`;
    await showProblems();
    const seen = await poll(`${shown.length} Problems for ${name}/README.md`, async () => {
        const p = await problemsOf(name);
        return { ok: p.file?.count === String(shown.length), value: p, seen: p.file ?? p.rows.slice(0, 5) };
    });
    check(seen.markers.length >= Math.min(shown.length, 3), `${name}: too few Problems rows shown: ${JSON.stringify(seen.markers)}`);
    for (const row of seen.markers) {
        const match = shown.find((d) => row === d.message + sourceCodeAt(d));
        check(match, `${name}: Problems row matches no diagnostic of the checker: ${row}`);
    }
    log(`${name}: Problems lists ${shown.length} (${seen.markers.length} rows checked; ${diags.length - shown.length} hints not listed)`);
    await shot(`vscode-${name}-problems.png`);
    await keys('Control+KeyJ'); // hide the panel again
    await sleep(300);

    // Hover on a placeholder (else any diagnostic): its message and code.
    step = `${name}: hover`;
    const target = shown.find((d) => d.code === 'placeholder' && d.range.start.line > 0 && d.range.start.character < 60)
        ?? shown.find((d) => d.range.start.line > 0) ?? first;
    const hover = await hoverAt(target.range.start.line + 1, target.range.start.character + 2, 'the hover with the diagnostic',
        (t) => t.includes(target.message.slice(0, 50)) && t.includes(target.code));
    log(`${name}: hover "${hover.slice(0, 120)}…"`);
    await shot(`vscode-${name}-hover.png`);
    await page.mouse.move(5, 300);

    // Quick fix: insert a missing section; its diagnostic goes away, in the editor and for the checker.
    step = `${name}: quick fix`;
    const missing = diags.find((d) => d.code === 'missing-section' && d.range.start.line > 0)
        ?? diags.find((d) => d.code === 'missing-section');
    let after = expected;
    if (missing) {
        const title = /“([^”]+)”/.exec(missing.message)[1];
        const action = `Insert section “${title}”`;
        await retry('quick fix menu', 3, async () => {
            await gotoPosition(missing.range.start.line + 1, missing.range.start.character + 1);
            await keys('Control+Period');
            const rows = await poll(`"${action}" in the quick fix menu`, async () => {
                const r = await texts('.action-widget .monaco-list-row');
                return { ok: r.some((t) => t.includes(action)), value: r, seen: r };
            }, 6000);
            log(`${name}: quick fixes ${JSON.stringify(rows)}`);
        });
        await shot(`vscode-${name}-quickfix.png`);
        const rows = await page.$$('.action-widget .monaco-list-row');
        for (const r of rows) {
            if ((await r.evaluate((e) => e.textContent)).includes(action)) {
                await r.click();
                break;
            }
        }
        const file = path.join(WS, name, 'README.md');
        const heading = /\((#+ [^)]+)\)/.exec(missing.message)[1];
        await retry('save', 3, async () => {
            await keys('Control+KeyS');
            await poll(`${heading} saved in ${name}/README.md`, async () => ({ ok: fs.readFileSync(file, 'utf8').includes(heading) }), 5000);
        });
        after = checkerResult(file);
        check(!after.diagnostics.some((d) => d.message === missing.message), `${name}: the checker still reports ${missing.message}`);
        await showProblems();
        const count = listed(after.diagnostics).length;
        await poll(`Problems: ${count} for ${name}/README.md, none "${missing.message.slice(0, 60)}…"`, async () => {
            const p = await problemsOf(name);
            const stale = p.markers.find((m) => m.startsWith(missing.message));
            return { ok: p.file?.count === String(count) && !stale, seen: stale ?? p.file };
        });
        log(`${name}: "${action}" applied; Problems now ${count}, that diagnostic gone`);
        await shot(`vscode-${name}-after-fix.png`);
        await keys('Control+KeyJ');

        // Hover on the heading the section was missing under: the template's guidance for it.
        step = `${name}: hover on a heading`;
        const line = fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/)[missing.range.start.line];
        const marks = /^ {0,3}(#+)\s/.exec(line);
        if (marks) {
            const packName = ruleName(expected.template, 'name');
            const guidance = await hoverAt(missing.range.start.line + 1, marks[0].length + 2, `the template's guidance on "${line}"`,
                (t) => t.includes(` · ${packName}`));
            log(`${name}: heading hover "${guidance.slice(0, 120)}…"`);
            await shot(`vscode-${name}-hover-heading.png`);
            await page.mouse.move(5, 300);
        }
    }

    // Completion after a heading marker (`## ` in most cards) on a new line at the end: the template's sections
    // the card still lacks at that level.
    step = `${name}: completion`;
    const lacking = after.diagnostics.filter((d) => d.code === 'missing-section' && !/” under “/.test(d.message))
        .map((d) => /“([^”]+)” \((#+) /.exec(d.message)).filter(Boolean);
    const marker = lacking.find((m) => m[2] === '##')?.[2] ?? lacking[0]?.[2] ?? '##';
    const titles = lacking.filter((m) => m[2] === marker).map((m) => m[1]);
    if (titles.length) {
        const items = await retry('completion', 3, async (attempt) => {
            await gotoPosition(1, 1);
            await keys('Control+End');
            if (attempt === 1) {
                await page.keyboard.press('Enter');
                await page.keyboard.press('Enter');
                await page.keyboard.type(`${marker} `, { delay: 60 });
            } else {
                await keys('Control+Space'); // the widget was dismissed or never triggered: ask again
            }
            return poll(`completion items with ${titles.join(', ')} after "${marker} "`, async () => {
                const r = await texts('.suggest-widget.visible .monaco-list-row');
                return { ok: titles.some((t) => r.some((x) => x.startsWith(t))), value: r, seen: r };
            }, 6000);
        });
        log(`${name}: completion after "${marker} " ${JSON.stringify(items.slice(0, 6))}`);
        await shot(`vscode-${name}-completion.png`);
        await page.keyboard.press('Escape');
    } else {
        log(`${name}: no top-level section is missing, so no heading completion to check`);
    }
    await closeAll();
}

/** Reverts the active editor (the typing for completion) and closes every editor. */
async function closeAll() {
    step = 'close the editors';
    await retry('close the editors', 3, async () => {
        await command('File: Revert File');
        await command('View: Close All Editors');
        await poll('no editor open', async () => {
            const tabs = await texts('.tabs-container .tab');
            return { ok: tabs.length === 0, seen: tabs };
        }, 5000);
    });
}

async function notACard(name) {
    await openCard(name);
    step = `${name}: "Model card: none"`;
    const s = await poll('the status item "Model card: none"', async () => {
        const item = await modelcardStatus();
        return { ok: item?.text === 'Model card: none', value: item, seen: item ?? await statusItems() };
    }, 30_000);
    check(await squiggleCount() === 0, `${name}: squiggles on a README that is not a model card`);
    const tip = await retry('status item tooltip', 3, async () => {
        const box = await page.$eval(`[id="${s.id}"]`, (e) => { const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
        await page.mouse.move(box.x, box.y - 30);
        await page.mouse.move(box.x, box.y, { steps: 3 });
        return poll('the status item tooltip', async () => {
            const t = await hoverText();
            return { ok: t.includes('Not a model card'), value: t, seen: t };
        }, 5000);
    });
    log(`${name}: status item "Model card: none", tooltip "${tip.slice(0, 100)}…"`);
    await shot(`vscode-${name}-status.png`);
    await page.mouse.move(5, 300);
}

async function main() {
    const browser = await puppeteer.launch({
        executablePath: env.E2E_CHROMIUM || '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--window-size=1440,900'],
        defaultViewport: { width: 1440, height: 900 },
    });
    try {
        page = await browser.newPage();
        page.on('pageerror', (e) => log('page error:', String(e).slice(0, 200)));
        step = 'load the workbench';
        await poll('code-server to answer', async () => {
            const ok = await fetch(env.E2E_URL).then((r) => r.ok, () => false);
            return { ok };
        }, 60_000);
        await page.goto(env.E2E_URL, { waitUntil: 'domcontentloaded' });
        await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 60_000 });
        await poll('the Explorer', async () => ({ ok: (await texts('.explorer-item')).length > 0 }), 60_000);
        log('workbench loaded');
        let cards = 0;
        for (const name of names) {
            const expected = expectedFor(name);
            if (expected.template) {
                await card(name, expected, cards++);
            } else {
                await notACard(name);
            }
        }
        log(`passed: ${names.join(', ')}`);
    } catch (e) {
        console.error(`e2e: FAILED at step "${step}": ${e.message}`);
        if (!(e instanceof Failure)) {
            console.error(e.stack);
        }
        await page?.screenshot({ path: path.join(SHOTS, 'FAILED.png') }).catch(() => {});
        console.error(`e2e: screenshot of the failure: ${path.join(SHOTS, 'FAILED.png')}`);
        process.exitCode = 1;
    } finally {
        await browser.close();
    }
}

await main();
