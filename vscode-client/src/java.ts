// Java discovery and server launch arguments. No `vscode` import, so plain Node can unit-test it.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readJvmOptions } from './classData';

export const MIN_JAVA = 17;
export const JAVA_MISSING_MESSAGE =
    `modelcard-ls needs Java ${MIN_JAVA} or newer. Install a JDK (e.g. Temurin ${MIN_JAVA}) or set modelcard.java.home.`;

export interface JavaRuntime {
    /** Path of the java executable, or plain `java` when found on PATH. */
    java: string;
    major: number;
    source: 'modelcard.java.home' | 'JAVA_HOME' | 'PATH';
    /** What `java -version` printed, trimmed: names the build (class-data archives belong to one). */
    build: string;
}

export class JavaError extends Error {
    /** @param tried what was found and why it was not used, one line each, for the output channel */
    constructor(readonly tried: string[]) {
        super(JAVA_MISSING_MESSAGE);
    }
}

/**
 * Major version from `java -version` output (printed on stderr): `1.8.0_392` → 8, `17.0.15` → 17, `25` → 25,
 * `"21-ea"` → 21. Also reads the unquoted `openjdk 21 2023-09-19` form of `java --version`.
 */
export function parseJavaMajor(output: string): number | undefined {
    const m = /version\s+"([^"]+)"/.exec(output) ?? /^\S+\s+(\d[\w.+-]*)/m.exec(output);
    if (!m) {
        return undefined;
    }
    const parts = /^(\d+)(?:\.(\d+))?/.exec(m[1]);
    if (!parts) {
        return undefined;
    }
    const first = Number(parts[1]);
    // Java 8 and older report themselves as 1.x.
    return first === 1 && parts[2] !== undefined ? Number(parts[2]) : first;
}

/** Runs `java -version` and returns everything it printed (the version goes to stderr). */
export type VersionRunner = (java: string) => Promise<string>;

export const runJavaVersion: VersionRunner = (java) =>
    new Promise((resolve, reject) => {
        execFile(java, ['-version'], { timeout: 15_000, windowsHide: true }, (err, stdout, stderr) => {
            // A JVM that started and printed a version is enough, whatever its exit code.
            const text = `${stderr}${stdout}`;
            if (err && !/version/.test(text)) {
                reject(err);
            } else {
                resolve(text);
            }
        });
    });

export interface FindJavaOptions {
    /** The `modelcard.java.home` setting. */
    settingHome?: string;
    env?: NodeJS.ProcessEnv;
    platform?: NodeJS.Platform;
    exists?: (file: string) => boolean;
    run?: VersionRunner;
}

function javaIn(home: string, platform: NodeJS.Platform): string {
    return path.join(home, 'bin', platform === 'win32' ? 'java.exe' : 'java');
}

/**
 * Finds a Java ≥ 17: `modelcard.java.home`, then `JAVA_HOME`, then `java` on PATH. The first candidate that runs
 * and is new enough wins, so an old JAVA_HOME does not hide a good `java` on PATH. Throws {@link JavaError}.
 */
export async function findJava(opts: FindJavaOptions = {}): Promise<JavaRuntime> {
    const env = opts.env ?? process.env;
    const platform = opts.platform ?? process.platform;
    const exists = opts.exists ?? existsSync;
    const run = opts.run ?? runJavaVersion;
    const candidates: { java: string; source: JavaRuntime['source'] }[] = [];
    const tried: string[] = [];
    for (const [home, source] of [[opts.settingHome, 'modelcard.java.home'], [env.JAVA_HOME, 'JAVA_HOME']] as const) {
        if (!home || !home.trim()) {
            continue;
        }
        const java = javaIn(home.trim(), platform);
        if (exists(java)) {
            candidates.push({ java, source });
        } else {
            tried.push(`${source}: no Java at ${java}`);
        }
    }
    // Spawning plain `java` lets the OS search PATH (and PATHEXT on Windows).
    candidates.push({ java: 'java', source: 'PATH' });
    for (const c of candidates) {
        let output: string;
        try {
            output = await run(c.java);
        } catch (e) {
            tried.push(`${c.source}: ${c.java} did not run (${(e as Error).message})`);
            continue;
        }
        const major = parseJavaMajor(output);
        if (major === undefined) {
            tried.push(`${c.source}: cannot read the version of ${c.java}: ${output.trim().split('\n')[0]}`);
        } else if (major < MIN_JAVA) {
            tried.push(`${c.source}: ${c.java} is Java ${major}, too old`);
        } else {
            return { ...c, major, build: output.trim() };
        }
    }
    throw new JavaError(tried);
}

export interface Launch {
    command: string;
    args: string[];
}

/** Where Linux says whether a process may ask for transparent huge pages. */
export const HUGE_PAGES_SETTING = '/sys/kernel/mm/transparent_hugepage/enabled';

/**
 * `-XX:+UseTransparentHugePages` where the kernel offers them (Linux, the setting not `[never]`), as
 * bin/modelcard-ls adds it: a heap page first touched costs a fault, and a start touches thousands. Not in
 * jvm.options, because the flag exists on Linux JVMs only: elsewhere java would refuse to start.
 */
export function hugePageFlags(platform: string = process.platform, setting: string = HUGE_PAGES_SETTING): string[] {
    if (platform !== 'linux') {
        return [];
    }
    let text: string;
    try {
        text = readFileSync(setting, 'utf8');
    } catch {
        return [];
    }
    return text.trim() === '' || text.includes('[never]') ? [] : ['-XX:+UseTransparentHugePages'];
}

/** bin/jvm.options as the extension ships it: beside the bundled jar. */
export function jvmOptionsFile(jar: string): string {
    return path.join(path.dirname(jar), 'jvm.options');
}

/**
 * The server's command line: java, the JVM flags (of `jvm.options` beside the jar, then `extraJvmFlags`, such as
 * the class-data archive's), `-jar`, the jar and `--stdio`.
 */
export function launchArgs(java: string, jar: string, extraJvmFlags: string[] = [],
    jvmFlags: string[] = readJvmOptions(jvmOptionsFile(jar))): Launch {
    return { command: java, args: [...jvmFlags, ...extraJvmFlags, '-jar', jar, '--stdio'] };
}
