package dev.modelcard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcard.CardAssert;
import dev.modelcard.Cards;
import dev.modelcard.check.CheckResult;
import dev.modelcard.pack.PackProblem;
import dev.modelcard.text.LineIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding, reading and merging {@code .modelcard.yaml}, and what it does to a check. */
class ConfigTest {
    /** Placeholders on lines 5 and 7, a wrong heading level on line 6. */
    private static final String CARD = Cards.CZI.replace("15 million.", "TBD").replace("### Citation", "#### Citation")
            .replace("Doe et al. 2025.", "TODO");

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static List<String> check(String card, ProjectConfig config) {
        CheckResult r = CardAssert.CHECKER.check(card, new LineIndex(card), config.options().withTemplate("czi"),
                n -> false, () -> false);
        return r.findings().stream().map(f -> r.card().lines().lineOf(f.start()) + " " + f.code().id() + " "
                + f.severity()).toList();
    }

    private static List<String> problems(ProjectConfig c) {
        return c.problems().stream().map(p -> Path.of(p.file()).getFileName() + ":" + p.line() + ":" + p.column()
                + ": " + p.message()).toList();
    }

    @Test
    void theNearestFileWinsAndTheSearchStopsAtTheRepository(@TempDir Path dir) throws Exception {
        write(dir, ".modelcard.yaml", "rules: {placeholder: off}\n");
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        Path outer = write(repo, ".modelcard.yaml", "rules: {heading-level: off}\n");
        Path inner = write(repo, "models/a/.modelcard.yaml", "template: czi\n");
        Path card = write(repo, "models/a/deep/README.md", CARD);
        assertEquals(Optional.of(inner), ConfigFinder.nearest(card, null));
        assertEquals(Optional.of(outer), ConfigFinder.nearest(write(repo, "models/b/README.md", CARD), null));
        Files.delete(outer);
        assertEquals(Optional.empty(), ConfigFinder.nearest(repo.resolve("models/b/README.md"), null),
                "not above the folder holding .git");
        assertEquals(Optional.empty(), ConfigFinder.nearest(card, repo.resolve("models/a/deep")),
                "not above the workspace folder");
    }

    @Test
    void extendsMergesUnderTheFileAndClientSettingsGoUnderBoth(@TempDir Path dir) throws Exception {
        write(dir, "team/base.yaml", "template: bioimage-io\nrules:\n  placeholder: error\n  heading-level: off\n"
                + "placeholders:\n  accept: [tbd]\n");
        Path file = write(dir, "models/.modelcard.yaml", "extends: ../team/base.yaml\ntemplate: czi\n"
                + "rules:\n  heading-level: hint\n");
        ProjectConfig fromFile = ConfigLoader.fromDisk().load(file);
        assertEquals(List.of(), problems(fromFile));
        assertEquals("czi", fromFile.template());
        ProjectConfig settings = ConfigLoader.settings("{\"rules\": {\"placeholder\": \"information\", "
                + "\"empty-section\": \"off\"}, \"template\": \"bioimage-io\"}", dir, "settings");
        ProjectConfig effective = settings.with(fromFile);
        assertEquals("czi", effective.template(), "the file wins over the client");
        assertEquals(List.of("6 heading-level Hint", "7 placeholder Error"), check(CARD, effective),
                "TBD accepted by the base; placeholder error from the base over the client's information");
    }

    @Test
    void inlineCommentsWinOverTheFile(@TempDir Path dir) throws Exception {
        ProjectConfig c = ConfigLoader.fromDisk().load(write(dir, ".modelcard.yaml", "rules: {placeholder: error}\n"));
        String card = CARD.replace("TODO", "<!-- modelcard-disable-next-line placeholder -->\nTODO");
        assertEquals(List.of("5 placeholder Error", "6 heading-level Information"), check(card, c));
    }

    @Test
    void extraPlaceholdersAndGlossaryTermsJoinThePacks(@TempDir Path dir) throws Exception {
        ProjectConfig c = ConfigLoader.fromDisk().load(write(dir, ".modelcard.yaml", """
                placeholders:
                  add:
                    - text: "[Lab name]"
                      description: the lab's name
                glossary:
                  - term: FOV
                    definition: Field of view
                """));
        String card = Cards.CZI.replace("Clinical diagnosis.", "Ask [Lab name].");
        assertEquals(List.of("12 placeholder Warning"), check(card, c));
        assertEquals("FOV", c.options().glossary().get(0).term());
    }

    @Test
    void ignoreGlobsAreRelativeToTheirFile(@TempDir Path dir) throws Exception {
        ProjectConfig c = ConfigLoader.fromDisk().load(write(dir, ".modelcard.yaml",
                "ignore: [\"vendor/**\", \"*.draft.modelcard.md\"]\n"));
        assertTrue(c.ignores(dir.resolve("vendor/x/README.md")));
        assertTrue(c.ignores(dir.resolve("a.draft.modelcard.md")));
        assertTrue(!c.ignores(dir.resolve("models/README.md")));
    }

