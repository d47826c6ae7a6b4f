package dev.modelcard.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcard.CardAssert;
import dev.modelcard.features.Diagnostics;
import dev.modelcard.files.CardText;
import dev.modelcard.pack.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real cards written by others (testdata/corpus): Hugging Face, OpenAI, Meta, CZI, bioimage.io. */
class CorpusTest {
    static final Path CORPUS = Path.of(System.getProperty("modelcard.repo", ".."), "testdata", "corpus");

    static Stream<Path> cards() throws Exception {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Path> md = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
            assertTrue(md.size() >= 16, "the corpus is at " + CORPUS);
            return md.stream();
        }
    }

    /** What each card is taken for, detecting on its own (null: not a model card). */
    private static final java.util.Map<String, String> DETECTED = java.util.Map.ofEntries(
            java.util.Map.entry("01-bert-base-uncased.md", "huggingface-hub"),
            java.util.Map.entry("04-stable-diffusion-v1-4.md", "huggingface"),
            java.util.Map.entry("05-hf-template-whisper-medium-is.md", "huggingface"),
            java.util.Map.entry("06-hf-template-fragment-scifi-sfx.md", "huggingface-hub"),
            java.util.Map.entry("07-trainer-distilbert-emotion.md", "huggingface-trainer"),
            java.util.Map.entry("08-sb3-ppo-lunarlander.md", "huggingface-hub"),
            java.util.Map.entry("09-xlsr-maltese-yaml-placeholder.md", "huggingface-hub"),
            java.util.Map.entry("10-madnet-keras-crlf.md", "huggingface-hub"),
            java.util.Map.entry("11-chatyuan-chinese.md", "huggingface-hub"),
            java.util.Map.entry("12-t5-base-japanese.md", "huggingface-hub"),
            java.util.Map.entry("13-chinese-clip-html-tables.md", "huggingface-hub"),
            java.util.Map.entry("14-front-matter-only.md", "huggingface-hub"));

    /**
     * The Hub cards are Hugging Face cards; the others (Meta's and OpenAI's cards without front matter, a software
     * README, a bioimage.io stub alone) are not model cards of a known template. None gets a CZI or BioImage finding,
     * and none gets a warning or error except the template leftovers and metadata faults really in it.
     */
    @ParameterizedTest
    @MethodSource("cards")
    void eachCardIsTakenForWhatItIs(Path card) throws Exception {
        CheckResult r = CardAssert.CHECKER.check(CardText.read(card), null, CardText.companions(card));
        String name = card.getFileName().toString();
        assertEquals(DETECTED.get(name), r.pack() == null ? null : r.pack().id(), name);
        if (r.pack() == null) {
            assertEquals(List.of(), r.findings());
        }
        String text = CardText.read(card);
        for (var f : r.findings()) {
            if (f.severity() == org.eclipse.lsp4j.DiagnosticSeverity.Warning
                    || f.severity() == org.eclipse.lsp4j.DiagnosticSeverity.Error) {
                String found = text.substring(f.start(), f.end());
                assertTrue(f.code() == Code.PLACEHOLDER && found.matches("(?i)\\[?more information needed\\]?|TODO"
                        + "|Model Card for Model ID|\\{\\w+\\}"), name + ": " + f);
            }
        }
    }

    /** Forced onto each template, every card is checked without a failure and with ranges inside the text. */
    @ParameterizedTest
    @MethodSource("cards")
    void forcedTemplatesGiveValidRanges(Path card) throws Exception {
        String text = CardText.read(card);
        for (String template : List.of("czi", "bioimage-io")) {
            CheckResult r = CardAssert.CHECKER.check(text, template, name -> false);
            var lines = r.card().lines();
            for (Diagnostic d : Diagnostics.of(r.findings(), lines)) {
                var s = d.getRange().getStart();
                var e = d.getRange().getEnd();
                assertTrue(lines.contains(s.getLine(), s.getCharacter()) && lines.contains(e.getLine(), e.getCharacter()),
                        card + ": " + CardAssert.show(d));
                assertTrue(s.getLine() < e.getLine() || s.getLine() == e.getLine() && s.getCharacter() <= e.getCharacter());
            }
        }
    }

    /**
     * Real prose is never taken for pasted guidance, a reworded instruction, a bracketed hint or the template's
     * title, even forced onto a template it does not follow; the near titles found are the sections they name.
     */
    @ParameterizedTest
    @MethodSource("cards")
    void forcedTemplatesFindNoGuidanceInRealProse(Path card) throws Exception {
        String text = CardText.read(card);
        for (String template : List.of("czi", "bioimage-io")) {
            CheckResult r = CardAssert.CHECKER.check(text, template, name -> false);
            List<String> found = r.findings().stream().filter(f -> f.code() == Code.PLACEHOLDER
                    && (f.message().contains("template guidance") || f.message().contains("reworded")
                    || f.message().contains("template's place") || f.message().contains("bracketed hint")
                    || f.message().contains("template's title"))).map(Finding::message).toList();
            assertEquals(List.of(), found, card + " as " + template);
            List<String> near = r.findings().stream().filter(f -> f.code() == Code.SECTION_TITLE)
                    .map(f -> text.substring(f.start(), f.end()) + " -> " + f.section()).distinct().toList();
            assertTrue(near.stream().allMatch(n -> n.matches("(?i)(intended uses? (&|and) limitations -> "
                    + "(intended-use|uses)|training and evaluation data -> training-data)")), card + ": " + near);
        }
    }

    @Test
    void placeholdersInTheHuggingFaceDraftAreFoundWhenForced() throws Exception {
        String text = CardText.read(CORPUS.resolve("05-hf-template-whisper-medium-is.md"));
        long n = CardAssert.CHECKER.check(text, "bioimage-io", name -> false).findings().stream()
                .filter(f -> f.code() == Code.PLACEHOLDER && text.substring(f.start(), f.end())
                        .equals("[More Information Needed]"))
                .count();
        assertEquals(35, n);
    }

    @Test
    void trainerCardPlaceholdersAndSb3CodeBlock() throws Exception {
        String trainer = CardText.read(CORPUS.resolve("07-trainer-distilbert-emotion.md"));
        assertEquals(3, CardAssert.CHECKER.check(trainer, "czi", n -> false).findings().stream()
                .filter(f -> trainer.substring(f.start(), f.end()).equals("More information needed")).count());
        String sb3 = CardText.read(CORPUS.resolve("08-sb3-ppo-lunarlander.md"));
        List<String> found = CardAssert.CHECKER.check(sb3, "czi", n -> false).findings().stream()
                .filter(f -> f.code() == Code.PLACEHOLDER).map(f -> sb3.substring(f.start(), f.end())).toList();
        assertEquals(List.of("TODO"), found); // the '...' lines inside the fenced block are code
    }

    @Test
    void bioimageStubWithItsRdfBesideItIsABioimageCard(@TempDir Path dir) throws Exception {
        Files.copy(CORPUS.resolve("16-bioimageio-unet2d-nuclei-broad.md"), dir.resolve("README.md"));
        Files.copy(CORPUS.resolve("16-bioimageio-unet2d-nuclei-broad.rdf.yaml"), dir.resolve("rdf.yaml"));
        Path card = dir.resolve("README.md");
        CheckResult r = CardAssert.CHECKER.check(CardText.read(card), null, CardText.companions(card));
        assertEquals("bioimage-io", r.pack().id());
        // Every top-level required section is missing, each reported once at the title.
        assertEquals(11, r.findings().size()); // 9 required, Table of Contents and Glossary recommended
        assertTrue(r.findings().stream().allMatch(f -> f.code() == Code.MISSING_SECTION && f.start() == 0));
    }
}
