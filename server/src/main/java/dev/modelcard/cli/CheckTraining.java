package dev.modelcard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The run that the checker's own class-data archive is recorded from: {@code bin/modelcard-ls} records it in the
 * background on the first {@code check}, apart from the editor session's archive ({@link Training}), so that a
 * short check maps only what a check loads (half the size, and mapped sooner) and has the Hub cards' path in it
 * (front matter, metadata checks, Hub lists). {@code check} runs over the example cards in each output format,
 * as users start it; nothing is printed. Besides the examples, what a folder of Hub cards has that they do not: a
 * card the Trainer wrote (flow-style metadata, misspelt values, tables, code, entities) and a file that is no card.
 */
final class CheckTraining {
    static final String OPTION = "--cds-training-check";
    private static final String CARDS = "/dev/modelcard/training/";
    private static final List<String> EXAMPLES = List.of("check/huggingface-draft", "check/czi-draft",
            "check/bioimage-draft", "hub-folder/trainer-card", "hub-folder/not-a-card");

    private CheckTraining() {}

    /** @param folder an empty scratch folder the example cards are written into */
    static int run(Path folder) {
        try {
            for (String example : EXAMPLES) {
                try (InputStream in = CheckTraining.class.getResourceAsStream(CARDS + example + "/README.md")) {
                    Path card = Files.createDirectories(folder.resolve(example.substring(example.indexOf('/') + 1)))
                            .resolve("README.md");
                    Files.write(card, in.readAllBytes());
                }
            }
            PrintWriter quiet = new PrintWriter(Writer.nullWriter());
            for (String format : List.of("text", "json", "sarif", "github")) {
                Main.run(new String[] {"check", "--format", format, "--fail-on", "never", folder.toString()}, quiet,
                        quiet);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }
}
