package dev.modelcard.check;

import static dev.modelcard.CardAssert.E;
import static dev.modelcard.CardAssert.I;
import static dev.modelcard.CardAssert.W;
import static dev.modelcard.CardAssert.covered;
import static dev.modelcard.CardAssert.d;
import static dev.modelcard.CardAssert.testDiagnosticsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.modelcard.CardAssert;
import dev.modelcard.features.Completeness;
import dev.modelcard.features.Diagnostics;
import dev.modelcard.files.CardText;
import dev.modelcard.pack.Code;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hugging Face cards: detection, the three packs, their placeholders and the Hub's metadata rules. */
class HuggingFaceCardsTest {
    private static final Path TESTDATA = Path.of(System.getProperty("modelcard.repo", ".."), "testdata");

    private static String detect(String text) {
        CheckResult r = CardAssert.CHECKER.check(text, null, n -> false);
        return r.pack() == null ? null : r.pack().id();
    }

    private static CheckResult check(Path file) throws Exception {
        return CardAssert.CHECKER.check(CardText.read(file), null, n -> false);
    }

    /** The findings as "code severity: covered text", in order. */
    private static List<String> found(String text, String template) {
        CheckResult r = CardAssert.CHECKER.check(text, template, n -> false);
        return Diagnostics.of(r.findings(), r.card().lines()).stream()
                .map(d -> d.getCode().getLeft() + " " + d.getSeverity() + ": " + covered(text, d)).toList();
    }

    // ---- detection ----

    @Test
    void hubFrontMatterMakesAHubCard() {
        assertEquals("huggingface-hub", detect("---\nlicense: mit\n---\n# My model\n\nIt classifies cats.\n"));
        assertEquals("huggingface-hub", detect("---\ntags:\n- audio\nlibrary_name: espnet\n---\n# Model\n"));
    }

    @Test
    void withoutFrontMatterTheTemplatesStockLeftoversMarkAHubCard() {
        assertEquals("huggingface-hub", detect("# Model\n\n## Usage\n\n[More Information Needed]\n"));
        assertEquals(List.of("placeholder Warning: [More Information Needed]"),
                found("# Model\n\n## Usage\n\n[More Information Needed]\n", null));
    }

    @Test
    void otherFrontMatterAndPlainReadmesStaySilent() {
        assertNull(detect("---\nlayout: post\ntitle: Our new model\ndate: 2024-01-02\ntags: [ml]\n---\n# Post\n"));
        assertNull(detect("---\ntitle: Demo\nemoji: 🚀\nsdk: gradio\nlicense: mit\n---\n# A Space\n"));
        assertNull(detect("---\nlicense: cc-by-4.0\ntask_categories: [translation]\n---\n# A dataset\n"));
        assertNull(detect("# my-tool\n\n## Installation\n\n`pip install my-tool`\n\n## Usage\n\nRun it.\n"));
    }

    @Test
    void theAnnotatedTemplateAndTheTrainerCardAreKnownByTheirHeadings() throws Exception {
        assertEquals("huggingface", check(TESTDATA.resolve("corpus/05-hf-template-whisper-medium-is.md")).pack().id());
        assertEquals("huggingface-trainer", check(TESTDATA.resolve("corpus/07-trainer-distilbert-emotion.md")).pack().id());
        // Without front matter too: the headings alone.
        assertEquals("huggingface-trainer", detect("# m\n\n## Model description\n\nx\n\n## Intended uses & limitations\n\n"
                + "x\n\n## Training and evaluation data\n\nx\n\n## Training procedure\n\n### Training hyperparameters\n\n"
                + "x\n\n### Framework versions\n\n- Transformers 4.30\n"));
    }

    @Test
    void oneDistinctiveBioimageHeadingDoesNotMakeAHubCardABioimageCard() {
        String card = "---\nlicense: mit\n---\n# Model\n\n## Model Details\n\nx\n\n### Model Description\n\nx\n\n"
                + "## Uses\n\nx\n\n## Training Details\n\nx\n\n### Training Data\n\nx\n\n## Known Biases\n\nx\n";
        assertEquals("huggingface-hub", detect(card));
        assertEquals("bioimage-io", detect(card.replace("---\nlicense: mit\n---\n", "")),
                "without Hub metadata the same headings are a BioImage draft, as before");
    }

    @Test
    void libraryCardsGetNoStructuralFindings() throws Exception {
        CheckResult sentenceTransformers = check(TESTDATA.resolve("corpus-hf/0139/README.md"));
        assertEquals("huggingface-hub", sentenceTransformers.pack().id());
        assertEquals(List.of(), sentenceTransformers.findings());
        // An empty "datasets:" is absent to the Hub; the card's two real TODO lines are still found.
        String wavlm = CardText.read(TESTDATA.resolve("corpus-hf/1376/README.md"));
        assertEquals(List.of("placeholder Warning: TODO", "placeholder Warning: TODO"), found(wavlm, null));
        CheckResult espnet = check(TESTDATA.resolve("corpus-hf/0668/README.md"));
        assertEquals(List.of(Code.METADATA_UNKNOWN), espnet.findings().stream().map(Finding::code).toList());
        assertEquals(I, espnet.findings().get(0).severity());
        assertEquals("any layout: metadata and leftovers checked",
                Completeness.of(espnet).label().replace("Hugging Face card \u00b7 ", ""));
    }

