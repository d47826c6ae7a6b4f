package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.modelcard.Cards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .modelcard.yaml, packs and client settings over the protocol, with a real workspace folder on disk. */
class ConfigProtocolTest {
    /** A placeholder on line 5 (Warning) and a heading one level too deep on line 6 (Information). */
    static final String CARD = Cards.CZI.replace("15 million.", "TBD").replace("### Citation", "#### Citation");

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    /** Each diagnostic as range, code and severity. */
    static List<String> show(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().map(ConfigProtocolTest::show).toList();
    }

    private static String show(Diagnostic d) {
        var r = d.getRange();
        return r.getStart().getLine() + ":" + r.getStart().getCharacter() + "-" + r.getEnd().getLine() + ":"
                + r.getEnd().getCharacter() + " " + d.getCode().getLeft() + " " + d.getSeverity();
    }

    /** {@link #CARD} as the workspace's README.md; its URI. */
    private static String writeCard(Path ws) throws IOException {
        Path card = ws.resolve("README.md");
        Files.writeString(card, CARD);
        return card.toUri().toString();
    }

    private static ClientCapabilities watchingClient() {
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        ws.setConfiguration(true);
        caps.setWorkspace(ws);
        return caps;
    }

    @Test
    void theNearestConfigAppliesAndAChangeOnDiskReachesOpenCards(@TempDir Path ws) throws Exception {
        Path config = ws.resolve(".modelcard.yaml");
        Files.writeString(config, "rules:\n  placeholder: off\n");
        Path card = Files.createDirectories(ws.resolve("models/a")).resolve("README.md");
        Files.writeString(card, CARD);
        String uri = card.toUri().toString();
        try (LspHarness h = new LspHarness()) {
            h.initialize(json("{\"debounceMs\": 0}"), watchingClient(), ws);
            h.open(uri, 1, CARD);
            assertEquals(List.of("6:0-6:13 heading-level Information"), show(h.diagnostics(uri, 1)));
            var registration = h.client.registrations.get(0).getRegistrations().get(0);
            assertEquals("workspace/didChangeWatchedFiles", registration.getMethod());
            assertTrue(registration.getRegisterOptions().toString().contains("**/.modelcard.yaml"),
                    registration.getRegisterOptions().toString());

            Files.writeString(config, "rules:\n  placeholder: error\n  heading-level: off\n");
            h.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(config.toUri().toString(), FileChangeType.Changed))));
            assertEquals(List.of("5:0-5:3 placeholder Error"),
                    show(h.awaitDiagnostics(uri, p -> show(p).equals(List.of("5:0-5:3 placeholder Error")))));
        }
    }

    @Test
    void aConfigWrittenWithoutWatchersAppliesWhenTheCardIsSaved(@TempDir Path ws) throws Exception {
        String uri = writeCard(ws);
        try (LspHarness h = new LspHarness()) {
            h.initialize(json("{\"debounceMs\": 0}"), new ClientCapabilities(), ws);
            h.open(uri, 1, CARD);
            List<String> both = List.of("5:0-5:3 placeholder Warning", "6:0-6:13 heading-level Information");
            assertEquals(both, show(h.diagnostics(uri, 1)));
            Files.writeString(ws.resolve(".modelcard.yaml"), "rules:\n  placeholder: off\n");
            // The configuration is looked for once per card, not at each keystroke: typing does not find it.
            h.change(uri, 2, LspHarness.edit(0, 0, 0, 0, "x"));
            assertEquals(both, show(h.diagnostics(uri, 2)));
            h.save(uri);
            assertEquals(List.of("6:0-6:13 heading-level Information"), show(h.awaitDiagnostics(uri,
                    p -> show(p).equals(List.of("6:0-6:13 heading-level Information")))));
        }
    }

    @Test
    void anOpenConfigIsValidatedAndAppliesAsItIsTyped(@TempDir Path ws) throws Exception {
        String cardUri = writeCard(ws);
        Path config = ws.resolve(".modelcard.yaml");
        String configUri = config.toUri().toString();
        try (LspHarness h = new LspHarness()) {
            h.initialize(json("{\"debounceMs\": 0}"), new ClientCapabilities(), ws);
            h.open(cardUri, 1, CARD);
            assertEquals(2, h.diagnostics(cardUri, 1).getDiagnostics().size());
            h.open(configUri, 1, "rules:\n  placeholdr: off\n  heading-level: loud\n");
            PublishDiagnosticsParams problems = h.diagnostics(configUri, 1);
            assertEquals(List.of("1:2-1:12 config Error", "2:17-2:21 config Error"), show(problems));
            assertEquals("unknown rule 'placeholdr' in 'rules'; did you mean 'placeholder'? Known: [missing-section, "
                    + "empty-section, placeholder, heading-level, duplicate-section, section-order, section-title, front-matter, "
                    + "unknown-rule, metadata, metadata-key, metadata-unknown]", problems.getDiagnostics().get(0).getMessage());

            h.change(configUri, 2, LspHarness.edit(1, 2, 1, 12, "placeholder"));
            assertEquals(List.of("2:17-2:21 config Error"), show(h.diagnostics(configUri, 2)));
            assertEquals(List.of("6:0-6:13 heading-level Information"), show(h.awaitDiagnostics(cardUri,
                    p -> p.getDiagnostics().size() == 1)), "the unsaved configuration already applies");
        }
    }

    @Test
    void aPackOutsideTheWorkspaceIsRefusedAndAnOpenPackIsValidated(@TempDir Path dir) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(dir.resolve("evil.yaml"), "id: evil\nname: x\nsections: []\n");
        Files.writeString(ws.resolve(".modelcard.yaml"), "packs: [../evil.yaml]\n");
        Path pack = ws.resolve("institute.yaml");
        String packUri = pack.toUri().toString();
        try (LspHarness h = new LspHarness()) {
            h.initialize(json("{\"debounceMs\": 0}"), new ClientCapabilities(), ws);
            String configUri = ws.resolve(".modelcard.yaml").toUri().toString();
            h.open(configUri, 1, Files.readString(ws.resolve(".modelcard.yaml")));
            PublishDiagnosticsParams p = h.diagnostics(configUri, 1);
            assertEquals(List.of("0:8-0:20 config Error"), show(p));
            assertTrue(p.getDiagnostics().get(0).getMessage().startsWith("pack '../evil.yaml' is outside the workspace"));

            h.open(packUri, 1, "id: institute\nname: Institute\nextends: czi\nremove: [model-card-author]\n");
            PublishDiagnosticsParams pd = h.diagnostics(packUri, 1);
            assertEquals(List.of("3:9-3:26 rule-pack Error"), show(pd));
            assertEquals("unknown section id 'model-card-author' in the base pack; did you mean 'model-card-authors'?",
                    pd.getDiagnostics().get(0).getMessage());
        }
    }

    @Test
    void clientSettingsArePulledAndAFileOverridesThem(@TempDir Path ws) throws Exception {
        String uri = writeCard(ws);
        try (LspHarness h = new LspHarness()) {
            h.client.configurationAnswer = json("{\"rules\": {\"heading-level\": \"off\", \"placeholder\": \"hint\"},"
                    + " \"debounceMs\": 0, \"java\": {\"home\": null}, \"trace\": {\"server\": \"off\"}}");
            h.initialize(json("{\"debounceMs\": 0}"), watchingClient(), ws);
            h.open(uri, 1, CARD);
            h.awaitDiagnostics(uri, p -> show(p).equals(List.of("5:0-5:3 placeholder Hint")));
            assertEquals("modelcard", h.client.configurationRequests.get(0).getItems().get(0).getSection());

            Files.writeString(ws.resolve(".modelcard.yaml"), "rules: {placeholder: error}\n");
            h.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                    new FileEvent(ws.resolve(".modelcard.yaml").toUri().toString(), FileChangeType.Created))));
            h.awaitDiagnostics(uri, p -> show(p).equals(List.of("5:0-5:3 placeholder Error")));
        }
    }

    /**
     * A client answers {@code workspace/configuration} right after start, most often with what it sent in
     * {@code initialize}. Those settings are in use already: checking every open card again would double the
     * first check of a large card and hold up the first edit behind it.
     */
    @Test
    void settingsThatChangeNothingCheckNoCardAgain(@TempDir Path ws) throws Exception {
        assertEquals(1, publishesOfAnUntouchedCard(ws, "{}"));
    }

    @Test
    void settingsThatChangeSomethingCheckOpenCardsAgain(@TempDir Path ws) throws Exception {
        assertEquals(2, publishesOfAnUntouchedCard(ws, "{\"rules\": {\"placeholder\": \"hint\"}}"));
    }

    /**
     * Two cards open, then the client's answer to the server's settings request, then an edit of the first card:
     * how often the second card was published by the time the edit's diagnostics arrive (one check runs at a
     * time, in the order asked for, so a check of the second card asked for by the answer publishes before).
     */
    private static int publishesOfAnUntouchedCard(Path ws, String answer) throws Exception {
        String first = ws.resolve("README.md").toUri().toString();
        String second = ws.resolve("other/README.md").toUri().toString();
        try (LspHarness h = new LspHarness()) {
            h.client.holdConfiguration = true;
            h.initialize(json("{\"debounceMs\": 0}"), watchingClient(), ws);
            var held = h.client.heldConfigurations.poll(20, java.util.concurrent.TimeUnit.SECONDS);
            h.open(first, 1, CARD);
            h.open(second, 1, CARD);
            h.diagnostics(first, 1);
            h.diagnostics(second, 1);
            held.complete(List.of(json(answer)));
            h.change(first, 2, LspHarness.edit(0, 0, 0, 0, " "));
            h.diagnostics(first, 2);
            return (int) h.client.all.stream().filter(p -> p.getUri().equals(second)).count();
        }
    }
}
