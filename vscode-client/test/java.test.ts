import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { classDataFlags, readJvmOptions } from '../src/classData';
import { findJava, hugePageFlags, JAVA_MISSING_MESSAGE, JavaError, launchArgs, parseJavaMajor, runJavaVersion } from '../src/java';

const banner = (v: string) => `openjdk version "${v}" 2025-04-15\nOpenJDK Runtime Environment (build ${v}+6)\n`;

describe('parseJavaMajor', () => {
    const cases: [string, number | undefined][] = [
        ['java version "1.8.0_392"\nJava(TM) SE Runtime Environment', 8],
        [banner('17.0.15'), 17],
        [banner('25'), 25],
        ['openjdk version "21-ea" 2023-09-19', 21],
        ['openjdk version "11.0.2" 2019-01-15', 11],
        ['Picked up JAVA_TOOL_OPTIONS: -Xss4m\nopenjdk version "21.0.5" 2024-10-15 LTS', 21],
        ['openjdk 21.0.5 2024-10-15 LTS\nOpenJDK Runtime Environment', 21], // `java --version` form
        ['bash: java: command not found', undefined],
        ['', undefined],
    ];
    for (const [output, major] of cases) {
        it(`${JSON.stringify(output.split('\n')[0])} → ${major}`, () => assert.equal(parseJavaMajor(output), major));
    }
});

describe('findJava', () => {
    const env = { JAVA_HOME: '/jdk/home' };
    /** A fake `java -version`: version per executable path; others fail like a missing binary. */
    const runner = (versions: Record<string, string>) => async (java: string) => {
        if (!(java in versions)) {
            throw new Error(`spawn ${java} ENOENT`);
        }
        return banner(versions[java]);
    };
    const everywhere = () => true;

    it('prefers modelcard.java.home over JAVA_HOME and PATH', async () => {
        const found = await findJava({
            settingHome: '/setting', env, platform: 'linux', exists: everywhere,
            run: runner({ '/setting/bin/java': '21.0.1', '/jdk/home/bin/java': '17.0.15', java: '25' }),
        });
        assert.deepEqual(found, { java: '/setting/bin/java', major: 21, source: 'modelcard.java.home',
            build: banner('21.0.1').trim() });
    });

    it('uses JAVA_HOME when the setting is empty, then PATH', async () => {
        const run = runner({ '/jdk/home/bin/java': '17.0.15', java: '25' });
        assert.equal((await findJava({ settingHome: ' ', env, platform: 'linux', exists: everywhere, run })).source, 'JAVA_HOME');
        const onPath = await findJava({ env: {}, platform: 'linux', exists: everywhere, run });
        assert.deepEqual(onPath, { java: 'java', major: 25, source: 'PATH', build: banner('25').trim() });
    });

    it('uses java.exe on Windows', async () => {
        const home = 'C:\\jdk';
        const found = await findJava({ settingHome: home, env: {}, platform: 'win32', exists: everywhere, run: async () => banner('17.0.1') });
        assert.equal(found.java, path.join(home, 'bin', 'java.exe'));
    });

    it('skips a Java that is too old or absent and says why', async () => {
        const found = await findJava({
            settingHome: '/nowhere', env, platform: 'linux', exists: (f) => !f.startsWith('/nowhere'),
            run: runner({ '/jdk/home/bin/java': '1.8.0_392', java: '17.0.15' }),
        });
        assert.equal(found.source, 'PATH');
    });

    it('fails with the one install message when every Java is too old', async () => {
        const err = await findJava({ env, platform: 'linux', exists: everywhere, run: runner({ '/jdk/home/bin/java': '11.0.2', java: '1.8.0_392' }) })
            .then(() => undefined, (e: unknown) => e);
        assert.ok(err instanceof JavaError);
        assert.equal(err.message, JAVA_MISSING_MESSAGE);
        assert.match(err.message, /needs Java 17 or newer.*Install a JDK.*modelcard\.java\.home/);
        assert.deepEqual(err.tried, ['JAVA_HOME: /jdk/home/bin/java is Java 11, too old', 'PATH: java is Java 8, too old']);
    });

    it('fails with the install message when there is no Java at all', async () => {
        await assert.rejects(findJava({ settingHome: '/nowhere', env: {}, platform: 'linux', exists: () => false, run: runner({}) }),
            (e: unknown) => e instanceof JavaError && e.message === JAVA_MISSING_MESSAGE
                && e.tried[0] === 'modelcard.java.home: no Java at /nowhere/bin/java' && /ENOENT/.test(e.tried[1]));
    });

    it('reads the version a real process prints on stderr', { skip: process.platform === 'win32' }, async () => {
        const home = mkdtempSync(path.join(tmpdir(), 'fake-jdk-'));
        try {
            mkdirSync(path.join(home, 'bin'));
            const java = path.join(home, 'bin', 'java');
            writeFileSync(java, '#!/bin/sh\necho \'openjdk version "11.0.22" 2024-01-16\' >&2\nexit 0\n');
            chmodSync(java, 0o755);
            assert.equal(parseJavaMajor(await runJavaVersion(java)), 11);
            // The real runner through findJava: an old setting is skipped and named.
            const err = await findJava({ settingHome: home, env: { PATH: '' }, run: async (j) => (j === java ? runJavaVersion(j) : Promise.reject(new Error('ENOENT'))) })
                .catch((e: JavaError) => e);
            assert.ok(err instanceof JavaError);
            assert.equal(err.tried[0], `modelcard.java.home: ${java} is Java 11, too old`);
        } finally {
            rmSync(home, { recursive: true, force: true });
        }
    });
});

