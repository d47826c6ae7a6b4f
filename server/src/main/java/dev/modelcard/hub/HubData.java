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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the Hugging Face Hub accepts in a model card's metadata: its license ids, tasks, libraries, language codes
 * and keys, read from the data files in {@code rules/hub/} (bundled in the jar) on first use.
 */
public final class HubData {
    /** {@code base_model_relation}'s values, as the Hub defines them. */
    public static final List<String> RELATIONS = List.of("adapter", "merge", "quantized", "finetune");
    /** Language values that are not codes. */
    public static final Map<String, String> SPECIAL_LANGUAGES = Map.of(
            "multilingual", "Many languages", "code", "Programming languages");

    private static final class Holder {
        static final HubData INSTANCE = new HubData();
    }

    private final Map<String, String> licenses;
    private final Map<String, String> licenseByLowerCase = new HashMap<>();
    private final List<String> tasks;
    private final List<String> libraries;
    private final Map<String, String> languages;
    private final Map<String, String> languageByName = new HashMap<>();
    private final Map<String, String> languageAliases;
    private final Map<String, String> keys;

    private HubData() {
        licenses = pairs("licenses.tsv");
        licenses.keySet().forEach(id -> licenseByLowerCase.put(id.toLowerCase(Locale.ROOT), id));
        tasks = List.copyOf(pairs("pipeline-tags.txt").keySet());
        libraries = List.copyOf(pairs("libraries.txt").keySet());
        Map<String, String> langs = new LinkedHashMap<>();
        for (String[] row : rows("languages.tsv")) {
            if (row.length >= 3 && !row[0].equals("code")) {
                langs.put(row[0], row[2]);
                languageByName.putIfAbsent(row[2].toLowerCase(Locale.ROOT), row[0]);
            }
        }
        languages = Collections.unmodifiableMap(langs);
        languageAliases = pairs("language-aliases.tsv");
        keys = pairs("metadata-keys.tsv");
    }

    public static HubData get() {
        return Holder.INSTANCE;
    }

    /** License id → its full name, in the Hub's order. */
    public Map<String, String> licenses() {
        return licenses;
    }

    /** The Hub's id written in another case ({@code MIT} → {@code mit}), if there is one. */
    public Optional<String> licenseIgnoringCase(String id) {
        return Optional.ofNullable(licenseByLowerCase.get(id.toLowerCase(Locale.ROOT)));
    }

    public List<String> tasks() {
        return tasks;
    }

    public List<String> libraries() {
        return libraries;
    }

    /** Language code → name: ISO 639-1 codes first, then ISO 639-3. */
    public Map<String, String> languages() {
        return languages;
    }

    /** The code that was meant by a wrong one: a misused code ({@code jp}), a region tag, a language's name. */
    public Optional<String> languageMeant(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        if (languages.containsKey(lower)) {
            return Optional.of(lower);
        }
        if (languageAliases.containsKey(lower)) {
            return Optional.of(languageAliases.get(lower));
        }
        int dash = lower.indexOf('-') > 0 ? lower.indexOf('-') : lower.indexOf('_');
        if (dash > 0) {
            String primary = lower.substring(0, dash);
            return languages.containsKey(primary) ? Optional.of(primary) : Optional.ofNullable(languageAliases.get(primary));
        }
        return Optional.ofNullable(languageByName.get(lower));
    }

    /** Key → what it holds, for the keys the Hub reads. */
    public Map<String, String> keys() {
        return keys;
    }

    /** The first two tab-separated fields of each data line, in file order (one field: an empty value). */
    private static Map<String, String> pairs(String file) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] row : rows(file)) {
            out.put(row[0], row.length > 1 ? row[1] : "");
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<String[]> rows(String file) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = HubData.class.getResourceAsStream("/rules/hub/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the bundled file rules/hub/" + file + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
