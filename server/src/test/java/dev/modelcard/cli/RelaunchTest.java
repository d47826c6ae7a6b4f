package dev.modelcard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder check started as plain {@code java -jar} goes on in a JVM with the flags every launch uses. */
class RelaunchTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** The flags of bin/jvm.options and bin/jvm-folder.options, one a line there. */
    private static List<String> flags() throws IOException {
        List<String> out = new ArrayList<>();
        for (String file : List.of("jvm.options", "jvm-folder.options")) {
            for (String line : Files.readAllLines(HooksTest.REPO.resolve("bin").resolve(file))) {
                String flag = line.replaceAll("#.*", "").strip();
                if (!flag.isEmpty()) {
                    out.add(flag);
                }
            }
        }
        return out;
    }

    @Test
    void aFolderCheckFromPlainJavaJarGoesOnWithTheFlags(@TempDir Path tmp) throws Exception {
        String jar = Files.writeString(tmp.resolve("modelcard-ls.jar"), "").toString();
        String[] args = {"check", "--fail-on", "never", tmp.toString()};
        List<String> expected = new ArrayList<>(List.of(JAVA.toString(), "-XX:+IgnoreUnrecognizedVMOptions"));
        expected.addAll(flags());
        expected.addAll(List.of("-jar", jar, "check", "--fail-on", "never", tmp.toString()));
        List<String> command = Relaunch.command(args, () -> new String[] {"-jar", jar, "check", "--fail-on", "never",
            tmp.toString()}, Map.of("JDK_JAVA_OPTIONS", " "), JAVA, false);
        assertEquals(expected, command);
        assertTrue(command.contains("-XX:+UseSerialGC") && command.contains("-XX:C1MaxInlineSize=20"), "" + command);

        List<String> report = new ArrayList<>(List.of(JAVA.toString(), "-XX:+IgnoreUnrecognizedVMOptions"));
        report.addAll(flags());
        report.addAll(List.of("-XX:+UseTransparentHugePages", "-jar", jar, "report", "--html", "r.html", "."));
        assertEquals(report, Relaunch.command(new String[] {"report", "--html", "r.html", "."},
                () -> new String[] {"-jar", jar, "report", "--html", "r.html", "."}, Map.of(), JAVA, true));
    }

    @Test
    void aJvmGivenFlagsOfItsOwnOrOneCardIsLeftAsItIs(@TempDir Path tmp) throws Exception {
        Path card = Files.writeString(tmp.resolve("README.md"), "# M\n");
        String jar = Files.writeString(tmp.resolve("m.jar"), "").toString();
        String[] folder = {"check", tmp.toString()};
        Supplier<String[]> plain = () -> new String[] {"-jar", jar, "check", tmp.toString()};
        // A check of cards only does not ask for the process's arguments.
        Supplier<String[]> unasked = () -> fail("the process's arguments were asked for");
        assertNull(Relaunch.command(folder, () -> new String[] {"-jar", tmp.resolve("gone.jar").toString()}, Map.of(),
                JAVA, false), "a jar not found by the name the system gave back");
        assertNull(Relaunch.command(new String[] {"check", card.toString()}, unasked, Map.of(), JAVA, false));
        assertNull(Relaunch.command(new String[] {"new", "--template", "czi", tmp.toString()}, unasked, Map.of(),
                JAVA, false));
        assertNull(Relaunch.command(folder, () -> new String[] {"-Xmx2g", "-jar", jar, "check", tmp.toString()},
                Map.of(), JAVA, false));
        assertNull(Relaunch.command(folder, () -> new String[] {"-cp", jar, "dev.modelcard.cli.Main"}, Map.of(),
                JAVA, false));
        assertNull(Relaunch.command(folder, () -> null, Map.of(), JAVA, false));
        assertNull(Relaunch.command(folder, plain, Map.of("JAVA_TOOL_OPTIONS", "-Xmx2g"), JAVA, false));
        assertNull(Relaunch.command(folder, plain, Map.of("_JAVA_OPTIONS", "-Xss2m"), JAVA, false));
        assertNull(Relaunch.command(folder, plain, Map.of(), tmp.resolve("no-java"), false));
        assertNull(Relaunch.command(new String[] {"check", "--config", "\0"}, unasked, Map.of(), JAVA, false));
    }

    /**
     * Through a jar: the second JVM runs (seen among the first one's descendants, with the flags) and its output
     * and exit status are the first one's; a JVM started with a flag of its own prints the same.
     */
    @Test
    void theSecondJvmsOutputAndStatusAreTheFirstOnes(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("modelcard-ls.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.modelcard.cli.Main");
        StringBuilder classPath = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.append(Path.of(entry).toUri()).append(' ');
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString().strip());
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            // the manifest only
        }
        Path cards = Files.createDirectories(tmp.resolve("cards"));
        for (int i = 0; i < 300; i++) {
            Files.writeString(Files.createDirectories(cards.resolve("m" + i)).resolve("README.md"),
                    "---\nlicense: mit\n---\n# Model Card for m" + i + "\n\n## Model Details\n\n"
                    + "[More Information Needed]\n");
        }

        Process first = new ProcessBuilder(JAVA.toString(), "-jar", jar.toString(), "check", "--fail-on", "warning",
                "cards").directory(tmp.toFile()).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        boolean seen = false;
        while (first.isAlive()) {
            seen |= first.descendants().anyMatch(p -> p.info().arguments()
                    .map(a -> List.of(a).contains("-XX:+UseSerialGC") && List.of(a).contains(jar.toString()))
                    .orElse(false));
            Thread.sleep(5);
        }
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertTrue(seen, "a second JVM with the flags ran");
        assertEquals(1, first.exitValue());
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        assertTrue(out.endsWith("300 cards checked: 300 warnings.\n"), out);
        assertEquals("", Files.readString(tmp.resolve("err.txt")));

        Process own = new ProcessBuilder(JAVA.toString(), "-Dmodelcard.test=1", "-jar", jar.toString(), "check",
                "--fail-on", "warning", "cards").directory(tmp.toFile())
                .redirectOutput(tmp.resolve("own.txt").toFile()).start();
        assertTrue(own.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, own.exitValue());
        assertEquals(out, Files.readString(tmp.resolve("own.txt"), StandardCharsets.UTF_8));
    }
}
