package dev.modelcard.features;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section's skeleton as text to insert: plain, or as an LSP snippet with a tab stop at each value the writer
 * has to replace (a bold field's value, an italic instruction line, a {@code ...} line).
 */
final class Skeletons {
    private static final Pattern FIELD = Pattern.compile("^(\\s*[-*+]\\s+\\*\\*[^*]+?:?\\*\\*:?)\\s*(.*)$");
    private static final Pattern HINT = Pattern.compile("^[*_]+\\[?(.*?)\\]?[*_]+$");

    private Skeletons() {}

    static String snippet(String skeleton) {
        StringBuilder b = new StringBuilder();
        int stop = 1;
        for (String line : skeleton.split("\n", -1)) {
            Matcher field = FIELD.matcher(line);
            String value = field.matches() ? field.group(2) : line.strip();
            boolean isValue = field.matches() || HINT.matcher(value).matches() || value.equals("...");
            if (isValue && !value.isEmpty()) {
                String prefix = field.matches() ? field.group(1) + " " : line.substring(0, line.indexOf(value));
                b.append(escape(prefix)).append("${").append(stop++).append(':').append(escape(hint(value)))
                        .append('}');
            } else {
                b.append(escape(line));
            }
            b.append('\n');
        }
        return b.toString().stripTrailing() + "$0";
    }

    /** The bold field labels of a skeleton's field list, each with its template hint. */
    static Map<String, String> fields(String skeleton) {
        Map<String, String> out = new LinkedHashMap<>();
        if (skeleton == null) {
            return out;
        }
        for (String line : skeleton.split("\n")) {
            Matcher m = FIELD.matcher(line);
            if (m.matches()) {
                String label = m.group(1).strip().replaceFirst("^[-*+]\\s+", "").replace("*", "").strip();
                out.put(label.endsWith(":") ? label.substring(0, label.length() - 1) : label, hint(m.group(2)));
            }
        }
        return out;
    }

    /** {@code *[Name(s), Institution(s)]*} → {@code Name(s), Institution(s)}. */
    static String hint(String value) {
        Matcher m = HINT.matcher(value.strip());
        return m.matches() ? m.group(1) : value.strip();
    }

    /** Snippet syntax: {@code $}, {@code }} and {@code \} are literal only when escaped. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}");
    }
}
