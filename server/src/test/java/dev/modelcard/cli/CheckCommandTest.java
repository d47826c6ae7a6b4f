package dev.modelcard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.modelcard.Cards;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {
    record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void textFormatIsCompilerStyleWithASummary(@TempDir Path dir) throws Exception {
        Path card = write(dir, "m/README.md", Cards.CZI.replace("15 million.", "TBD")
                .replace("### Training Code\nSee the repository.\n", ""));
        Run r = run("check", card.toString());
        assertEquals(List.of(
                card + ": CZI model card template, 16 of 18 sections complete",
                card + ":6:1: warning placeholder Placeholder \u201cTBD\u201d left in \u201cParameters\u201d (unfinished "
                        + "text marked TBD (to be determined)).",
                card + ":14:1: information missing-section Missing section \u201cTraining Code\u201d (### Training "
                        + "Code) under \u201cTraining Data\u201d, recommended by the template.",
                "1 card checked: 1 warning, 1 information."), r.out().lines().toList());
        assertEquals(1, r.exit());
        assertEquals(0, run("check", "--fail-on", "error", card.toString()).exit());
        assertEquals(0, run("check", "--fail-on", "never", card.toString()).exit());
    }

    @Test
    void foldersAreSearchedAndNonCardsSkipped(@TempDir Path dir) throws Exception {
        write(dir, "a/README.md", Cards.CZI);
        write(dir, "b/model_card.md", Cards.BIOIMAGE);
        write(dir, "c/README.md", "# tool\n\n## Usage\n\nTODO\n");
        write(dir, "d/notes.md", "TODO");
        write(dir, "node_modules/x/README.md", "TODO");
        write(dir, "e/unet.modelcard.md", Cards.BIOIMAGE);
        Run r = run("check", dir.toString());
        assertEquals(List.of(dir.resolve("c/README.md") + ": skipped, not a model card (no template matched)",
                "3 cards checked, 1 skipped: no problems."), r.out().lines().toList());
        assertEquals(0, r.exit());
    }

    @Test
    void jsonHasOneObjectPerFileWithLspDiagnostics(@TempDir Path dir) throws Exception {
        Path card = write(dir, "README.md", Cards.CZI.replace("15 million.", "..."));
        Path plain = write(dir, "x/README.md", "# tool\n");
        Run r = run("check", "--format", "json", card.toString(), plain.toString());
        JsonArray files = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(2, files.size());
        JsonObject first = files.get(0).getAsJsonObject();
        assertEquals(card.toUri().toString(), first.get("uri").getAsString());
        assertEquals("czi", first.get("template").getAsString());
        JsonObject d = first.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
        assertEquals("{\"start\":{\"line\":5,\"character\":0},\"end\":{\"line\":5,\"character\":3}}",
                d.get("range").toString());
        assertEquals(2, d.get("severity").getAsInt());
        assertEquals("placeholder", d.get("code").getAsString());
        assertEquals("modelcard", d.get("source").getAsString());
        assertEquals("parameters", d.getAsJsonObject("data").get("section").getAsString());
        assertTrue(files.get(1).getAsJsonObject().get("template").isJsonNull());
        assertEquals(0, files.get(1).getAsJsonObject().getAsJsonArray("diagnostics").size());
        assertEquals(1, r.exit());
    }

    @Test
    void templateOptionForcesAPack(@TempDir Path dir) throws Exception {
        Path card = write(dir, "README.md", "# A model\n");
        Run r = run("check", "--template", "bioimage-io", "--fail-on", "never", card.toString());
        assertTrue(r.out().contains("missing-section Missing section \u201cTask Details\u201d"), r.out());
    }

    @Test
    void badUsageAndUnreadableInputExitTwo(@TempDir Path dir) throws Exception {
        Run unknown = run("check", "--template", "hf", dir.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("Unknown template 'hf'; known: bioimage-io, czi"), unknown.err());
        assertEquals(2, run("check", "--format", "xml", dir.toString()).exit());
        assertEquals(2, run("check").exit());

        Run missing = run("check", dir.resolve("nope.md").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file or folder"));

        Path latin1 = dir.resolve("README.md");
        Files.write(latin1, new byte[] {'#', ' ', 'M', (byte) 0xE9, '\n'});
        Run bad = run("check", latin1.toString());
        assertEquals(2, bad.exit());
        assertEquals(latin1 + ": not UTF-8 text (invalid byte at offset 3)", bad.err().strip());
    }

    @Test
    void brokenExtraPackIsReportedAndTheBundledOnesStillWork(@TempDir Path dir) throws Exception {
        Path pack = write(dir, "team.yaml", "id: team\nname: [\n");
        Path card = write(dir, "m/README.md", Cards.CZI);
        Run r = run("check", "--pack", pack.toString(), card.toString());
        assertTrue(r.err().startsWith(pack + ":3:1: YAML syntax:"), r.err());
        assertTrue(r.out().contains("1 card checked: no problems."), r.out());
        assertEquals(2, r.exit());
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("check"));
        Run version = run("--version");
        assertTrue(version.out().startsWith("modelcard-ls "), version.out());
    }

    @Test
    void fixInsertsTheMissingSectionsInPlaceKeepingCrlfAndSaysSo(@TempDir Path dir) throws Exception {
        String text = Cards.CZI.replace("### Training Code\nSee the repository.\n", "").replace("\n", "\r\n");
        Path card = write(dir, "m/README.md", text);
        Run r = run("check", "--fix", card.toString());
        assertEquals(card + ": fixed: Insert all missing sections (1)\n", r.err().replace("\r\n", "\n"));
        assertEquals(List.of(card + ": CZI model card template, 17 of 18 sections complete",
                card + ":19:5: information empty-section Section \u201cTraining Code\u201d is empty; the template "
                + "recommends it.", "1 card checked: 1 information."), r.out().lines().toList(),
                "what is left: the new section's text");
        assertEquals(0, r.exit());
        assertEquals(text.replace("Adam, 10 epochs.\r\n", "Adam, 10 epochs.\r\n\r\n### Training Code\r\n\r\n"
                + "<!-- Provide links to training scripts -->\r\n\r\n"),
                Files.readString(card));
        Run again = run("check", "--fix", card.toString());
        assertEquals("", again.err(), "nothing left to fix");
    }

    @Test
    void fixUpdatesTheTableOfContents(@TempDir Path dir) throws Exception {
        Path card = write(dir, "m/README.md", Cards.BIOIMAGE);
        Run r = run("check", "--fix", card.toString());
        assertEquals(card + ": fixed: Update table of contents\n", r.err());
        assertTrue(Files.readString(card).contains("- [Uses](#uses)\n- [Task Details](#task-details)\n"));
    }

    @Test
    void newWritesEverySectionAndNeverOverwrites(@TempDir Path dir) throws Exception {
        Path card = dir.resolve("nuclei/README.md");
        Run r = run("new", "--template", "czi", card.toString());
        assertEquals(card + ": written from the CZI model card template (23 sections to fill in)\n", r.out());
        assertEquals(0, r.exit());
        String text = Files.readString(card);
        assertTrue(text.startsWith("# [Model Name]\n\n<!-- The model's name as the card's title. -->\n\n"
                + "## Model Details\n\n### Model Architecture\n\n<!-- Brief description of the model architecture"),
                text);
        Run check = run("check", "--format", "json", card.toString());
        String json = check.out();
        assertTrue(json.contains("\"template\": \"czi\""), "detected from its headings alone");
        assertEquals(List.of("placeholder"), JsonParser.parseString(json).getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonArray("diagnostics").asList().stream()
                .map(d -> d.getAsJsonObject().get("code").getAsString()).distinct().toList(),
                "only the values to fill in are reported");

        Files.writeString(card, "mine");
        Run again = run("new", "--template", "bioimage-io", card.toString());
        assertEquals(2, again.exit());
        assertEquals(card + ": already exists; not overwritten (choose another path or remove it)\n", again.err());
        assertEquals("mine", Files.readString(card));
        assertEquals(2, run("new", "--template", "nope", dir.resolve("x.md").toString()).exit());
    }

    @Test
    void theNearestConfigurationAppliesAndIgnoredCardsAreSkipped(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        write(dir, ".modelcard.yaml", "rules:\n  placeholder: error\nignore: [\"vendor/**\"]\n");
        Path card = write(dir, "models/a/README.md", Cards.CZI.replace("15 million.", "TBD"));
        Path vendored = write(dir, "vendor/x/README.md", Cards.CZI.replace("15 million.", "TBD"));
        Run r = run("check", dir.toString());
        assertEquals(List.of(card + ": CZI model card template, 17 of 18 sections complete",
                card + ":6:1: error placeholder Placeholder \u201cTBD\u201d left in \u201cParameters\u201d "
                        + "(unfinished text marked TBD (to be determined)).",
                vendored + ": skipped, ignored by " + dir.resolve(".modelcard.yaml"),
                "1 card checked, 1 skipped: 1 error."), r.out().lines().toList());
        Path other = write(dir, "other.yaml", "rules: {placeholder: off}\n");
        Run withConfig = run("check", "--config", other.toString(), card.toString());
        assertEquals(List.of("1 card checked: no problems."), withConfig.out().lines().toList());
    }

    @Test
    void aBrokenConfigurationIsReportedWithItsPlaceAndExitsTwo(@TempDir Path dir) throws Exception {
        Path config = write(dir, ".modelcard.yaml", "rules:\n  placeholder: loud\n");
        Path card = write(dir, "README.md", Cards.CZI);
        Run r = run("check", card.toString());
        assertEquals(config.toAbsolutePath().normalize() + ":2:16: 'placeholder' must be one of [off, error, warning, "
                + "information, hint], not 'loud'\n", r.err());
        assertEquals(2, r.exit());
    }
}
