package dev.modelcard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.modelcard.Cards;
import dev.modelcard.Links;
import dev.modelcard.files.CardFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The checker never passes over input in silence: each case is named on stderr and in JSON, and exits 2. */
@org.junit.jupiter.api.extension.ExtendWith(Links.class)
class NeverSkipTest {
    record Run(int exit, String out, String err) {}

    /** Runs {@code check} with the command adjusted (its engine or folder listing) before it runs. */
    static Run run(Consumer<CheckCommand> adjust, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K made = CommandLine.defaultFactory().create(cls);
                if (made instanceof CheckCommand c) {
                    adjust.accept(c);
                }
                return made;
            }
        });
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(c -> {}, args);
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static Path fifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        return p;
    }

    @Test
    void aLinkedReadmeInsideATreeIsNamedAndTheRestStillComesOut(@TempDir Path dir) throws Exception {
        Path good = write(dir, "a/README.md", Cards.CZI);
        Path outside = write(dir, "elsewhere.md", Cards.CZI);
        Path link = Links.create(dir.resolve("b/README.md").toAbsolutePath(),
                Files.createDirectories(dir.resolve("b")).resolve("../elsewhere.md"));
        Run r = run("check", dir.toString());
        assertEquals(link + ": a symbolic link; links inside a folder are not followed (name the file to check it)\n",
                r.err());
        assertEquals("1 card checked, 1 not read or not checked: no problems.\n", r.out());
        assertEquals(2, r.exit());

        Run json = run("check", "--format", "json", dir.toString());
        JsonArray files = JsonParser.parseString(json.out()).getAsJsonArray();
        assertEquals(2, files.size());
        assertEquals(good.toUri().toString(), files.get(0).getAsJsonObject().get("uri").getAsString());
        JsonObject linked = files.get(1).getAsJsonObject();
        assertEquals(link.toUri().toString(), linked.get("uri").getAsString());
        assertEquals("a symbolic link; links inside a folder are not followed (name the file to check it)",
                linked.get("error").getAsString());
        assertEquals(0, linked.getAsJsonArray("diagnostics").size());
        assertEquals(2, json.exit());

        assertEquals(0, run("check", link.toString()).exit(), "named explicitly, a link is followed");
        assertEquals(outside, dir.resolve("elsewhere.md"));
    }

    @Test
    void aFifoGivenAsACardIsNotOpenedAndDoesNotHang(@TempDir Path dir) throws Exception {
        Path pipe = fifo(dir.resolve("README.md"));
        Path card = write(dir, "m/README.md", Cards.CZI);
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("check", pipe.toString(), card.toString()));
        assertEquals(pipe + ": not a regular file (a FIFO, device or socket); not read\n", r.err());
        assertEquals("1 card checked, 1 not read or not checked: no problems.\n", r.out());
        assertEquals(2, r.exit());
    }

    @Test
    void aFifoWithACardNameInsideATreeIsNamed(@TempDir Path dir) throws Exception {
        Path pipe = fifo(Files.createDirectories(dir.resolve("p")).resolve("README.md"));
        write(dir, "m/README.md", Cards.CZI);
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("check", dir.toString()));
        assertEquals(pipe + ": not a regular file (a FIFO, device or socket); not read\n", r.err());
        assertEquals(2, r.exit());
    }

    @Test
    void aLinkToADeviceGivenAsACardIsNotRead(@TempDir Path dir) throws Exception {
        Path zero = Links.create(dir.resolve("README.md"), Path.of("/dev/zero"));
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("check", zero.toString()));
        assertEquals(zero + ": not a regular file (a FIFO, device or socket); not read\n", r.err());
        assertEquals("0 cards checked, 1 not read or not checked: no problems.\n", r.out());
        assertEquals(2, r.exit());
    }

    @Test
    void aBrokenLinkAndAMissingPathAreNamed(@TempDir Path dir) throws Exception {
        Path broken = Links.create(dir.resolve("README.md"), dir.resolve("gone.md"));
        Run r = run("check", broken.toString(), dir.resolve("nope").toString());
        assertEquals(broken + ": a symbolic link whose target does not exist (or a link loop)\n"
                + dir.resolve("nope") + ": no such file or folder\n", r.err());
        assertEquals(2, r.exit());
    }

    @Test
    void aFolderGivenExplicitlyWithNoCardFileSaysSo(@TempDir Path dir) throws Exception {
        write(dir, "docs/notes.md", "# Notes\n");
        Run r = run("check", dir.resolve("docs").toString());
        assertEquals(dir.resolve("docs") + ": no card file in this folder (README.md, MODEL_CARD.md, model_card.md or "
                + "*.modelcard.md)\n", r.err());
        assertEquals("0 cards checked, 1 not read or not checked: no problems.\n", r.out());
        assertEquals(2, r.exit());
    }

    @Test
    void aFolderThatCannotBeListedIsNamedAndItsSiblingsAreStillChecked(@TempDir Path dir) throws Exception {
        write(dir, "a/README.md", Cards.CZI);
        write(dir, "locked/README.md", Cards.CZI);
        Path locked = dir.resolve("locked");
        Run r = run(c -> c.lister = folder -> {
            if (folder.equals(locked)) {
                throw new AccessDeniedException(folder.toString());
            }
            return CardFiles.list(folder);
        }, "check", "--format", "json", dir.toString());
        assertEquals(locked + ": cannot list folder: permission denied\n", r.err());
        JsonArray files = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(List.of("a/README.md", "locked"), files.asList().stream()
                .map(f -> dir.toUri().relativize(URI.create(f.getAsJsonObject().get("uri").getAsString()))
                        .toString().replaceAll("/$", "")).toList());
        assertEquals("cannot list folder: permission denied",
                files.get(1).getAsJsonObject().get("error").getAsString());
        assertEquals(2, r.exit());
    }

    @Test
    void aCardTheEngineCannotCheckIsReportedAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path bad = write(dir, "a/README.md", Cards.CZI);
        Path good = write(dir, "b/README.md", Cards.CZI.replace("15 million.", "TBD"));
        Run r = run(c -> c.engine = (text, card, cfg) -> {
            if (card.path().equals(bad)) {
                throw new IllegalArgumentException("table too large");
            }
            return CardRun.ENGINE.check(text, card, cfg);
        }, "check", dir.toString());
        assertEquals(bad + ": cannot be checked: internal error (java.lang.IllegalArgumentException: table too "
                + "large)\n", r.err());
        assertEquals(List.of(good + ": CZI model card template, 17 of 18 sections complete",
                good + ":6:1: warning placeholder Placeholder \u201cTBD\u201d left in \u201cParameters\u201d (unfinished "
                        + "text marked TBD (to be determined)).",
                "1 card checked, 1 not read or not checked: 1 warning."), r.out().lines().toList());
        assertEquals(2, r.exit());
    }

    @Test
    void aStackOverflowInTheEngineIsACardThatCannotBeChecked(@TempDir Path dir) throws Exception {
        Path bad = write(dir, "README.md", Cards.CZI);
        Run r = run(c -> c.engine = (text, card, cfg) -> {
            throw new StackOverflowError();
        }, "check", "--format", "sarif", bad.toString());
        assertEquals(bad + ": cannot be checked: internal error (java.lang.StackOverflowError)\n", r.err());
        JsonObject invocation = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("runs").get(0)
                .getAsJsonObject().getAsJsonArray("invocations").get(0).getAsJsonObject();
        assertEquals(false, invocation.get("executionSuccessful").getAsBoolean());
        assertEquals("cannot be checked: internal error (java.lang.StackOverflowError)", invocation
                .getAsJsonArray("toolExecutionNotifications").get(0).getAsJsonObject().getAsJsonObject("message")
                .get("text").getAsString());
        assertEquals(2, r.exit());
    }
}
