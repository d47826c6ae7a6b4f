package dev.modelcard.check;

import static dev.modelcard.CardAssert.E;
import static dev.modelcard.CardAssert.I;
import static dev.modelcard.CardAssert.W;
import static dev.modelcard.CardAssert.assertSame;
import static dev.modelcard.CardAssert.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.modelcard.CardAssert;
import dev.modelcard.features.Diagnostics;
import dev.modelcard.files.CardText;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;

/** The bundled examples/, checked exactly as the quick start runs them (template detected, companions seen). */
class ExamplesTest {
    static final Path EXAMPLES = Path.of(System.getProperty("modelcard.repo", ".."), "examples");

    private static CheckResult check(String folder) throws Exception {
        Path card = EXAMPLES.resolve(folder).resolve("README.md");
        return CardAssert.CHECKER.check(CardText.read(card), null, CardText.companions(card));
    }

    private static List<Diagnostic> diagnostics(CheckResult r) {
        return Diagnostics.of(r.findings(), r.card().lines());
    }

    @Test
    void completeCardsAreClean() throws Exception {
        CheckResult czi = check("czi-complete");
        assertEquals("czi", czi.pack().id());
        assertEquals(List.of(), diagnostics(czi));
        CheckResult bio = check("bioimage-complete");
        assertEquals("bioimage-io", bio.pack().id());
        assertEquals(List.of(), diagnostics(bio));
    }

    @Test
    void plainReadmeIsNotAModelCard() throws Exception {
        CheckResult r = check("plain-readme");
        assertNull(r.pack());
        assertEquals(List.of(), r.findings());
    }

    @Test
    void huggingFaceDraft() throws Exception {
        CheckResult r = check("huggingface-draft");
        assertEquals("huggingface", r.pack().id());
        assertSame(List.of(
                d(1, 9, 1, 12, "metadata", E),          // license: MIT
                d(4, 2, 4, 4, "metadata", E),           // language jp
                d(5, 14, 5, 33, "metadata", E),         // pipeline_tag misspelt
                d(7, 12, 7, 40, "metadata", E),         // base_model: a local path
                d(15, 4, 15, 11, "metadata", E),        // model-index dataset without type
                d(22, 0, 22, 31, "missing-section", I), // Environmental Impact
                d(35, 39, 35, 64, "placeholder", W),
                d(45, 0, 45, 25, "placeholder", W),
                d(53, 107, 53, 130, "placeholder", W),  // the template's "More information needed ..."
                d(62, 0, 62, 19, "missing-section", I), // Training Procedure
                d(66, 0, 66, 25, "placeholder", W),
                d(68, 0, 68, 13, "missing-section", I), // Testing Data, Factors & Metrics
                d(68, 0, 68, 13, "missing-section", I)), // Results
                diagnostics(r));
    }

    @Test
    void cziDraft() throws Exception {
        CheckResult r = check("czi-draft");
        assertEquals("czi", r.pack().id());
        assertSame(List.of(
                d(0, 0, 0, 20, "missing-section", W),   // Performance Metrics (its three children not repeated)
                d(23, 0, 23, 3, "placeholder", W),      // Parameters: ...
                d(33, 0, 33, 3, "placeholder", W),      // Citation: ...
                d(46, 4, 46, 42, "empty-section", W),   // Out-of-Scope or Unauthorized Use Cases: comment only
                d(61, 0, 61, 16, "missing-section", W), // Training Procedure, under Training Data
                d(64, 175, 64, 179, "placeholder", W),  // TODO in prose
                d(131, 0, 131, 3, "placeholder", W),    // Limitations: TBD
                d(150, 0, 150, 20, "heading-level", I)), // ### Acknowledgements
                diagnostics(r));
    }

    @Test
    void bioimageDraft() throws Exception {
        CheckResult r = check("bioimage-draft");
        assertEquals("bioimage-io", r.pack().id());
        assertSame(List.of(
                d(0, 0, 0, 14, "missing-section", W),   // Task Details
                d(0, 0, 0, 14, "missing-section", W),   // Environmental Impact
                d(0, 2, 0, 14, "placeholder", W),       // [Model Name]
                d(2, 0, 2, 51, "placeholder", W),       // *Brief 1-2 sentence summary ...*
                d(20, 0, 20, 139, "placeholder", W),    // Model Description instruction
                d(23, 17, 23, 63, "placeholder", W),    // Funded by hint
                d(24, 17, 24, 67, "placeholder", W),    // Shared by hint
                d(28, 28, 28, 56, "placeholder", W),    // Finetuned from model hint
                d(44, 3, 44, 17, "empty-section", W),   // Downstream Use
                d(48, 0, 48, 110, "placeholder", W),    // Out-of-Scope Use instruction
                d(50, 0, 50, 11, "placeholder", W),     // *Examples:*
                d(51, 2, 51, 40, "placeholder", W),
                d(52, 2, 52, 69, "placeholder", W),
                d(53, 2, 53, 76, "placeholder", W),
                d(55, 0, 55, 30, "missing-section", W), // Risks, under Bias, Risks, and Limitations
                d(133, 0, 133, 29, "section-order", I), // Societal Impact Assessment before Results
                d(141, 0, 141, 52, "placeholder", W),
                d(145, 11, 145, 22, "placeholder", W),  // 0.XX ± 0.XX, eight times
                d(145, 25, 145, 36, "placeholder", W),
                d(145, 39, 145, 50, "placeholder", W),
                d(145, 53, 145, 64, "placeholder", W),
                d(146, 11, 146, 22, "placeholder", W),
                d(146, 25, 146, 36, "placeholder", W),
                d(146, 39, 146, 50, "placeholder", W),
                d(146, 53, 146, 64, "placeholder", W),
                d(169, 0, 169, 35, "placeholder", W),
                d(172, 15, 172, 51, "placeholder", W),
                d(178, 33, 178, 64, "placeholder", W),
                d(182, 0, 182, 56, "placeholder", W),
                d(201, 0, 201, 31, "placeholder", W)),
                diagnostics(r));
        assertEquals("Missing section \u201cTask Details\u201d (# Task Details), required by the BioImage Model Zoo "
                + "model card template.", diagnostics(r).get(0).getMessage());
    }
}
