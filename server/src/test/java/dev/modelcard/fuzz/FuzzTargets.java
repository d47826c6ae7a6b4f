package dev.modelcard.fuzz;

import dev.modelcard.CardAssert;
import dev.modelcard.Cards;
import dev.modelcard.check.CheckResult;
import dev.modelcard.config.ConfigLoader;
import dev.modelcard.config.ProjectConfig;
import dev.modelcard.features.Diagnostics;
import dev.modelcard.features.Outlines;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.text.LineIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What the fuzzers drive, kept apart from the fuzzer so that the inputs it found run as plain regression tests:
 * each target must return normally for any input (a finding or a problem is fine, an exception is not).
 */
final class FuzzTargets {
    private FuzzTargets() {}

    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** A card: checked (detected and as a CZI card), its diagnostics, outline and folding. */
    static void card(byte[] data) {
        String text = text(data);
        LineIndex lines = new LineIndex(text);
        for (String template : new String[] {null, "czi"}) {
            CheckResult r = CardAssert.CHECKER.check(text, lines, template, n -> false, () -> false);
            Diagnostics.of(r.findings(), lines);
            Outlines.symbols(r, () -> false);
            Outlines.folding(r.card(), () -> false);
        }
    }

    /** Front matter above a complete card. */
    static void frontMatter(byte[] data) {
        card(("---\n" + text(data) + "\n---\n" + Cards.CZI).getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code .modelcard.yaml}: read, its options made, its globs run. */
    static void config(byte[] data) {
        Path file = Path.of("/nonexistent/ws/.modelcard.yaml");
        ProjectConfig c = new ConfigLoader(p -> false, p -> null).parse(text(data), file);
        c.options();
        c.ignores(Path.of("/nonexistent/ws/models/a/README.md"));
    }

    /** A rule pack, linked against the bundled packs. */
    static void pack(byte[] data) {
        PackRegistry.problemsOf("/nonexistent/fuzz.yaml", text(data));
    }
}
