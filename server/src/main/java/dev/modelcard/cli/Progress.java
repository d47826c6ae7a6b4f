package dev.modelcard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One updating line on stderr ("checked 1,200 of 25,000 cards") while a long run goes on, for a person at a
 * terminal. Quiet when stderr is not a terminal (piped, redirected, an editor), under CI, and for few cards.
 */
final class Progress {
    static final Progress QUIET = new Progress(null, 0, false);
    private static final int MIN_CARDS = 200;
    private static final long EVERY_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final int minCards;
    private final boolean stdoutTerminal;
    private long last;
    private boolean shown;

    /** @param stdoutTerminal whether results go to the same terminal, so the line must give way to each */
    Progress(PrintWriter err, int minCards, boolean stdoutTerminal) {
        this.err = err;
        this.minCards = minCards;
        this.stdoutTerminal = stdoutTerminal;
    }

    /** Progress on this stderr, when it is a terminal and no CI is running. */
    static Progress forTerminal(PrintWriter err) {
        return of(err, System.getenv("CI"), stderrIsTerminal(), System.console() != null);
    }

    /** @param ci the {@code CI} environment variable, as CI services set it ({@code true}), or null */
    static Progress of(PrintWriter err, String ci, boolean stderrTerminal, boolean stdoutTerminal) {
        boolean inCi = ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false");
        return !inCi && stderrTerminal ? new Progress(err, MIN_CARDS, stdoutTerminal) : QUIET;
    }

    /**
     * Java 17 cannot ask whether stderr is a terminal; on Linux its file descriptor names the device. Elsewhere a
     * console (stdin and stdout on a terminal) stands for it.
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    void show(int done, int total) {
        if (err == null || total < minCards) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && shown && now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        shown = true;
        err.print(String.format("\rchecked %,d of %,d cards\u2026", done, total));
        err.flush();
    }

    /** Takes the line away before a card's output, when that goes to the terminal too. */
    void beforeOutput(boolean toStderr) {
        if (toStderr || stdoutTerminal) {
            clear();
        }
    }

    /** Takes the line away. */
    void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }
}
