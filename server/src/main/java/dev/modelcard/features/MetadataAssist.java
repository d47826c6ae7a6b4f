package dev.modelcard.features;

import dev.modelcard.check.CheckResult;
import dev.modelcard.hub.HubData;
import dev.modelcard.markdown.FrontMatter;
import dev.modelcard.text.LineIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion and hover inside a Hugging Face card's front matter: the Hub's keys with what they hold, and the
 * values it knows for {@code license}, {@code pipeline_tag}, {@code library_name}, {@code language} and
 * {@code base_model_relation}. Works line by line, so that it helps while the YAML is half typed.
 */
final class MetadataAssist {
    /** A key being typed at the start of a line. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][\\w-]*|");
    /** {@code key: value-so-far}. */
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][\\w-]*):[ \\t]*([^\\s#]*)");
    /** {@code - item-so-far} under a key. */
    private static final Pattern ITEM = Pattern.compile("[ \\t]*-[ \\t]*([^\\s#]*)");
    private static final Pattern BARE_KEY = Pattern.compile("([A-Za-z_][\\w-]*):[ \\t]*(#.*)?");
    /** The most items a value list returns; the client filters further as the user types. */
    private static final int MAX_ITEMS = 300;

    private MetadataAssist() {}

    /** True when the offset lies in the YAML of a card whose pack checks Hugging Face metadata. */
    static boolean applies(CheckResult r, int offset) {
        FrontMatter fm = r.card().frontMatter();
        return fm != null && r.pack() != null && r.pack().metadata().map("huggingface"::equals).orElse(false)
                && offset >= fm.yamlStart() && offset <= fm.yamlEnd();
    }

    static List<CompletionItem> completions(CheckResult r, int offset) {
        LineIndex lines = r.card().lines();
        String text = r.card().text();
        int line = lines.lineOf(offset);
        int lineStart = lines.lineStart(line);
        String prefix = text.substring(lineStart, offset);
        HubData hub = HubData.get();
        if (KEY.matcher(prefix).matches()) {
            Set<String> present = new HashSet<>(r.card().metadata().keys());
            List<CompletionItem> out = new ArrayList<>();
            int n = 0;
            for (Map.Entry<String, String> k : hub.keys().entrySet()) {
                if (present.contains(k.getKey())) {
                    continue;
                }
                CompletionItem item = item(k.getKey(), CompletionItemKind.Property, "Hugging Face metadata",
                        k.getValue(), lines, lineStart, offset, k.getKey() + ": ");
                item.setSortText(String.format("%03d", n++));
                out.add(item);
            }
            return out;
        }
        Matcher kv = KEY_VALUE.matcher(prefix);
        if (kv.matches()) {
            return values(kv.group(1), kv.group(2), lines, offset - kv.group(2).length(), offset);
        }
        Matcher item = ITEM.matcher(prefix);
        if (item.matches()) {
            String key = parentKey(r, line);
            if (key != null) {
                return values(key, item.group(1), lines, offset - item.group(1).length(), offset);
            }
        }
        return List.of();
    }

    static Hover hover(CheckResult r, int offset) {
        LineIndex lines = r.card().lines();
        String text = r.card().text();
        int line = lines.lineOf(offset);
        int lineStart = lines.lineStart(line);
        String content = text.substring(lineStart, lines.lineEnd(line));
        HubData hub = HubData.get();
        Matcher kv = KEY_VALUE.matcher(content);
        String key;
        int valueStart;
        String value;
        if (kv.lookingAt()) {
            key = kv.group(1);
            if (offset <= lineStart + kv.end(1)) {
                String doc = hub.keys().get(key);
                return doc == null ? null : hover(lines, lineStart, lineStart + kv.end(1), "**" + key + "** \u00b7 "
                        + "Hugging Face metadata\n\n" + doc);
            }
            valueStart = lineStart + kv.start(2);
            value = kv.group(2);
        } else {
            Matcher item = ITEM.matcher(content);
            if (!item.lookingAt() || (key = parentKey(r, line)) == null) {
                return null;
            }
            valueStart = lineStart + item.start(1);
            value = item.group(1);
        }
        value = unquote(value);
        if (value.isEmpty() || offset < valueStart || offset > valueStart + value.length() + 2) {
            return null;
        }
        String about = describe(key, value);
        return about == null ? null : hover(lines, valueStart, valueStart + value.length(), about);
    }

    /** What a known value means, in Markdown; null when it is not one the Hub knows. */
    private static String describe(String key, String value) {
        HubData hub = HubData.get();
        return switch (key) {
            case "license" -> hub.licenses().containsKey(value)
                    ? "**" + hub.licenses().get(value) + "** (`" + value + "`), a Hub license id" : null;
            case "language" -> hub.languages().containsKey(value)
                    ? "**" + hub.languages().get(value) + "** (`" + value + "`), a language the Hub knows"
                    : HubData.SPECIAL_LANGUAGES.containsKey(value) ? "**" + HubData.SPECIAL_LANGUAGES.get(value) + "**"
                            : null;
            case "pipeline_tag" -> hub.tasks().contains(value) ? "`" + value + "`: a Hub task; it picks the "
                    + "model's inference widget" : null;
            case "library_name" -> hub.libraries().contains(value) ? "`" + value + "`: a library the Hub knows; "
                    + "it picks the code snippet and widget" : null;
            default -> null;
        };
    }

    private static List<CompletionItem> values(String key, String typed, LineIndex lines, int from, int to) {
        HubData hub = HubData.get();
        String lower = unquote(typed).toLowerCase(Locale.ROOT);
        List<CompletionItem> out = new ArrayList<>();
        switch (key) {
            case "license" -> hub.licenses().forEach((id, name) -> add(out, id, name, lower, lines, from, to));
            case "pipeline_tag" -> hub.tasks().forEach(t -> add(out, t, "task", lower, lines, from, to));
            case "library_name" -> hub.libraries().forEach(l -> add(out, l, "library", lower, lines, from, to));
            case "base_model_relation" -> HubData.RELATIONS.forEach(v -> add(out, v, "relation to base_model",
                    lower, lines, from, to));
            case "language" -> {
                HubData.SPECIAL_LANGUAGES.forEach((v, name) -> add(out, v, name, lower, lines, from, to));
                for (Map.Entry<String, String> l : hub.languages().entrySet()) {
                    // Without a prefix, the two-letter codes only: the 639-3 list is long.
                    if (out.size() >= MAX_ITEMS || lower.isEmpty() && l.getKey().length() > 2) {
                        continue;
                    }
                    add(out, l.getKey(), l.getValue(), lower, lines, from, to);
                }
            }
            default -> { }
        }
        return out;
    }

    private static void add(List<CompletionItem> out, String value, String detail, String typed, LineIndex lines,
            int from, int to) {
        String lowerDetail = detail.toLowerCase(Locale.ROOT);
        if (!typed.isEmpty() && !value.toLowerCase(Locale.ROOT).startsWith(typed) && !lowerDetail.contains(typed)) {
            return;
        }
        CompletionItem item = item(value, CompletionItemKind.Value, detail, null, lines, from, to, value);
        item.setFilterText(value + " " + detail);
        item.setSortText(String.format("%s%05d", value.toLowerCase(Locale.ROOT).startsWith(typed) ? "0" : "1",
                out.size()));
        out.add(item);
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String detail, String doc,
            LineIndex lines, int from, int to, String insert) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setDetail(detail);
        if (doc != null) {
            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc));
        }
        item.setTextEdit(Either.forLeft(new TextEdit(lines.range(from, to), insert)));
        return item;
    }

    /** The key a list item belongs to: the nearest line above that is a key with no value on it. */
    private static String parentKey(CheckResult r, int line) {
        LineIndex lines = r.card().lines();
        String text = r.card().text();
        int first = lines.lineOf(r.card().frontMatter().yamlStart());
        for (int l = line - 1; l >= first; l--) {
            String content = text.substring(lines.lineStart(l), lines.lineEnd(l));
            if (content.isBlank() || ITEM.matcher(content).matches() || content.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = BARE_KEY.matcher(content);
            return m.matches() ? m.group(1) : null;
        }
        return null;
    }

    private static String unquote(String s) {
        return s.replaceAll("^[\"']|[\"']$", "");
    }

    private static Hover hover(LineIndex lines, int start, int end, String markdown) {
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown), lines.range(start, end));
    }
}
