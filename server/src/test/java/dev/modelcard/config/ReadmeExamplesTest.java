package dev.modelcard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcard.check.CardChecker;
import dev.modelcard.check.CheckResult;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.text.LineIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration and team pack the README shows work as written: a new user copies them. */
class ReadmeExamplesTest {
    private static final Path README = Path.of(System.getProperty("modelcard.repo", ".."), "README.md");

    /** The README's YAML block whose first line is {@code # NAME}. */
    private static String block(String name) throws Exception {
        Matcher m = Pattern.compile("```yaml\\n# " + Pattern.quote(name) + ".*?\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(README));
        assertTrue(m.find(), "README has a ```yaml block starting with # " + name);
        return m.group(1);
    }

    @Test
    void theDocumentedConfigurationAndTeamPackLoadAndApply(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("team"));
        Files.writeString(dir.resolve("models/.modelcard.yaml"), block("models/.modelcard.yaml"));
        Files.writeString(dir.resolve("team/institute.yaml"), block("team/institute.yaml"));
        Files.writeString(dir.resolve("team/modelcard.yaml"), "template: institute\n");

        ProjectConfig config = ConfigLoader.fromDisk().load(dir.resolve("models/.modelcard.yaml"));
        assertEquals(java.util.List.of(), config.problems());
        assertEquals("czi", config.template(), "the file's own template wins over the one it extends");
        assertTrue(config.ignores(dir.resolve("models/third_party/x/README.md")));

        PackRegistry packs = PackRegistry.withFiles(config.packs());
        assertEquals(java.util.List.of(), packs.problems());
        CardChecker checker = new CardChecker(packs, (m, e) -> {
            throw new AssertionError(m, e);
        });
        String card = "# Tiny\n\n## Model Details\n\nAsk [Lab name]. TBD.\n";
        CheckResult r = checker.check(card, new LineIndex(card), config.options().withTemplate("institute"),
                n -> false, () -> false);
        assertEquals("Example Institute model card template", r.pack().name());
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("Data Availability")),
                "the added section is required");
        assertEquals(java.util.List.of("placeholder [Lab name]"), r.findings().stream()
                .filter(f -> f.code().id().equals("placeholder"))
                .map(f -> "placeholder " + card.substring(f.start(), f.end())).toList(), "TBD is accepted");
    }
}
