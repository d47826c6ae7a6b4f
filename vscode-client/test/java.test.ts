import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findJava, JAVA_MISSING_MESSAGE, JavaError, JVM_FLAGS, launchArgs, parseJavaMajor, runJavaVersion } from '../src/java';

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
        assert.deepEqual(found, { java: '/setting/bin/java', major: 21, source: 'modelcard.java.home' });
    });

    it('uses JAVA_HOME when the setting is empty, then PATH', async () => {
        const run = runner({ '/jdk/home/bin/java': '17.0.15', java: '25' });
        assert.equal((await findJava({ settingHome: ' ', env, platform: 'linux', exists: everywhere, run })).source, 'JAVA_HOME');
        const onPath = await findJava({ env: {}, platform: 'linux', exists: everywhere, run });
        assert.deepEqual(onPath, { java: 'java', major: 25, source: 'PATH' });
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
    it('runs the jar with the low-memory JVM flags on stdio', () => {
        assert.deepEqual(launchArgs('/jdk/bin/java', '/ext/server/modelcard-ls.jar'), {
            command: '/jdk/bin/java',
            args: ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xmx1g', '-jar', '/ext/server/modelcard-ls.jar', '--stdio'],
        });
    });

    it('puts extra JVM flags before -jar, so java reads them, not the server', () => {
        const { args } = launchArgs('java', 'a b/modelcard-ls.jar', ['-Dfoo=1']);
        assert.deepEqual(args, [...JVM_FLAGS, '-Dfoo=1', '-jar', 'a b/modelcard-ls.jar', '--stdio']);
    });
});
