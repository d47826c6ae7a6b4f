package dev.modelcard.edits;

/** The line ending a card already uses, so that inserted text matches it. */
public final class LineEnding {
    private LineEnding() {}

    /** The card's first line break ({@code \r\n}, {@code \r} or {@code \n}); {@code \n} when it has none. */
    public static String of(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                return "\n";
            }
            if (c == '\r') {
                return i + 1 < n && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
            }
            i++;
        }
        return "\n";
    }

    /** Text written with {@code \n}, in the given line ending. */
    public static String convert(String lf, String eol) {
        return eol.equals("\n") ? lf : lf.replace("\n", eol);
    }
}
