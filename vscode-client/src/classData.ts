// Class-data sharing for the server's JVM: a CDS archive (an AOT cache on Java 25+) recorded once per Java build
// and jar in the extension's storage, as bin/modelcard-ls does in a per-user cache. No `vscode` import, so plain
// Node can unit-test it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** The JVM flags every launch uses: bin/jvm.options, copied beside the bundled jar. One flag a line, `#` comments. */
export function readJvmOptions(file: string): string[] {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch {
        return [];
    }
    return text.split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim()).filter((l) => l !== '');
}

/** A lock older than this belongs to a recording that was killed; it is taken over. */
const STALE_LOCK_MS = 10 * 60_000;

export interface ClassDataOptions {
    java: string;
    major: number;
    /** What `java -version` printed: names the JVM build the archive belongs to. */
    build: string;
    jar: string;
    /** The JVM flags of the launch; the recording runs with the same ones. */
    flags: string[];
    /** Where archives are kept (the extension's global storage). */
    dir: string;
    /** Starts the recording run; by default a detached `java` that outlives nothing but itself. */
    record?: (java: string, args: string[], done: (ok: boolean) => void) => void;
    log?: (line: string) => void;
}

/**
 * The class-data flags for this launch: the archive's when it exists and is newer than the jar; otherwise none,
 * and the archive is recorded in the background (a training run of the server, `--cds-training`) and renamed into
 * place when complete, for the next start. A JVM that cannot use an archive (another build, a damaged file) starts
 * without it and says so on stderr; the archive's name carries the Java build, so an update records a new one.
 */
export function classDataFlags(o: ClassDataOptions): string[] {
    const key = createHash('sha256').update(`${o.java}\n${o.build}\n${o.jar}`).digest('hex').slice(0, 16);
    const aot = o.major >= 25;
    const archive = path.join(o.dir, `modelcard-ls-${key}.${aot ? 'aot' : 'jsa'}`);
    const jarTime = statSync(o.jar, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    const archiveTime = statSync(archive, { throwIfNoEntry: false })?.mtimeMs;
    if (archiveTime !== undefined && archiveTime >= jarTime) {
        return [aot ? `-XX:AOTCache=${archive}` : `-XX:SharedArchiveFile=${archive}`];
    }
    const lock = `${archive}.lock`;
    const tmp = `${lock}.tmp`;
    try {
        mkdirSync(o.dir, { recursive: true });
        const lockTime = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
        if (lockTime !== undefined && Date.now() - lockTime > STALE_LOCK_MS) {
            rmSync(lock, { recursive: true, force: true });
        }
        mkdirSync(lock); // throws when another start is recording
    } catch {
        return [];
    }
    const args = [...o.flags, `${aot ? '-XX:AOTCacheOutput=' : '-XX:ArchiveClassesAtExit='}${tmp}`, '-jar', o.jar,
        '--cds-training', path.join(lock, 'scratch')];
    (o.record ?? recordDetached)(o.java, args, (ok) => {
        try {
            if (ok && existsSync(tmp)) {
                renameSync(tmp, archive);
                o.log?.(`Recorded the class-data archive ${archive}; the next start uses it.`);
            }
        } catch (e) {
            o.log?.(`Could not keep the class-data archive: ${(e as Error).message}`);
        } finally {
            rmSync(tmp, { force: true });
            rmSync(lock, { recursive: true, force: true });
        }
    });
    return [];
}

function recordDetached(java: string, args: string[], done: (ok: boolean) => void): void {
    const child = spawn(java, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
    child.unref();
}
