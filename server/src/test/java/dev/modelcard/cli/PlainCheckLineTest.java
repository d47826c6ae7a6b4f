package dev.modelcard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.modelcard.Cards;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The plain {@code check} line, read without picocli, means what picocli reads, and prints what it prints. */
class PlainCheckLineTest {
    private static final List<List<String>> PLAIN = List.of(
            List.of("check", "README.md"),
            List.of("check", "--fail-on", "never", "a/README.md", "b"),
            List.of("check", "--format", "json", "--template", "czi", "x.md"),
            List.of("check", "x.md", "--format", "sarif", "--fail-on", "error"),
            List.of("check", "--pack", "a.yaml", "--pack", "b.yaml", "--config", "c.yaml", "--fix", "x.md"),
            List.of("check", "--format", "github", "check"));
    private static final List<List<String>> NOT_PLAIN = List.of(
            List.of("check"),
            List.of("check", "--help"),
            List.of("check", "-h", "x.md"),
            List.of("check", "-V"),
            List.of("check", "--format=json", "x.md"),
            List.of("check", "--format", "xml", "x.md"),
            List.of("check", "--format", "JSON", "x.md"),
            List.of("check", "--format", "json", "--format", "text", "x.md"),
            List.of("check", "--fix", "--fix", "x.md"),
            List.of("check", "--template"),
            List.of("check", "--template", "--fix", "x.md"),
            List.of("check", "--fail-on", "never"),
            List.of("check", "--", "x.md"),
            List.of("check", "@args.txt"),
            List.of("check", "--pack", "@p", "x.md"),
            List.of("check", "-x", "x.md"),
            List.of("check", "", "x.md"),
            List.of("check", "a\u0000b"),
            List.of("report", "--html", "r.html", "x.md"),
            List.of("--version"));

    @Test
    void plainLinesAreReadAsPicocliReadsThem() {
        for (List<String> args : PLAIN) {
            CheckCommand plain = CheckCommand.plain(args.toArray(String[]::new));
            assertNotNull(plain, args.toString());
            CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
            CheckCommand picocli = (CheckCommand) parsed.subcommand().commandSpec().userObject();
            assertEquals(fields(picocli), fields(plain), args.toString());
        }
    }

    @Test
    void everyOtherLineIsLeftToPicocli() {
        for (List<String> args : NOT_PLAIN) {
            assertNull(CheckCommand.plain(args.toArray(String[]::new)), args.toString());
        }
    }

    @Test
    void everyOptionOfCheckIsReadPlainly() {
        CommandLine check = new CommandLine(new Main()).getSubcommands().get("check");
        List<String> options = check.getCommandSpec().options().stream().map(o -> o.longestName())
                .filter(n -> !n.equals("--help") && !n.equals("--version")).sorted().toList();
        assertEquals(Stream.of(CheckCommand.TEMPLATE, CheckCommand.FORMAT, CheckCommand.FAIL_ON, CheckCommand.PACK,
                CheckCommand.CONFIG, CheckCommand.FIX).sorted().toList(), options);
    }

    @Test
    void theOutputAndStatusAreThoseOfPicocli(@TempDir Path dir) throws Exception {
        Path card = dir.resolve("README.md");
        Files.writeString(card, Cards.CZI.replace("15 million.", "TBD"));
        Path pack = dir.resolve("team.yaml");
        Files.writeString(pack, "id: team\nname: [\n");
        for (List<String> args : List.of(
                List.of("check", card.toString()),
                List.of("check", "--format", "json", "--fail-on", "error", card.toString()),
                List.of("check", "--template", "nope", card.toString()),
                List.of("check", "--pack", pack.toString(), "--template", "nope", card.toString()),
                List.of("check", "--config", dir.resolve("none.yaml").toString(), card.toString()),
                List.of("check", dir.resolve("missing.md").toString()))) {
            String[] a = args.toArray(String[]::new);
            assertNotNull(CheckCommand.plain(a), args.toString());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Main.run(a, new PrintWriter(out), new PrintWriter(err));
            StringWriter pout = new StringWriter();
            StringWriter perr = new StringWriter();
            int pstatus = new CommandLine(new Main()).setOut(new PrintWriter(pout)).setErr(new PrintWriter(perr))
                    .execute(a);
            assertEquals(List.of(pstatus, pout.toString(), perr.toString()), List.of(status, out.toString(),
                    err.toString()), args.toString());
        }
    }

    private static List<Object> fields(CheckCommand c) {
        return java.util.Arrays.asList(c.template, c.format, c.failOn, c.extraPacks, c.configFile, c.fix, c.paths);
    }
}
