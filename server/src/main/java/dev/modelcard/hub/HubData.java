package dev.modelcard.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the Hugging Face Hub accepts in a model card's metadata: its license ids, tasks, libraries, language codes
 * and keys, read from the data files in {@code rules/hub/} (bundled in the jar). Each list is read on its first
 * use: a card's metadata names few of them, and the language codes alone are 8,000 lines.
 */
public final class HubData {
    /** {@code base_model_relation}'s values, as the Hub defines them. */
    public static final List<String> RELATIONS = List.of("adapter", "merge", "quantized", "finetune");
    /** Language values that are not codes. */
    public static final Map<String, String> SPECIAL_LANGUAGES = Map.of(
            "multilingual", "Many languages", "code", "Programming languages");

    private static final HubData INSTANCE = new HubData();

    private static final class Licenses {
        static final Map<String, String> BY_ID = pairs("licenses.tsv");
        static final Map<String, String> BY_LOWER_CASE = new HashMap<>();

        static {
            BY_ID.keySet().forEach(id -> BY_LOWER_CASE.put(id.toLowerCase(Locale.ROOT), id));
        }
    }

    private static final class Tasks {
        static final List<String> ALL = List.copyOf(pairs("pipeline-tags.txt").keySet());
    }

    private static final class Libraries {
        static final List<String> ALL = List.copyOf(pairs("libraries.txt").keySet());
    }

    private static final class Languages {
        static final Map<String, String> BY_CODE;

        static {
            Map<String, String> langs = new LinkedHashMap<>();
            for (String[] row : rows(LANGUAGES, row -> true)) {
                if (isLanguageRow(row)) {
                    langs.put(row[0], row[2]);
                }
            }
            BY_CODE = Collections.unmodifiableMap(langs);
        }
    }

    /**
     * The ISO 639-1 codes, which open the language list: read alone, up to the first code of another standard.
     * Nearly every card names one of them, and the whole list is 8,000 lines.
     */
    private static final class CommonLanguages {
        static final Set<String> CODES;

        static {
            Set<String> codes = new HashSet<>();
            for (String[] row : rows(LANGUAGES, row -> !isLanguageRow(row) || row[1].equals("639-1"))) {
                if (isLanguageRow(row)) {
                    codes.add(row[0]);
                }
            }
            CODES = Collections.unmodifiableSet(codes);
        }
    }

    private static final String LANGUAGES = "languages.tsv";

    /** A data row of the language list (code, standard, name); not its header. */
    private static boolean isLanguageRow(String[] row) {
        return row.length >= 3 && !row[0].equals("code");
    }

    /** A language's code by its name in lower case; the first code of a name wins (codes are unique). */
    private static final class LanguageNames {
        static final Map<String, String> CODE_OF = new HashMap<>();

        static {
            Languages.BY_CODE.forEach((code, name) -> CODE_OF.putIfAbsent(name.toLowerCase(Locale.ROOT), code));
        }
    }

    private static final class LanguageAliases {
        static final Map<String, String> ALL = pairs("language-aliases.tsv");
    }

    private static final class Keys {
        static final Map<String, String> ALL = pairs("metadata-keys.tsv");
    }

    private HubData() {}

    public static HubData get() {
        return INSTANCE;
    }

    /** License id → its full name, in the Hub's order. */
    public Map<String, String> licenses() {
        return Licenses.BY_ID;
    }

    /** The Hub's id written in another case ({@code MIT} → {@code mit}), if there is one. */
    public Optional<String> licenseIgnoringCase(String id) {
        return Optional.ofNullable(Licenses.BY_LOWER_CASE.get(id.toLowerCase(Locale.ROOT)));
    }

    public List<String> tasks() {
        return Tasks.ALL;
    }

    public List<String> libraries() {
        return Libraries.ALL;
    }

    /** Language code → name: ISO 639-1 codes first, then ISO 639-3. */
    public Map<String, String> languages() {
        return Languages.BY_CODE;
    }

    /** Whether the Hub knows the language code: {@code languages().containsKey(code)}, mostly without reading it. */
    public boolean isLanguage(String code) {
        return CommonLanguages.CODES.contains(code) || languages().containsKey(code);
    }

    /** The code that was meant by a wrong one: a misused code ({@code jp}), a region tag, a language's name. */
    public Optional<String> languageMeant(String written) {
        Map<String, String> languages = languages();
        Map<String, String> aliases = LanguageAliases.ALL;
        String lower = written.toLowerCase(Locale.ROOT);
        if (languages.containsKey(lower)) {
            return Optional.of(lower);
        }
        if (aliases.containsKey(lower)) {
            return Optional.of(aliases.get(lower));
        }
        int dash = lower.indexOf('-') > 0 ? lower.indexOf('-') : lower.indexOf('_');
        if (dash > 0) {
            String primary = lower.substring(0, dash);
            return languages.containsKey(primary) ? Optional.of(primary) : Optional.ofNullable(aliases.get(primary));
        }
        return Optional.ofNullable(LanguageNames.CODE_OF.get(lower));
    }

    /** Key → what it holds, for the keys the Hub reads. */
    public Map<String, String> keys() {
        return Keys.ALL;
    }

    /** The first two tab-separated fields of each data line, in file order (one field: an empty value). */
    private static Map<String, String> pairs(String file) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] row : rows(file, row -> true)) {
            out.put(row[0], row.length > 1 ? row[1] : "");
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The tab-separated fields of each line that is neither blank nor a comment ({@code #}), up to the first row
     * that {@code more} refuses (which is left out).
     */
    private static List<String[]> rows(String file, Predicate<String[]> more) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = HubData.class.getResourceAsStream("/rules/hub/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the bundled file rules/hub/" + file + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] row = line.split("\t");
                    if (!more.test(row)) {
                        break;
                    }
                    out.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
