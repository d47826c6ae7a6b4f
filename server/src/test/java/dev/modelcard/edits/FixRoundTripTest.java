package dev.modelcard.edits;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.modelcard.CardAssert;
import dev.modelcard.check.CheckResult;
import dev.modelcard.check.Finding;
import dev.modelcard.files.CardText;
import dev.modelcard.pack.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every offered fix, applied alone and re-checked, removes what it fixes and adds no structural problem: the
 * drafts in examples/, the raw templates, every corpus card read as each template and as detected, and the
 * Hub cards in testdata/corpus-hf, in LF and CRLF.
 */
class FixRoundTripTest {
    static final Path REPO = Path.of(System.getProperty("modelcard.repo", ".."));
    static final Path TESTDATA = REPO.resolve("testdata");
    private static final Set<Code> STRUCTURAL =
            EnumSet.of(Code.MISSING_SECTION, Code.HEADING_LEVEL, Code.DUPLICATE_SECTION, Code.SECTION_ORDER);

    static Stream<Arguments> cards() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (String draft : List.of("czi-draft", "bioimage-draft", "czi-complete", "bioimage-complete")) {
            out.add(Arguments.of(REPO.resolve("examples/" + draft + "/README.md"), null));
        }
        out.add(Arguments.of(TESTDATA.resolve("templates/czi-model-card-template.md"), "czi"));
        out.add(Arguments.of(TESTDATA.resolve("templates/bioimage-model-zoo-model-card-template.md"), "bioimage-io"));
        try (Stream<Path> files = Files.list(TESTDATA.resolve("corpus"))) {
            for (Path card : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                out.add(Arguments.of(card, "czi"));
                out.add(Arguments.of(card, "bioimage-io"));
                out.add(Arguments.of(card, null)); // the Hub cards as what they are
            }
        }
        try (Stream<Path> folders = Files.list(TESTDATA.resolve("corpus-hf"))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                out.add(Arguments.of(folder.resolve("README.md"), null));
            }
        }
        out.add(Arguments.of(TESTDATA.resolve("templates/hf_modelcard_template.md"), "huggingface"));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cards")
    void everyFixRemovesItsFindingAndAddsNoStructuralOne(Path card, String template) throws Exception {
        String text = CardText.read(card);
        roundTrip(card + " (LF)", text.replace("\r\n", "\n"), template, CardText.companions(card));
        roundTrip(card + " (CRLF)", text.replace("\r\n", "\n").replace("\n", "\r\n"), template,
                CardText.companions(card));
    }

    private static void roundTrip(String name, String text, String template,
            java.util.function.Predicate<String> companions) {
        CheckResult before = CardAssert.CHECKER.check(text, template, companions);
        if (before.pack() == null) {
            return;
        }
        int fixes = 0;
        for (Finding f : before.findings()) {
            for (Fix fix : QuickFixes.of(before, f)) {
                fixes++;
                check(name, before, fix, text, template, companions, f);
            }
            for (Fix fix : DisableFixes.of(before, f)) {
                check(name, before, fix, text, template, companions, f);
            }
        }
        SourceFixes.insertMissing(before).ifPresent(fix -> check(name, before, fix, text, template, companions, null));
        SourceFixes.tableOfContents(before).ifPresent(fix -> check(name, before, fix, text, template, companions,
                null));
        assertTrue(fixes > 0 || before.findings().isEmpty() || before.findings().stream()
                .allMatch(f -> f.code() == Code.PLACEHOLDER || f.code() == Code.EMPTY_SECTION
                        || f.code() == Code.DUPLICATE_SECTION || f.code() == Code.SECTION_ORDER
                        || f.code() == Code.FRONT_MATTER || f.replacement() == null && (f.code() == Code.METADATA
                        || f.code() == Code.METADATA_UNKNOWN)), name + ": no fix offered");
    }

    private static void check(String name, CheckResult before, Fix fix, String text, String template,
            java.util.function.Predicate<String> companions, Finding fixed) {
        String after = Edit.apply(text, fix.edits());
        String eol = LineEnding.of(text);
        for (Edit e : fix.edits()) {
            String bare = e.text().replace(eol, "");
            if (bare.indexOf('\n') >= 0 || bare.indexOf('\r') >= 0) {
                fail(name + ": " + fix.title() + " writes another line ending than the card's");
            }
        }
        CheckResult r = CardAssert.CHECKER.check(after, template == null ? before.pack().id() : template, companions);
        Map<String, Integer> was = count(before.findings());
        Map<String, Integer> now = count(r.findings());
        String where = name + ": after \u201c" + fix.title() + "\u201d";
        if (fixed != null) {
            String key = key(fixed);
            assertTrue(now.getOrDefault(key, 0) < was.get(key), where + " still: " + fixed.message());
        } else if (fix.kind().equals(Fix.INSERT_MISSING)) {
            assertTrue(r.findings().stream().noneMatch(f -> f.code() == Code.MISSING_SECTION),
                    where + " still: " + r.findings());
        } else {
            assertTrue(SourceFixes.tableOfContents(r).isEmpty(), where + " the contents are still not current");
        }
        for (Finding f : r.findings()) {
            if (STRUCTURAL.contains(f.code()) && now.get(key(f)) > was.getOrDefault(key(f), 0)) {
                fail(where + " new: " + f.code().id() + " " + f.message() + "\nedits: " + fix.edits());
            }
        }
    }

    private static Map<String, Integer> count(List<Finding> findings) {
        Map<String, Integer> m = new HashMap<>();
        findings.forEach(f -> m.merge(key(f), 1, Integer::sum));
        return m;
    }

    /** Structural findings by section (their messages name neighbours and lines, which an insert shifts). */
    private static String key(Finding f) {
        return f.code().id() + " " + (STRUCTURAL.contains(f.code()) && f.section() != null ? f.section() : f.message());
    }
}