describe('launchArgs', () => {
    it('runs the jar with the flags of jvm.options beside it, on stdio', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'mc-jvm-'));
        try {
            const jar = path.join(dir, 'modelcard-ls.jar');
            writeFileSync(path.join(dir, 'jvm.options'), '# comment\n-XX:+UseSerialGC\r\n\n  -Xms8m   # small\n');
            assert.deepEqual(launchArgs('/jdk/bin/java', jar), {
                command: '/jdk/bin/java',
                args: ['-XX:+UseSerialGC', '-Xms8m', '-jar', jar, '--stdio'],
            });
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('puts extra JVM flags after the options and before -jar, so java reads them, not the server', () => {
        const { args } = launchArgs('java', 'a b/modelcard-ls.jar', ['-Dfoo=1'], ['-Xmx1g']);
        assert.deepEqual(args, ['-Xmx1g', '-Dfoo=1', '-jar', 'a b/modelcard-ls.jar', '--stdio']);
    });

    it('reads the repository\'s jvm.options: the flags every launch uses', () => {
        const flags = readJvmOptions(path.join(__dirname, '..', '..', '..', 'bin', 'jvm.options'));
        assert.ok(flags.includes('-XX:+UseSerialGC'), flags.join(' '));
        assert.ok(flags.includes('-Xlog:all=warning:stderr'), 'JVM messages must not reach stdout, the protocol');
        assert.ok(flags.every((f) => f.startsWith('-')), flags.join(' '));
    });
});

describe('hugePageFlags', () => {
    const withSetting = (text: string | null, check: (file: string) => void) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'mc-thp-'));
        try {
            const file = path.join(dir, 'enabled');
            if (text !== null) {
                writeFileSync(file, text);
            }
            check(file);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    };

    it('asks for transparent huge pages where Linux offers them, always or on request', () => {
        withSetting('always [madvise] never\n', (f) =>
            assert.deepEqual(hugePageFlags('linux', f), ['-XX:+UseTransparentHugePages']));
        withSetting('[always] madvise never\n', (f) =>
            assert.deepEqual(hugePageFlags('linux', f), ['-XX:+UseTransparentHugePages']));
    });

    it('asks for none where they are off or unknown, and never off Linux, whose JVMs lack the flag', () => {
        withSetting('always madvise [never]\n', (f) => assert.deepEqual(hugePageFlags('linux', f), []));
        withSetting(null, (f) => assert.deepEqual(hugePageFlags('linux', f), []));
        withSetting('always [madvise] never\n', (f) => {
            assert.deepEqual(hugePageFlags('darwin', f), []);
            assert.deepEqual(hugePageFlags('win32', f), []);
        });
    });
});

