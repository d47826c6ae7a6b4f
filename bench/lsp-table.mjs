// Prints the table of bench/lsp-bench.sh from its JSON results: each figure's median over the rounds, ours and
// the peer's, and the ratio. Usage: node bench/lsp-table.mjs WORK_DIR ROUNDS
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [work, rounds] = [process.argv[2], Number(process.argv[3])];
const read = (name) => JSON.parse(readFileSync(join(work, `${name}.json`), 'utf8'));
const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const figure = (who, card, pick) => median(Array.from({ length: rounds }, (_, i) => pick(read(`${who}-${card}-${i + 1}`))));
const init = (r) => r.timings.initializeMs;
const p95 = (r) => r.timings.edits.latencyMs.p95;
const rss = (r) => r.memory.root.vmRssMB;
const ms = (x) => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

const ourInit = median(['10k', '1m'].flatMap((c) => Array.from({ length: rounds }, (_, i) => init(read(`ours-${c}-${i + 1}`)))));
const peerInit = median(['10k', '1m'].flatMap((c) => Array.from({ length: rounds }, (_, i) => init(read(`peer-${c}-${i + 1}`)))));
const lines = [
    '| figure | modelcard-ls | VS Code Markdown LS | ratio | goal |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| spawn → \`initialize\` reply | ${ms(ourInit)} | ${ms(peerInit)} | ${ratio(ourInit, peerInit)} | ≤ 0.5× |`,
];
for (const [card, goal] of [['10k', '≤ 0.25×'], ['1m', '≤ 0.05×']]) {
    const a = figure('ours', card, p95);
    const b = figure('peer', card, p95);
    lines.push(`| keystroke → diagnostics p95, ${card === '10k' ? '10 KB' : '1 MB'} | ${ms(a)} | ${ms(b)} | ${ratio(a, b)} | ${goal} |`);
}
const rssOf = (who) => ['10k', '1m'].map((c) => figure(who, c, rss).toFixed(0)).join(' / ');
lines.push(`| RSS after the session, 10 KB / 1 MB | ${rssOf('ours')} MB | ${rssOf('peer')} MB | — | ≤ 80 / 150 MB |`);
const r = read('ours-10k-1');
lines.push('', `${rounds} rounds, medians; ${r.harness?.cpus ?? '?'} CPUs (${r.harness?.cpuModel ?? 'unknown'}), ` +
    `Node ${r.harness?.node ?? process.version}; peer diagnostics are pulled (its only mode), ours pushed.`);
console.log(lines.join('\n'));