    // ---- placeholders ----

    @Test
    void everyTemplateDefaultIsAPlaceholder() throws Exception {
        String text = CardText.read(TESTDATA.resolve("corpus/05-hf-template-whisper-medium-is.md"));
        Map<String, Long> counts = found(text, null).stream().filter(s -> s.startsWith("placeholder"))
                .collect(Collectors.groupingBy(s -> s.substring(s.indexOf(": ") + 2), Collectors.counting()));
        assertEquals(35L, counts.get("[More Information Needed]"));
        assertEquals(1L, counts.get("More information needed"));
        assertEquals(1L, counts.get("Model Card for Model ID"));
    }

    @Test
    void placeholderFormsAtExactRanges() {
        String card = "---\nlicense: mit\n---\n# Model Card for {{ model_id }}\n\nThis model is a fine-tuned version of "
                + "[bert](https://huggingface.co/bert) on the None dataset.\n\n## Model description\n\nMore information "
                + "needed\n\n```\n[More Information Needed]\n```\n\n- **Developed by:** [More Information Needed]\n";
        assertEquals(List.of("placeholder Warning: {{ model_id }}", "placeholder Warning: on the None dataset",
                "placeholder Warning: More information needed", "placeholder Warning: [More Information Needed]"),
                found(card, null));
        testDiagnosticsFor(card, null, d(3, 17, 3, 31, "placeholder", W), d(5, 74, 5, 93, "placeholder", W),
                d(9, 0, 9, 23, "placeholder", W), d(15, 20, 15, 45, "placeholder", W));
        String stock = "---\nlicense: mit\n---\n# Model Card for Model ID\n\nThis modelcard aims to be a base "
                + "template for new models. It has been generated using [this raw template](https://x).\n";
        testDiagnosticsFor(stock, null, d(3, 2, 3, 25, "placeholder", W), d(5, 0, 5, 57, "placeholder", W));
    }

    @Test
    void theTrainerCardsUnfilledLinesAreReported() throws Exception {
        String text = CardText.read(TESTDATA.resolve("corpus/07-trainer-distilbert-emotion.md"));
        assertEquals(List.of("placeholder Warning: More information needed",
                "placeholder Warning: More information needed", "placeholder Warning: More information needed"),
                found(text, null));
    }

    // ---- metadata, as the Hub checks it ----

    private static final String BODY = "# Model\n\nIt classifies cats.\n";

    private static List<String> metadata(String yaml) {
        return found("---\n" + yaml + "---\n" + BODY, null);
    }

    @Test
    void licenseMustBeAHubIdExactly() {
        testDiagnosticsFor("---\nlicense: MIT\n---\n" + BODY, null, d(1, 9, 1, 12, "metadata", E));
        assertEquals(List.of("metadata Error: Apache 2"), metadata("license: Apache 2\n"));
        assertEquals(List.of(), metadata("license: apache-2.0\n"));
        assertEquals(List.of("metadata Error: other", "metadata Error: other"), metadata("license: other\n"));
        assertEquals(List.of(), metadata("license: other\nlicense_name: my-license\nlicense_link: LICENSE.md\n"));
        assertEquals(List.of("metadata Error: see the license file"),
                metadata("license: other\nlicense_name: x\nlicense_link: see the license file\n"));
        assertEquals(replacement("---\nlicense: Apache-2.0\n---\n" + BODY), "apache-2.0");
    }

    @Test
    void languagesMustBeCodesTheHubAccepts() {
        assertEquals(List.of("metadata Error: jp", "metadata Error: es-ES", "metadata Error: English"),
                metadata("language:\n- en\n- jp\n- es-ES\n- English\n- yue\n- multilingual\n"));
        testDiagnosticsFor("---\r\nlanguage: [fr, \"pt-BR\"]\r\n---\r\n" + BODY, null, d(1, 15, 1, 22, "metadata", E));
        assertEquals("ja", replacement("---\nlanguage: jp\n---\n" + BODY));
        assertEquals("pt", replacement("---\nlanguage: pt-BR\n---\n" + BODY));
    }

    @Test
    void tasksLibrariesAndRelations() {
        assertEquals(List.of("metadata Error: text-clasification"), metadata("pipeline_tag: text-clasification\n"));
        assertEquals("text-classification", replacement("---\npipeline_tag: text-clasification\n---\n" + BODY));
        assertEquals(List.of("metadata-unknown Information: my-lib"), metadata("library_name: my-lib\n"));
        assertEquals(List.of(), metadata("library_name: transformers\npipeline_tag: fill-mask\n"));
        assertEquals(List.of("metadata Error: finetuned"), metadata("base_model_relation: finetuned\n"));
    }

