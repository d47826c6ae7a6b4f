package dev.modelcard.pack;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Matching keys for headings and instruction texts: case, whitespace, punctuation, emoji, "and"/"&",
 * a plural ending, a leading section number and an "[optional]"/"(optional)" mark do not count, so
 * "2. Bias, Risks and Limitations" matches "Biases, Risks, and Limitations".
 */
public final class Titles {
    private static final Pattern OPTIONAL_MARK = Pattern.compile("(?i)[\\[(]\\s*optional\\s*[\\])]");
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(\\d+(\\.\\d+)*\\.?|[ivx]+\\.)\\s+");

    /** Keys of titles seen (bounded: cleared when full). */
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    private static final int MAX_KEYS = 20_000;

    private Titles() {}

    public static String key(String title) {
        // A large card repeats its headings' titles in every version while it is edited.
        String known = KEYS.get(title);
        if (known != null) {
            return known;
        }
        if (KEYS.size() > MAX_KEYS) {
            KEYS.clear();
        }
        String key = computeKey(title);
        KEYS.put(title, key);
        return key;
    }

    private static String computeKey(String title) {
        String t = title;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) >= 128) {
                t = Normalizer.normalize(t, Normalizer.Form.NFKC);
                break;
            }
        }
        t = t.toLowerCase(Locale.ROOT);
        if (t.contains("optional")) {
            t = OPTIONAL_MARK.matcher(t).replaceAll(" ");
        }
        t = NUMBERING.matcher(t).replaceFirst("");
        StringBuilder key = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            while (i < t.length() && !Character.isLetterOrDigit(t.codePointAt(i))) {
                i += Character.charCount(t.codePointAt(i));
            }
            int start = i;
            while (i < t.length() && Character.isLetterOrDigit(t.codePointAt(i))) {
                i += Character.charCount(t.codePointAt(i));
            }
            if (i > start) {
                String word = t.substring(start, i);
                if (!word.equals("and")) {
                    if (key.length() > 0) {
                        key.append(' ');
                    }
                    key.append(stem(word));
                }
            }
        }
        return key.toString();
    }

    /** Folds the usual English plural endings so that "biases" and "bias", "uses" and "use" agree. */
    public static String stem(String word) {
        String w = word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        }
        int end = w.length();
        while (end > 3 && (w.charAt(end - 1) == 's' || w.charAt(end - 1) == 'e')) {
            end--;
        }
        return w.substring(0, end);
    }
}
