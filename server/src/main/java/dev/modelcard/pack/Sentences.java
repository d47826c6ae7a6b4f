package dev.modelcard.pack;

import java.util.ArrayList;
import java.util.List;

/** Sentences of a text, as ranges: a sentence ends at {@code . ! ? :} followed by white space, or at the end. */
public final class Sentences {
    private Sentences() {}

    /** Each sentence's {@code [start, end)} in {@code text}, without the white space around it. */
    public static List<int[]> of(CharSequence text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean ends = (c == '.' || c == '!' || c == '?' || c == ':') && (i + 1 == n
                    || Character.isWhitespace(text.charAt(i + 1)));
            if (ends || i + 1 == n) {
                add(text, start, i + 1, out);
                start = i + 1;
            }
        }
        return out;
    }

    private static void add(CharSequence text, int start, int end, List<int[]> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new int[] {start, end});
        }
    }
}