    @Test
    void baseModelIsARepoIdOrAListOfThem() {
        assertEquals(List.of(), metadata("base_model: google-bert/bert-base-uncased\n"));
        assertEquals(List.of(), metadata("base_model:\n- org/a\n- org/b\n"));
        assertEquals(List.of("metadata Error: ./checkpoints/run1", "metadata Error: a model we trained"),
                metadata("base_model:\n- ./checkpoints/run1\n- a model we trained\n"));
        assertEquals("org/name", replacement("---\nbase_model: https://huggingface.co/org/name\n---\n" + BODY));
    }

    @Test
    void listsBooleansAndWidgets() {
        assertEquals(List.of(), metadata("tags: audio\ndatasets: [a, b]\ninference: false\nwidget:\n- text: Hi\n"));
        assertEquals(List.of("metadata Error: 2023", "metadata Error: {name: x}"),
                metadata("tags:\n- 2023\ndatasets:\n- {name: x}\n"));
        assertEquals(List.of("metadata Error: \"false\"", "metadata Error: hello"),
                metadata("inference: \"false\"\nwidget: hello\n"));
        assertEquals(List.of(), metadata("inference:\n  parameters:\n    max_length: 20\n"));
        assertEquals(List.of("metadata Warning: text: Hi"), metadata("widget:\n  text: Hi\n"));
    }

    @Test
    void modelIndexFieldsAreReportedWhereTheyBelong() {
        String yaml = "model-index:\n- name: m\n  results:\n  - task:\n      name: ASR\n    dataset:\n      type: cv\n"
                + "      split: [a]\n    metrics:\n    - type: wer\n    source:\n      name: x\n";
        String card = "---\n" + yaml + "---\n" + BODY;
        testDiagnosticsFor(card, null, d(4, 4, 4, 8, "metadata", E), d(6, 4, 6, 11, "metadata", E),
                d(8, 13, 8, 16, "metadata", E), d(10, 6, 10, 15, "metadata", E), d(11, 4, 11, 10, "metadata", E));
        List<String> messages = CardAssert.diagnostics(card, null).stream().map(Diagnostic::getMessage).toList();
        assertEquals(List.of("This task in \u201cmodel-index\u201d has no \u201ctype\u201d; the Hub requires it.",
                "This dataset in \u201cmodel-index\u201d has no \u201cname\u201d; the Hub requires it.",
                "\u201csplit\u201d must be a string.",
                "This metric in \u201cmodel-index\u201d has no \u201cvalue\u201d; the Hub requires it.",
                "This source in \u201cmodel-index\u201d has no \u201curl\u201d; the Hub requires it."), messages);
        assertEquals(List.of("metadata Error: m"), metadata("model-index: m\n"));
        String numbers = "---\nmodel-index:\n- name: m\n  results:\n  - task: {type: asr}\n    dataset: {type: cv, name: CV, "
                + "split: 2022}\n    metrics: [{type: wer, value: 9.5}]\n---\n" + BODY;
        assertEquals("\"2022\"", replacement(numbers));
        assertEquals(List.of(), metadata("model-index:\n- name: m\n  results:\n  - task: {type: asr}\n    dataset: {type: cv, "
                + "name: CV, split: }\n    metrics: [{type: wer, value: 9.5}]\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"licence:license", "pipline_tag:pipeline_tag", "model_index:model-index",
            "base-model:base_model", "dataset:datasets"})
    void misspeltKeysGetDidYouMean(String pair) {
        String[] p = pair.split(":");
        String card = "---\nlicense: mit\n" + p[0] + ": x\n---\n" + BODY;
        testDiagnosticsFor(card, null, d(2, 0, 2, p[0].length(), "metadata-key", W));
        assertEquals(p[1], replacement(card));
    }

    @Test
    void aMetadataTemplatesUnfilledVariablesAreLeftovers() {
        testDiagnosticsFor("---\nlicense: {license}\nmodel-index:\n- name: m\n  results:\n  - task: {type: asr}\n"
                + "    dataset: {type: cv, name: CV, args: {lang_id}}\n    metrics: [{type: wer, value: 9.5}]\n---\n"
                + BODY, null, d(1, 9, 1, 18, "placeholder", W), d(6, 40, 6, 49, "placeholder", W));
    }

    @Test
    void customKeysAreAllowed() {
        assertEquals(List.of(), metadata("license: mit\nmodel_type: unet\ntask: segmentation\nco2_eq_emissions: 10\n"));
    }

    @Test
    void yamlTheHubCannotReadIsAnErrorNeverACrash() {
        testDiagnosticsFor("---\nlicense: mit\ntags: [a\n---\n" + BODY, "huggingface-hub", d(3, 0, 3, 3, "front-matter", E));
        String deep = "---\nx: " + "[".repeat(3000) + "\n---\n" + BODY;
        assertEquals(List.of("front-matter"), CardAssert.diagnostics(deep, "huggingface-hub").stream()
                .map(d -> d.getCode().getLeft()).toList());
    }

    private static String replacement(String card) {
        CheckResult r = CardAssert.CHECKER.check(card, null, n -> false);
        assertEquals(1, r.findings().size(), r.findings().toString());
        return r.findings().get(0).replacement();
    }
}
