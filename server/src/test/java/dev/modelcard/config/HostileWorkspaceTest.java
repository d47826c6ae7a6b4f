package dev.modelcard.config;

import dev.modelcard.Links;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcard.files.RegularFiles;
import dev.modelcard.pack.PackRegistry;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cloned repository is untrusted: its configuration must not read outside the workspace through links, nor
 * read devices or pipes, nor hang on its patterns. Each case is read as the server and the checker read it: real
 * paths checked against the real workspace folder.
 */
@org.junit.jupiter.api.extension.ExtendWith(Links.class)
class HostileWorkspaceTest {
    private static final Duration GUARD = Duration.ofSeconds(30);

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** Reads as the server does for a workspace folder. */
    private static ConfigLoader inside(Path ws) {
        Path root = RegularFiles.real(ws);
        Predicate<Path> allowed = p -> p.startsWith(root);
        return new ConfigLoader(allowed, ConfigLoader::readDisk);
    }

    private static List<String> problems(ProjectConfig c) {
        return c.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
    }

    @Test
    void extendsThroughALinkToOutsideIsRefusedAtItsValue(@TempDir Path dir) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Path outside = write(dir, "outside.yaml", "rules: {placeholder: off}\n");
        Links.create(ws.resolve("link.yaml"), outside);
        Path config = write(ws, ".modelcard.yaml", "template: czi\nextends: link.yaml\n");
        ProjectConfig c = inside(ws).load(config);
        assertEquals(List.of("2:10: 'extends' points outside the workspace (" + RegularFiles.real(outside)
                + "); refused"), problems(c));
        assertEquals(java.util.Map.of(), c.rules(), "nothing of the outside file applies");
    }

    @Test
    void aConfigurationThatIsItselfALinkOutsideIsRefused(@TempDir Path dir) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Path outside = write(dir, "outside.yaml", "rules: {placeholder: off}\n");
        Path config = Links.create(ws.resolve(".modelcard.yaml"), outside);
        ProjectConfig c = inside(ws).load(config);
        assertEquals(1, c.problems().size());
        assertTrue(c.problems().get(0).message().endsWith("leads outside the workspace ("
                + RegularFiles.real(outside) + "); refused"), c.problems().toString());
        assertEquals(java.util.Map.of(), c.rules());
    }

    @Test
    void aPackUnderALinkedFolderIsRefusedAtItsValue(@TempDir Path dir) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        write(dir, "elsewhere/pack.yaml", "id: evil\nname: Evil\nsections: []\n");
        Links.create(ws.resolve("linked"), dir.resolve("elsewhere"));
        Path config = write(ws, ".modelcard.yaml", "packs:\n  - linked/pack.yaml\n");
        ProjectConfig c = inside(ws).load(config);
        assertEquals(List.of("2:5: pack 'linked/pack.yaml' is outside the workspace ("
                + RegularFiles.real(dir.resolve("elsewhere/pack.yaml")) + "); refused"), problems(c));
        assertEquals(List.of(), c.packs());
    }

    @Test
    void aLinkThatStaysInsideStillWorks(@TempDir Path dir) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        write(ws, "team/base.yaml", "rules: {placeholder: off}\n");
        Links.create(ws.resolve("base.yaml"), ws.resolve("team/base.yaml"));
        Path config = write(ws, ".modelcard.yaml", "extends: base.yaml\n");
        ProjectConfig c = inside(ws).load(config);
        assertEquals(List.of(), problems(c));
        assertEquals("off", c.rules().get("placeholder"));
    }

    /** Devices and the server's own input: refused at once, never read. */
    @ParameterizedTest
    @ValueSource(strings = {"/dev/zero", "/dev/urandom", "/proc/self/fd/0"})
    void specialFilesAreNeverRead(String special, @TempDir Path dir) throws Exception {
        Path target = Path.of(special);
        if (!Files.exists(target)) {
            return; // not on this system
        }
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Links.create(ws.resolve("base.yaml"), target);
        Links.create(ws.resolve("pack.yaml"), target);
        Path config = write(ws, ".modelcard.yaml", "extends: base.yaml\npacks: [pack.yaml]\n");
        ProjectConfig c = assertTimeoutPreemptively(GUARD, () -> ConfigLoader.fromDisk().load(config));
        assertEquals(2, c.problems().size(), c.problems().toString());
        assertEquals(List.of(), c.packs());
        // A pack the user named, a configuration that is itself such a link: refused too, with a reason.
        PackRegistry packs = assertTimeoutPreemptively(GUARD, () -> PackRegistry.withFiles(List.of(
                ws.resolve("pack.yaml"))));
        assertEquals(1, packs.problems().size());
        assertTrue(packs.problems().get(0).message().contains("is not a regular file"),
                packs.problems().toString());
        Path linkedConfig = Links.create(dir.resolve("other.modelcard.yaml"), target);
        ProjectConfig self = assertTimeoutPreemptively(GUARD, () -> ConfigLoader.fromDisk().load(linkedConfig));
        assertEquals(1, self.problems().size());
    }

    @Test
    void aLinkedSpecialConfigurationIsFoundAndRefusedNotSkipped(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Links.create(dir.resolve(".modelcard.yaml"), Path.of("/dev/zero"));
        Path card = write(dir, "README.md", "# x\n");
        assertEquals(java.util.Optional.of(dir.resolve(".modelcard.yaml")), ConfigFinder.nearest(card, null));
        assertFalse(ConfigLoader.fromDisk().load(dir.resolve(".modelcard.yaml")).problems().isEmpty());
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path big = write(dir, "big.yaml", "#" + "x".repeat(2 * 1024 * 1024 + 10) + "\n");
        Path config = write(dir, ".modelcard.yaml", "extends: big.yaml\n");
        assertEquals(List.of("1:10: 'extends' names a file that cannot be read: " + big.toAbsolutePath()),
                problems(ConfigLoader.fromDisk().load(config)));
    }

    @Test
    void aConfigurationThatIsOnlyAHugeCommentIsReadInLinearTime(@TempDir Path dir) throws Exception {
        Path config = write(dir, ".modelcard.yaml", "# " + "a".repeat(1_990_000) + "\n");
        ProjectConfig c = assertTimeoutPreemptively(GUARD, () -> ConfigLoader.fromDisk().load(config));
        assertEquals(List.of("1:1: configuration is empty"), problems(c));
        Path scalar = write(dir, "scalar/.modelcard.yaml", "template: " + "a".repeat(1_900_000) + "\n");
        assertTimeoutPreemptively(GUARD, () -> ConfigLoader.fromDisk().load(scalar));
    }

    @Test
    void backtrackingGlobsMatchInLinearTime(@TempDir Path dir) throws Exception {
        Path deep = dir.resolve("a/".repeat(200) + "README.md");
        String longName = "a".repeat(5000) + "c.md";
        Path config = write(dir, ".modelcard.yaml", "ignore:\n  - \"*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\"\n  - \""
                + "**/".repeat(14) + "x.md\"\n  - \"**/keep/*.md\"\n");
        ProjectConfig c = ConfigLoader.fromDisk().load(config);
        assertEquals(List.of(), problems(c));
        assertTimeoutPreemptively(GUARD, () -> {
            assertFalse(c.ignores(dir.resolve(longName)));
            assertFalse(c.ignores(deep));
        });
        assertTrue(c.ignores(dir.resolve("m/keep/README.md")));
        assertFalse(c.ignores(dir.resolve("keep/README.md")), "**/ needs a folder, as Java's globs do");
    }

    @Test
    void globsMeanWhatJavaGlobsMean() {
        String[][] cases = {
            {"*.md", "README.md", "true"}, {"*.md", "a/README.md", "false"}, {"**.md", "a/README.md", "true"},
            {"**/README.md", "a/b/README.md", "true"}, {"a/?.md", "a/x.md", "true"}, {"a/?.md", "a/xy.md", "false"},
            {"[a-c]*.md", "b1.md", "true"}, {"[!a-c]*.md", "b1.md", "false"}, {"{a,b}/*.md", "b/x.md", "true"},
            {"{a,b}/*.md", "c/x.md", "false"}, {"drafts/**", "drafts/x/y.md", "true"}, {"\\*.md", "*.md", "true"},
            {"\\*.md", "a.md", "false"}, {"*", "", "true"}, {"a*b*c", "aXbYc", "true"}, {"a*b*c", "aXbY/c", "false"},
        };
        for (String[] c : cases) {
            boolean jdk = FileSystems.getDefault().getPathMatcher("glob:" + c[0]).matches(Path.of(c[1]));
            assertEquals(Boolean.parseBoolean(c[2]), jdk, "Java: " + c[0] + " on " + c[1]);
            assertEquals(jdk, Glob.of(c[0]).matches(c[1]), c[0] + " on " + c[1]);
        }
    }
}
