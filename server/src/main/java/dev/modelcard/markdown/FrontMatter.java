package dev.modelcard.markdown;

/**
 * A YAML front matter block at the very start of a card: {@code ---}, the YAML, and a closing {@code ---} or
 * {@code ...} line. Offsets are into the whole card text.
 *
 * @param yamlStart offset of the first YAML char (after the opening line)
 * @param yamlEnd offset just past the YAML (the start of the closing line)
 * @param end offset just past the closing line and its line break; the body starts here
 * @param closed false when no closing line was found (then nothing is taken off the body)
 */
public record FrontMatter(int openStart, int openEnd, int yamlStart, int yamlEnd, int end, boolean closed) {

    /**
     * Written out: a record's own equals is linked through java.lang.invoke on first use, which costs the first
     * keystroke after opening a card (every edit compares the front matter) about 10 ms.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof FrontMatter f && f.openStart == openStart && f.openEnd == openEnd
                && f.yamlStart == yamlStart && f.yamlEnd == yamlEnd && f.end == end && f.closed == closed;
    }

    @Override
    public int hashCode() {
        return ((((openStart * 31 + openEnd) * 31 + yamlStart) * 31 + yamlEnd) * 31 + end) * 2 + (closed ? 1 : 0);
    }

    /** Finds front matter at the start of {@code text} (a BOM is allowed before it), or null. */
    public static FrontMatter find(String text) {
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int firstEnd = lineContentEnd(text, start);
        if (!text.substring(start, firstEnd).stripTrailing().equals("---")) {
            return null;
        }
        int yamlStart = nextLine(text, firstEnd);
        int line = yamlStart;
        while (line < text.length()) {
            int contentEnd = lineContentEnd(text, line);
            String content = text.substring(line, contentEnd).stripTrailing();
            if (content.equals("---") || content.equals("...")) {
                return new FrontMatter(start, firstEnd, yamlStart, line, nextLine(text, contentEnd), true);
            }
            line = nextLine(text, contentEnd);
        }
        return new FrontMatter(start, firstEnd, yamlStart, text.length(), start, false);
    }

    private static int lineContentEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int nextLine(String text, int contentEnd) {
        if (contentEnd >= text.length()) {
            return text.length();
        }
        if (text.charAt(contentEnd) == '\r' && contentEnd + 1 < text.length() && text.charAt(contentEnd + 1) == '\n') {
            return contentEnd + 2;
        }
        return contentEnd + 1;
    }
}
