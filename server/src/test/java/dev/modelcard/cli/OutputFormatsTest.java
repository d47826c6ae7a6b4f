package dev.modelcard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.modelcard.Cards;
import dev.modelcard.cli.NeverSkipTest.Run;
import dev.modelcard.cli.output.SarifOutput;
import dev.modelcard.cli.output.Summary;
import dev.modelcard.files.CardFiles;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.PackRegistry;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each output format, exactly: text, JSON, SARIF (valid against the SARIF 2.1.0 schema) and GitHub annotations. */
class OutputFormatsTest {
    static final Path SCHEMA = Path.of(System.getProperty("modelcard.repo", ".."), "testdata", "sarif",
            "sarif-schema-2.1.0.json");

    /** Line 4 has a character outside the BMP (two UTF-16 code units) before its placeholder. */
    static final String CARD = Cards.CZI.replace("15 million.", "\ud83e\uddec weights: TBD");

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    static Set<ValidationMessage> validate(String sarif) throws Exception {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            return schema.validate(new ObjectMapper().readTree(sarif));
        }
    }

    @Test
    void textSaysTheTemplateOncePerCardAndKeepsTheColumnsInUtf16() throws Exception {
        Path card = write(Files.createTempDirectory("card"), "README.md", CARD);
        Run r = NeverSkipTest.run("check", card.toString());
        assertEquals(List.of(card + ": CZI model card template, 17 of 18 sections complete",
                card + ":6:13: warning placeholder Placeholder \u201cTBD\u201d left in \u201cParameters\u201d (unfinished "
                        + "text marked TBD (to be determined)).",
                "1 card checked: 1 warning."), r.out().lines().toList());
        Run json = NeverSkipTest.run("check", "--format", "json", card.toString());
        JsonObject d = JsonParser.parseString(json.out()).getAsJsonArray().get(0).getAsJsonObject()
                .getAsJsonArray("diagnostics").get(0).getAsJsonObject();
        assertEquals("Placeholder \u201cTBD\u201d left in \u201cParameters\u201d (unfinished text marked TBD (to be "
                + "determined)); replace it with this model's own content (CZI model card template).",
                d.get("message").getAsString(), "JSON keeps the whole message");
        assertEquals("{\"start\":{\"line\":5,\"character\":12},\"end\":{\"line\":5,\"character\":15}}",
                d.get("range").toString());
    }

    @Test
    void jsonSaysWhyAFileWasSkipped(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        write(dir, ".modelcard.yaml", "ignore: [\"vendor/**\"]\n");
        Path plain = write(dir, "tool/README.md", "# tool\n\n## Usage\n\nRun it.\n");
        Path vendored = write(dir, "vendor/README.md", Cards.CZI);
        Run r = NeverSkipTest.run("check", "--format", "json", dir.toString());
        JsonArray files = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(2, files.size());
        assertEquals(plain.toUri().toString(), files.get(0).getAsJsonObject().get("uri").getAsString());
        assertEquals("not a model card (no template matched)",
                files.get(0).getAsJsonObject().get("skipped").getAsString());
        assertEquals(vendored.toUri().toString(), files.get(1).getAsJsonObject().get("uri").getAsString());
        assertEquals("ignored by " + dir.resolve(".modelcard.yaml"), files.get(1).getAsJsonObject().get("skipped")
                .getAsString());
        assertEquals(0, r.exit());
    }

    @Test
    void sarifIsValidAgainstTheSchemaWithRulesFromTheCodesAndExactRegions(@TempDir Path dir) throws Exception {
        Path card = write(dir, "m/README.md", CARD);
        Path pipe = dir.resolve("p.md");
        new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor();
        Run r = NeverSkipTest.run("check", "--format", "sarif", card.toString(), pipe.toString());
        assertEquals(Set.of(), validate(r.out()));
        assertEquals(1, validate(r.out().replace("\"startLine\": 6", "\"startLine\": 0")).size(),
                "the schema is applied: lines are 1-based");
        assertEquals(2, r.exit());

        JsonObject log = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("2.1.0", log.get("version").getAsString());
        JsonObject run = log.getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
        assertEquals(Code.ids(),
                rules.asList().stream().map(x -> x.getAsJsonObject().get("id").getAsString()).toList());
        JsonObject placeholder = rules.get(Code.PLACEHOLDER.ordinal()).getAsJsonObject();
        assertEquals("Placeholder", placeholder.get("name").getAsString());
        assertEquals(Code.PLACEHOLDER.summary(), placeholder.getAsJsonObject("shortDescription").get("text").getAsString());
        assertEquals(Main.RULES_URL, placeholder.get("helpUri").getAsString());
        assertTrue(placeholder.getAsJsonObject("help").get("text").getAsString()
                .contains("<!-- modelcard-disable placeholder -->"));
        assertEquals("utf16CodeUnits", run.get("columnKind").getAsString());

        JsonArray results = run.getAsJsonArray("results");
        assertEquals(1, results.size());
        JsonObject result = results.get(0).getAsJsonObject();
        assertEquals("placeholder", result.get("ruleId").getAsString());
        assertEquals(Code.PLACEHOLDER.ordinal(), result.get("ruleIndex").getAsInt());
        assertEquals("warning", result.get("level").getAsString());
        JsonObject location = result.getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation");
        assertEquals("{\"startLine\":6,\"startColumn\":13,\"endLine\":6,\"endColumn\":16}",
                location.get("region").toString());
        assertEquals("{\"template\":\"czi\",\"section\":\"parameters\"}", result.get("properties").toString());

        JsonObject invocation = run.getAsJsonArray("invocations").get(0).getAsJsonObject();
        assertEquals(false, invocation.get("executionSuccessful").getAsBoolean());
        JsonObject notification = invocation.getAsJsonArray("toolExecutionNotifications").get(0).getAsJsonObject();
        assertEquals("error", notification.get("level").getAsString());
        assertEquals("not a regular file (a FIFO, device or socket); not read",
                notification.getAsJsonObject("message").get("text").getAsString());
    }

    @Test
    void sarifNamesFilesRelativeToTheBase(@TempDir Path dir) throws Exception {
        Path card = write(dir, "models/nuclei net/README.md", CARD);
        StringWriter out = new StringWriter();
        Configs configs = new Configs(PackRegistry.bundled(), null, List.of(), null,
                new PrintWriter(new StringWriter()));
        CardRun run = new CardRun(configs, CardRun.ENGINE, false, false, new PrintWriter(new StringWriter()),
                Progress.QUIET);
        Summary summary = run.run(CardFiles.inputs(List.of(dir)),
                new SarifOutput(new PrintWriter(out), dir, "1.2.3", Main.RULES_URL));
        assertEquals(1, summary.checked());
        assertEquals(Set.of(), validate(out.toString()));
        JsonObject run0 = JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonArray("runs").get(0)
                .getAsJsonObject();
        assertEquals(dir.toUri().toString(), run0.getAsJsonObject("originalUriBaseIds").getAsJsonObject("SRCROOT")
                .get("uri").getAsString());
        assertEquals("{\"uri\":\"models/nuclei%20net/README.md\",\"uriBaseId\":\"SRCROOT\"}", run0
                .getAsJsonArray("results").get(0).getAsJsonObject().getAsJsonArray("locations").get(0)
                .getAsJsonObject().getAsJsonObject("physicalLocation").get("artifactLocation").toString());
        assertEquals("1.2.3", run0.getAsJsonObject("tool").getAsJsonObject("driver").get("version").getAsString());
        assertEquals(card, dir.resolve("models/nuclei net/README.md"));
    }

    @Test
    void githubAnnotationsCarryTheRangeAndEscapeTheirProperties() throws Exception {
        Path card = write(Files.createTempDirectory("gh"), "README.md", CARD.replace("## Intended Use\n", ""));
        Run r = NeverSkipTest.run("check", "--format", "github", card.toString());
        String file = card.toAbsolutePath().toString().replace(":", "%3A").replace(",", "%2C");
        assertEquals(List.of(
                "::warning file=" + file + ",line=1,col=1,endLine=1,endColumn=13,title=modelcard missing-section::"
                        + "Missing section \u201cIntended Use\u201d (## Intended Use), required by the CZI model card "
                        + "template.",
                "::warning file=" + file + ",line=6,col=13,endLine=6,endColumn=16,title=modelcard placeholder::"
                        + "Placeholder \u201cTBD\u201d left in \u201cParameters\u201d (unfinished text marked TBD (to be "
                        + "determined)); replace it with this model's own content (CZI model card template).",
                "1 card checked: 2 warnings."), r.out().lines().toList());
        assertEquals(1, r.exit());
    }

    @Test
    void helpDoesNotCutASentence() {
        Run help = NeverSkipTest.run("--help");
        assertTrue(help.out().contains("check   Check model cards against their templates, for CI and pre-commit.\n"),
                help.out());
        assertTrue(help.out().contains("new     Write a new model card from a template, ready to fill in.\n"),
                help.out());
        Map.of("check", "(each is named on stderr).", "report", "(each is named on stderr and in the page).")
                .forEach((command, end) -> {
                    String text = NeverSkipTest.run(command, "--help").out().replaceAll("\\s+", " ");
                    assertTrue(text.contains(end), text);
                });
    }
}
