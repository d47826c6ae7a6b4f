package dev.modelcard.files;

import dev.modelcard.files.CardFiles.Input;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The inputs of a run ({@link CardFiles#each}) as they are found: the folders are walked on a thread of their own,
 * so that a run over a large folder checks its first cards while the rest are still being found (and the walk
 * goes on while the packs load). A few thousand inputs at most are held ahead of the run. Read from one thread.
 */
public final class Walk implements AutoCloseable {
    private static final int AHEAD = 4096;
    /** Put after the last input. */
    private static final Input END = new Input(Path.of(""), "");

    private final BlockingQueue<Input> found;
    private final Thread thread;
    private volatile int count;
    private volatile Throwable failure;
    private boolean ended;

    private Walk(BlockingQueue<Input> found, Thread thread) {
        this.found = found;
        this.thread = thread;
    }

    private Walk(List<Path> paths, CardFiles.Lister lister) {
        this.found = new ArrayBlockingQueue<>(AHEAD);
        this.thread = new Thread(() -> walk(paths, lister), "modelcard-walk");
        thread.setDaemon(true);
    }

    /** Starts walking the paths. */
    public static Walk start(List<Path> paths, CardFiles.Lister lister) {
        Walk walk = new Walk(paths, lister);
        walk.thread.start();
        return walk;
    }

    /** Inputs already found, as a walk that has ended. */
    public static Walk of(List<Input> inputs) {
        BlockingQueue<Input> queue = new ArrayBlockingQueue<>(inputs.size() + 1);
        queue.addAll(inputs);
        queue.add(END);
        Walk walk = new Walk(queue, null);
        walk.count = inputs.size();
        return walk;
    }

    private void walk(List<Path> paths, CardFiles.Lister lister) {
        try {
            CardFiles.each(paths, lister, input -> {
                try {
                    found.put(input);
                    count++; // only this thread writes it
                } catch (InterruptedException e) {
                    throw new Stopped();
                }
            });
        } catch (Stopped e) {
            return;
        } catch (RuntimeException | Error e) {
            failure = e; // the run meets it where it waits for the next input, rather than waiting for ever
        }
        try {
            found.put(END);
        } catch (InterruptedException e) {
            // closed: nobody reads on
        }
    }

    /** Thrown through the walk when the run stops reading. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The next input, waiting until it is found; null after the last. */
    public Input take() {
        if (ended) {
            return null;
        }
        try {
            return ended(found.take());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The next input if it is found already, else null (as after the last). */
    public Input poll() {
        return ended ? null : ended(found.poll());
    }

    private Input ended(Input next) {
        if (next != END) {
            return next;
        }
        ended = true;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return null;
    }

    /** How many inputs were found so far (all of them once the walk is over). */
    public int found() {
        return count;
    }

    /** Stops the walk, if it is still going. */
    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
