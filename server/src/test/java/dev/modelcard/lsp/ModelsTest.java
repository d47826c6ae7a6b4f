package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.modelcard.check.CardChecker;
import dev.modelcard.check.CheckResult;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.text.TextDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checked model of each open document, and what a new version of it starts from. */
class ModelsTest {
    private static final CardChecker CHECKER = new CardChecker(PackRegistry.bundled(), (m, e) -> {
        throw new AssertionError(m, e);
    });

    @Test
    void aCardWhoseConfigurationAddsPlaceholdersIsCheckedAgainstOnePackFromVersionToVersion(@TempDir Path ws)
            throws Exception {
        // Extra placeholders make a pack of their own from the template's: one per configuration, not per check,
        // so that each edit starts from the outline and the section findings of the version before.
        Files.writeString(ws.resolve(".modelcard.yaml"), "placeholders:\n  add:\n    - text: \"lorem\"\n");
        Path card = ws.resolve("README.md");
        Files.writeString(card, ConfigProtocolTest.CARD);
        Projects projects = new Projects(() -> Settings.DEFAULT, uri -> null, () -> CHECKER, m -> {}, (m, e) -> {});
        projects.setRoots(List.of(ws));
        Models models = new Models(projects);
        TextDocument v1 = new TextDocument(card.toUri().toString(), 1, ConfigProtocolTest.CARD + "lorem\n");
        CheckResult first = models.of(v1, () -> false);
        TextDocument v2 = v1.apply(List.of(new TextDocumentContentChangeEvent(
                new Range(new Position(0, 0), new Position(0, 0)), "x")), 2, w -> {});
        CheckResult second = models.of(v2, () -> false);
        assertSame(first.pack(), second.pack());
        assertNotSame(CHECKER.packs().get("czi").orElseThrow(), second.pack(), "the configuration's own pack");
        assertEquals(first.findings().size(), second.findings().size());
    }
}