describe('classDataFlags', () => {
    interface Recording { java: string; args: string[]; done: (ok: boolean) => void }
    const setUp = () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'mc-cds-'));
        const jar = path.join(dir, 'modelcard-ls.jar');
        writeFileSync(jar, 'jar');
        const recordings: Recording[] = [];
        const options = (major: number, build = 'openjdk version "17.0.15"') => ({
            java: '/jdk/bin/java', major, build, jar, flags: ['-Xms8m'], dir: path.join(dir, 'storage'),
            record: (java: string, args: string[], done: (ok: boolean) => void) => recordings.push({ java, args, done }),
        });
        return { dir, jar, recordings, options };
    };
    /** Plays the JVM of a recording: writes the archive it was asked for, then exits. */
    const finish = (r: Recording, ok = true) => {
        const out = r.args.find((a) => a.startsWith('-XX:ArchiveClassesAtExit=') || a.startsWith('-XX:AOTCacheOutput='))!;
        writeFileSync(out.slice(out.indexOf('=') + 1), 'archive');
        r.done(ok);
    };

    it('records an archive on the first start, in the background, and uses it from the next start on', () => {
        const { dir, jar, recordings, options } = setUp();
        try {
            assert.deepEqual(classDataFlags(options(17)), []);
            assert.equal(recordings.length, 1);
            const args = recordings[0].args;
            assert.deepEqual(args.slice(0, 1), ['-Xms8m']);
            assert.match(args[1], /^-XX:ArchiveClassesAtExit=.*\.jsa\.lock\.tmp$/);
            assert.deepEqual(args.slice(2, 5), ['-jar', jar, '--cds-training']);
            assert.deepEqual(classDataFlags(options(17)), [], 'a second start while recording does not record again');
            assert.equal(recordings.length, 1);
            finish(recordings[0]);
            const flags = classDataFlags(options(17));
            assert.equal(flags.length, 1);
            assert.match(flags[0], /^-XX:SharedArchiveFile=.*modelcard-ls-[0-9a-f]{16}\.jsa$/);
            assert.ok(existsSync(flags[0].slice(flags[0].indexOf('=') + 1)));
            assert.deepEqual(readdirSync(path.join(dir, 'storage')).length, 1, 'no lock or partial file is left');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('records again for another Java build, and when the jar is newer than the archive', () => {
        const { dir, jar, recordings, options } = setUp();
        try {
            classDataFlags(options(17));
            finish(recordings[0]);
            assert.equal(classDataFlags(options(17, 'openjdk version "17.0.16"')).length, 0);
            assert.equal(recordings.length, 2);
            const future = new Date(Date.now() + 60_000);
            utimesSync(jar, future, future);
            assert.deepEqual(classDataFlags(options(17)), []);
            assert.equal(recordings.length, 3);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('keeps nothing from a recording that failed', () => {
        const { dir, recordings, options } = setUp();
        try {
            classDataFlags(options(17));
            finish(recordings[0], false);
            assert.deepEqual(readdirSync(path.join(dir, 'storage')), []);
            assert.deepEqual(classDataFlags(options(17)), []);
            assert.equal(recordings.length, 2, 'the next start tries again');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('uses an AOT cache on Java 25 and newer', () => {
        const { dir, recordings, options } = setUp();
        try {
            classDataFlags(options(25, 'openjdk version "25.0.3"'));
            assert.match(recordings[0].args[1], /^-XX:AOTCacheOutput=.*\.aot\.lock\.tmp$/);
            finish(recordings[0]);
            assert.match(classDataFlags(options(25, 'openjdk version "25.0.3"'))[0], /^-XX:AOTCache=.*\.aot$/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