    @Test
    void everyProblemIsReportedAtItsPlace(@TempDir Path dir) throws Exception {
        ProjectConfig c = ConfigLoader.fromDisk().load(write(dir, ".modelcard.yaml", """
                templat: czi
                rules:
                  placeholder: loud
                  placeholders: off
                packs: [missing.yaml]
                placeholders:
                  add:
                    - regex: "[unclosed"
                  accept: [{regex: "("}]
                glossary:
                  - term: FOV
                ignore: 3
                """));
        assertEquals(List.of(
                ".modelcard.yaml:1:1: unknown key 'templat' in a configuration; did you mean 'template'?",
                ".modelcard.yaml:3:16: 'placeholder' must be one of [off, error, warning, information, hint], not 'loud'",
                ".modelcard.yaml:4:3: unknown rule 'placeholders' in 'rules'; did you mean 'placeholder'? Known: "
                        + "[missing-section, empty-section, placeholder, heading-level, duplicate-section, "
                        + "section-order, section-title, front-matter, unknown-rule, metadata, metadata-key, metadata-unknown]",
                ".modelcard.yaml:5:9: pack 'missing.yaml' cannot be read (" + dir.resolve("missing.yaml") + ")",
                ".modelcard.yaml:8:14: 'regex' is not a valid regular expression: Unclosed character class",
                ".modelcard.yaml:9:20: 'regex' is not a valid regular expression: Unclosed group",
                ".modelcard.yaml:11:5: missing required key 'definition'",
                ".modelcard.yaml:12:9: 'ignore' must be a list"), problems(c));
    }

    /** A misspelt template would make every card "not a model card", silently: it is an error at its value. */
    @Test
    void anUnknownTemplateIsAnErrorAtItsValue(@TempDir Path dir) throws Exception {
        List<String> problems = problems(ConfigLoader.fromDisk().load(write(dir, ".modelcard.yaml",
                "rules: {}\ntemplate: cziz\n")));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith(".modelcard.yaml:2:11: unknown template 'cziz'; did you mean 'czi'? "
                + "Known: ["), problems.get(0));
        // A pack of the configuration's own is a template too (its id is its file name).
        write(dir, "team/institute.yaml", "id: institute\nextends: czi\n");
        assertEquals(List.of(), problems(ConfigLoader.fromDisk().load(write(dir, "team/.modelcard.yaml",
                "template: institute\npacks: [institute.yaml]\n"))));
        assertEquals(List.of(), problems(ConfigLoader.fromDisk().load(write(dir, "auto/.modelcard.yaml",
                "template: auto\n"))));
    }

    @Test
    void pathsOutsideTheWorkspaceAreRefused(@TempDir Path dir) throws Exception {
        write(dir, "outside/pack.yaml", "id: pack\n");
        Path workspace = dir.resolve("ws");
        Path file = write(workspace, ".modelcard.yaml", "extends: ../outside/base.yaml\npacks: [../outside/pack.yaml]\n");
        write(dir, "outside/base.yaml", "template: czi\n");
        ProjectConfig c = new ConfigLoader(p -> p.startsWith(workspace), ConfigLoader::readDisk).load(file);
        assertEquals(List.of(
                ".modelcard.yaml:1:10: 'extends' points outside the workspace (" + dir.resolve("outside/base.yaml")
                        + "); refused",
                ".modelcard.yaml:2:9: pack '../outside/pack.yaml' is outside the workspace ("
                        + dir.resolve("outside/pack.yaml") + "); refused"), problems(c));
        assertEquals(null, c.template());
        assertEquals(List.of(), c.packs());
    }

    @Test
    void anExtendsCycleIsAProblemNotAHang(@TempDir Path dir) throws Exception {
        write(dir, "a.yaml", "extends: b.yaml\n");
        write(dir, "b.yaml", "extends: a.yaml\n");
        List<String> p = problems(ConfigLoader.fromDisk().load(dir.resolve("a.yaml")));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("b.yaml:1:10: 'extends' makes a cycle"), p.get(0));
    }

    @Test
    void anAliasBombIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (int i = 1; i < 30; i++) {
            char prev = (char) ('a' + (i - 1) % 26);
            bomb.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ",").append(i == 1 ? "*a" : "*l" + (i - 1));
            }
            bomb.append("]\n");
        }
        Path file = write(dir, ".modelcard.yaml", bomb.toString());
        // A guard against a hang, not a benchmark: the limit refuses the file before it expands.
        List<PackProblem> p = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> ConfigLoader.fromDisk().load(file).problems());
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().startsWith("YAML"), p.get(0).message());
    }

    @Test
    void deepNestingIsRefusedWhereItGoesTooDeep(@TempDir Path dir) throws Exception {
        Path file = write(dir, ".modelcard.yaml", "rules: " + "[".repeat(10_000) + "\n");
        assertEquals(List.of(".modelcard.yaml:1:72: configuration is nested deeper than 64 levels; refused"),
                problems(ConfigLoader.fromDisk().load(file)));
    }

    @Test
    void aPatternThatBacktracksWithoutEndIsStoppedAndTheRestStillReported(@TempDir Path dir) throws Exception {
        ProjectConfig c = ConfigLoader.fromDisk().load(write(dir, ".modelcard.yaml",
                "placeholders:\n  add:\n    - regex: '(.*a){20}x'\n"));
        String card = CARD.replace("A two-layer transformer.", "a".repeat(40) + "!");
        List<String> logged = new java.util.ArrayList<>();
        var checker = new dev.modelcard.check.CardChecker(dev.modelcard.pack.PackRegistry.bundled(),
                (m, e) -> logged.add(e == null ? m : m + ": " + e.getMessage()));
        CheckResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> checker.check(card, new LineIndex(card), c.options().withTemplate("czi"), n -> false, () -> false));
        assertEquals(3, r.findings().size(), "the bundled patterns still found TBD, TODO and the level");
        assertEquals(List.of("user patterns skipped on this card: the pattern (.*a){20}x backtracks too much on this "
                + "card; it was skipped"), logged);
    }
}
