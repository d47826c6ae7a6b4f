// Checks the .vsix that `npm run package` made, so a broken packaging step fails `npm test`.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const VSIX = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);

interface Entry { name: string; size: number; method: number; compressedSize: number; offset: number }

/** Lists a zip's entries from its central directory (a .vsix is a zip). */
function zipEntries(zip: Buffer): Entry[] {
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    assert.ok(eocd >= 0, 'not a zip file');
    const count = zip.readUInt16LE(eocd + 10);
    let at = zip.readUInt32LE(eocd + 16);
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
        assert.equal(zip.readUInt32LE(at), 0x02014b50, 'bad central directory');
        const nameLength = zip.readUInt16LE(at + 28);
        entries.push({
            name: zip.toString('utf8', at + 46, at + 46 + nameLength), method: zip.readUInt16LE(at + 10),
            compressedSize: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24), offset: zip.readUInt32LE(at + 42),
        });
        at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return entries;
}

function contents(zip: Buffer, e: Entry): Buffer {
    const start = e.offset + 30 + zip.readUInt16LE(e.offset + 26) + zip.readUInt16LE(e.offset + 28);
    const raw = zip.subarray(start, start + e.compressedSize);
    return e.method === 0 ? raw : inflateRawSync(raw);
}

describe(`${path.basename(VSIX)}`, () => {
    let zip: Buffer;
    const entry = (name: string) => zipEntries(zip).find((e) => e.name === name);

    it('exists and is newer than the build it packs (run npm run build && npm run package)', () => {
        const vsix = statSync(VSIX, { throwIfNoEntry: false });
        assert.ok(vsix, `${VSIX} is missing: run npm run package`);
        for (const built of ['dist/extension.js', 'server/modelcard-ls.jar']) {
            assert.ok(vsix.mtimeMs >= statSync(path.join(ROOT, built)).mtimeMs, `${built} is newer than the .vsix: run npm run package`);
        }
        zip = readFileSync(VSIX);
    });

    it('holds the server jar, the compiled entry point and nothing that does not run', () => {
        const names = zipEntries(zip).map((e) => e.name).filter((n) => n.startsWith('extension/')).sort();
        assert.deepEqual(names, ['extension/dist/extension.js', 'extension/package.json',
            'extension/readme.md', 'extension/schemas/modelcard-config.schema.json',
            'extension/schemas/modelcard-pack.schema.json', 'extension/server/jvm.options',
            'extension/server/modelcard-ls.jar']);
        assert.equal(entry('extension/server/modelcard-ls.jar')!.size, statSync(path.join(ROOT, 'server/modelcard-ls.jar')).size);
    });

    it('packs the manifest and an entry point that exports activate', () => {
        const manifest = JSON.parse(contents(zip, entry('extension/package.json')!).toString('utf8'));
        assert.equal(manifest.main, './dist/extension.js');
        assert.equal(manifest.version, pkg.version);
        const js = contents(zip, entry('extension/dist/extension.js')!).toString('utf8');
        assert.match(js, /activate/);
        assert.match(js, /require\("vscode"\)/, 'vscode stays external');
        assert.doesNotMatch(js, /require\("vscode-languageclient/, 'the client library is bundled, not required');
    });
});
