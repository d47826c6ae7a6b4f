package dev.modelcard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Symbolic links a test makes (to devices, outside its temp folder), removed after each test, so that JUnit's
 * temp folder clean-up finds none to warn about. Use with {@code @ExtendWith(Links.class)}.
 */
public final class Links implements AfterEachCallback {
    private static final List<Path> MADE = new ArrayList<>();

    public static synchronized Path create(Path link, Path target) throws IOException {
        Path made = Files.createSymbolicLink(link, target);
        MADE.add(made);
        return made;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        synchronized (Links.class) {
            for (Path link : MADE) {
                Files.deleteIfExists(link);
            }
            MADE.clear();
        }
    }
}
