package dev.modelcard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker's training run checks the example cards the jar carries, Hub cards among them, and a file that is none. */
class CheckTrainingTest {
    @Test
    void checksTheExampleCards(@TempDir Path dir) throws Exception {
        Path scratch = dir.resolve("scratch");
        assertEquals(0, CheckTraining.run(scratch));
        for (String example : new String[] {"huggingface-draft", "czi-draft", "bioimage-draft"}) {
            assertTrue(Files.size(scratch.resolve(example).resolve("README.md")) > 1000, example);
        }
        assertTrue(Files.readString(scratch.resolve("huggingface-draft/README.md")).startsWith("---\n"),
                "the Hub card has front matter");
        assertTrue(Files.readString(scratch.resolve("trainer-card/README.md")).contains("generated_from_trainer"));
        assertTrue(Files.size(scratch.resolve("not-a-card/README.md")) > 0);
    }
}
