package dev.modelcard.files;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Predicate;

/** Reading a card from disk, and the files beside it. */
public final class CardText {
    /** Far above any real card; refuses a mistaken path to a huge file before it fills memory. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private CardText() {}

    /** A file that cannot be checked, with a reason a user can act on. */
    public static final class UnreadableException extends Exception {
        public UnreadableException(String message) {
            super(message);
        }
    }

    /**
     * The file's text, decoded strictly as UTF-8 (a leading BOM is kept; it is handled as text). Only a regular
     * file is opened (a FIFO would block, a device never end), and no more than the limit is read.
     */
    public static String read(Path file) throws UnreadableException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                throw new UnreadableException(attrs.isDirectory() ? "a folder, not a file"
                        : "not a regular file (a FIFO, device or socket); not read");
            }
            if (attrs.size() > MAX_BYTES) {
                throw new UnreadableException(tooLarge(attrs.size()));
            }
            byte[] bytes;
            try (InputStream in = open(file)) {
                bytes = readAll(in, (int) attrs.size());
            }
            if (bytes.length > MAX_BYTES) {
                throw new UnreadableException(tooLarge(bytes.length));
            }
            // The String constructor decodes valid UTF-8 fastest; it replaces what is not with U+FFFD, so text
            // with one is decoded again strictly, to say where the invalid byte is (or keep a U+FFFD written so).
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.indexOf('\uFFFD') < 0 ? text : strict(bytes);
        } catch (IOException e) {
            throw new UnreadableException("cannot read: " + CardFiles.reason(e));
        }
    }

    /**
     * A stream of the file: java.io's where it can (a channel's reads go through a direct buffer, and load some
     * forty more methods for a checker's first cards to run before they are compiled), else one that names the
     * reason it cannot be opened.
     */
    private static InputStream open(Path file) throws IOException {
        if (file.getFileSystem() == FileSystems.getDefault()) {
            try {
                return new FileInputStream(file.toFile());
            } catch (FileNotFoundException e) {
                // Files.newInputStream says why ("permission denied"); java.io only that it failed.
            }
        }
        return Files.newInputStream(file);
    }

    /**
     * The stream's bytes, {@code size} of them as the file had when it was looked at; if it has grown since, what
     * it has now, up to the limit and one byte more (which tells that it is over).
     */
    private static byte[] readAll(InputStream in, int size) throws IOException {
        byte[] start = in.readNBytes(size);
        int next = start.length < size ? -1 : in.read();
        if (next < 0) {
            return start;
        }
        byte[] rest = in.readNBytes((int) MAX_BYTES - start.length);
        byte[] all = java.util.Arrays.copyOf(start, start.length + 1 + rest.length);
        all[start.length] = (byte) next;
        System.arraycopy(rest, 0, all, start.length + 1, rest.length);
        return all;
    }

    private static String strict(byte[] bytes) throws UnreadableException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw new UnreadableException("not UTF-8 text (invalid byte at offset " + in.position() + ")");
        } catch (CharacterCodingException e) {
            throw new UnreadableException("not UTF-8 text");
        }
    }

    private static String tooLarge(long size) {
        return "file is " + size / (1024 * 1024) + " MiB; cards over 64 MiB are not read";
    }

    /**
     * Replaces a card's text: written beside it first and moved over it, so that a failure leaves the old text
     * whole. UTF-8, as it was read.
     */
    public static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Whether a file of the given name lies in the card's folder. */
    public static Predicate<String> companions(Path card) {
        return companions(new CardFiles.Input(card, null));
    }

    /** As {@link #companions(Path)}, asking the file system only about names the walk saw there. */
    public static Predicate<String> companions(CardFiles.Input card) {
        Path dir = card.path().toAbsolutePath().getParent();
        return name -> dir != null && card.mayHold(name) && RegularFiles.isFile(dir.resolve(name));
    }
}
