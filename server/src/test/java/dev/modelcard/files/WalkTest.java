package dev.modelcard.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcard.files.CardFiles.Input;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder's inputs come out sorted by path as they are found, each folder listed only when its turn comes. */
class WalkTest {
    /** Folder and file names whose order by path differs from the order of a walk by names ('-' and '.' < '/'). */
    private static final String[] FOLDERS = {"a", "a-b", "a.x", "a b", "ab", "a/b", "a/b-c", "a/b c", "a/b/c", "Z",
        "z", "\u00e9", "e"};

    private static Path tree(Path root) throws IOException {
        for (String f : FOLDERS) {
            Files.writeString(Files.createDirectories(root.resolve(f)).resolve("README.md"), "# x\n");
        }
        Files.writeString(root.resolve("a.modelcard.md"), "# x\n");
        Files.writeString(root.resolve("a-b/x.modelcard.md"), "# x\n");
        Files.writeString(root.resolve("a/notes.txt"), "not a card\n");
        Files.createDirectories(root.resolve(".hidden")).resolve("README.md").toFile().createNewFile();
        return root;
    }

    @Test
    void inputsComeSortedByPath(@TempDir Path dir) throws IOException {
        Path root = tree(dir);
        List<Input> inputs = CardFiles.inputs(List.of(root));
        assertEquals(FOLDERS.length + 2, inputs.size());
        List<Input> sorted = new ArrayList<>(inputs);
        sorted.sort(Comparator.comparing(Input::path));
        assertEquals(sorted, inputs);
        assertTrue(inputs.stream().allMatch(Input::isCard));
    }

    @Test
    void aFolderThatCannotBeListedStandsWhereItsPathSorts(@TempDir Path dir) throws IOException {
        Path root = tree(dir);
        Path locked = root.resolve("a");
        List<Input> inputs = CardFiles.inputs(List.of(root), folder -> {
            if (folder.equals(locked)) {
                throw new AccessDeniedException(folder.toString());
            }
            return CardFiles.list(folder);
        });
        List<Input> sorted = new ArrayList<>(inputs);
        sorted.sort(Comparator.comparing(Input::path));
        assertEquals(sorted, inputs, "before a-b, whose cards sort before a's own");
        Input problem = inputs.stream().filter(i -> !i.isCard()).findFirst().orElseThrow();
        assertEquals(new Input(locked, "cannot list folder: permission denied"), problem);
        assertTrue(inputs.stream().noneMatch(i -> i.path().startsWith(locked) && i.isCard()));
    }

    @Test
    void aWalkGivesWhatTheListingGivesAsItIsFound(@TempDir Path dir) throws IOException {
        Path root = tree(dir);
        Path missing = dir.resolve("missing");
        List<Path> paths = List.of(root.resolve("a"), missing, root);
        List<Input> expected = CardFiles.inputs(paths);
        List<Input> got = new ArrayList<>();
        try (Walk walk = Walk.start(paths, CardFiles::list)) {
            for (Input i = walk.take(); i != null; i = walk.take()) {
                got.add(i);
            }
            assertEquals(expected.size(), walk.found());
            assertNull(walk.poll(), "nothing after the end");
        }
        assertEquals(expected, got);
        assertTrue(got.contains(new Input(missing, "no such file or folder")), "in its place among the paths");
    }

    @Test
    void aWalkedCardKnowsWhatIsBesideItSoThatAbsentFilesAreNotLookedFor(@TempDir Path dir) throws IOException {
        Path root = tree(dir);
        Files.writeString(root.resolve("a/RDF.yaml"), "x: 1\n");
        Input walked = CardFiles.inputs(List.of(root)).stream()
                .filter(i -> i.path().equals(root.resolve("a/README.md"))).findFirst().orElseThrow();
        assertTrue(walked.mayHold("rdf.yaml"), "any case: some file systems ignore it");
        assertTrue(walked.mayHold("notes.txt"));
        assertFalse(walked.mayHold(".modelcard.yaml"));
        assertFalse(CardText.companions(walked).test("model_card_metadata.yaml"));
        assertEquals(Files.isRegularFile(root.resolve("a/rdf.yaml")), CardText.companions(walked).test("rdf.yaml"));
        Input named = CardFiles.inputs(List.of(root.resolve("a/README.md"))).get(0);
        assertTrue(named.mayHold(".modelcard.yaml"), "a card named alone: its folder was not listed");
        assertTrue(walked.mayHold("\u00e9.yaml"), "names that are not ASCII are always looked for");
    }

    @Test
    void aWalkThatFailsFailsTheRunInsteadOfLeavingItWaiting(@TempDir Path dir) throws IOException {
        Path root = tree(dir);
        try (Walk walk = Walk.start(List.of(root), folder -> {
            throw new StackOverflowError();
        })) {
            assertThrows(StackOverflowError.class, () -> {
                while (walk.take() != null) {
                    // the inputs before the failure, if any
                }
            });
        }
    }

    @Test
    void aListOfInputsIsAWalkThatHasEnded() {
        List<Input> inputs = List.of(new Input(Path.of("x"), null), new Input(Path.of("y"), "no such file or folder"));
        Walk walk = Walk.of(inputs);
        assertEquals(2, walk.found());
        assertEquals(inputs.get(0), walk.poll());
        assertEquals(inputs.get(1), walk.take());
        assertNull(walk.take());
        assertNull(walk.poll());
    }
}
