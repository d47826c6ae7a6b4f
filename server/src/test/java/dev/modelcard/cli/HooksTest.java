package dev.modelcard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcard.files.CardFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The pre-commit hook and the workflow examples pick exactly the files the checker takes for cards. */
class HooksTest {
    static final Path REPO = Path.of(System.getProperty("modelcard.repo", ".."));
    static final List<String> NAMES = List.of("README.md", "models/a/readme.md", "x/MODEL_CARD.md", "model_card.md",
            "unet.modelcard.md", "docs/notes.md", "README.markdown", "xREADME.md", "modelcard.md", "a/README.md.bak");

    @Test
    @SuppressWarnings("unchecked")
    void thePreCommitHookRunsTheCheckerOnCardFilesOnly() throws Exception {
        List<Object> hooks = (List<Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(REPO.resolve(".pre-commit-hooks.yaml")));
        Map<String, Object> hook = (Map<String, Object>) hooks.get(0);
        assertEquals("modelcard-check", hook.get("id"));
        Path entry = REPO.resolve((String) hook.get("entry"));
        assertTrue(Files.isExecutable(entry), entry + " is executable, as pre-commit's script hooks must be");
        assertTrue(Files.readString(entry).contains("MODELCARD_LS_JAR=$jar exec \"$here/bin/modelcard-ls\" check \"$@\""));
        Pattern files = Pattern.compile((String) hook.get("files"));
        for (String name : NAMES) {
            assertEquals(CardFiles.isCardName(Path.of(name).getFileName().toString()), files.matcher(name).find(),
                    name);
        }
    }

    @Test
    void theAnnotationWorkflowPicksTheSameFiles() throws Exception {
        String workflow = Files.readString(REPO.resolve("docs/ci/modelcard-annotations.yml"));
        var m = Pattern.compile("grep -ziE '([^']+)'").matcher(workflow);
        assertTrue(m.find());
        Pattern files = Pattern.compile("(?i)" + m.group(1));
        for (String name : NAMES) {
            assertEquals(CardFiles.isCardName(Path.of(name).getFileName().toString()), files.matcher(name).find(),
                    name);
        }
        assertTrue(Files.readString(REPO.resolve("README.md")).contains(m.group(0)),
                "the README shows the same command");
    }
}
