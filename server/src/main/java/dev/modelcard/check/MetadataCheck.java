package dev.modelcard.check;

import dev.modelcard.hub.HubData;
import dev.modelcard.markdown.Metadata;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.YamlMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The front matter as the Hugging Face Hub checks it on push, offline: license ids, language codes, task and
 * library names, base models, list and boolean fields, the model-index results. Each fault is reported at the
 * value (or the key) it concerns. Runs for packs whose {@code metadata} is {@code huggingface}.
 */
final class MetadataCheck implements Check {
    /** A Hub repo id: an optional namespace and a name, of letters, digits, '-', '_' and '.'. */
    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][\\w.-]*(/[\\w.-]+)?");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern RELATIVE_FILE = Pattern.compile("(\\./)?[\\w.-]+(/[\\w.-]+)*");

    @Override
    public void run(CheckContext ctx) {
        if (!ctx.pack().metadata().map("huggingface"::equals).orElse(false)) {
            return;
        }
        Metadata md = ctx.card().metadata();
        if (md.root() == null) {
            return;
        }
        new Run(ctx, md).check();
    }

    private static final class Run {
        private final CheckContext ctx;
        private final Metadata md;
        private final HubData hub = HubData.get();

        Run(CheckContext ctx, Metadata md) {
            this.ctx = ctx;
            this.md = md;
        }

        void check() {
            templateVariables(md.root());
            if (!(md.root() instanceof MappingNode)) {
                error(md.root(), "The front matter must be a mapping of keys to values for the Hugging Face Hub.", null);
                return;
            }
            for (NodeTuple t : md.entries()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    continue;
                }
                Node v = t.getValueNode();
                if (v instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
                    continue; // an empty value: the Hub reads it as absent
                }
                switch (k.getValue()) {
                    case "license" -> license(v);
                    case "license_link" -> licenseLink(v);
                    case "language" -> each(v, "language", this::language);
                    case "pipeline_tag" -> oneOf(v, "pipeline_tag", hub.tasks(), "task", DiagnosticSeverity.Error);
                    case "library_name" -> oneOf(v, "library_name", hub.libraries(), "library",
                            DiagnosticSeverity.Information);
                    case "base_model" -> each(v, "base_model", this::baseModel);
                    case "base_model_relation" -> oneOf(v, "base_model_relation", HubData.RELATIONS,
                            "relation", DiagnosticSeverity.Error);
                    case "datasets", "tags", "metrics" -> each(v, k.getValue(), s -> { });
                    case "widget" -> {
                        if (v instanceof ScalarNode) {
                            error(v, "“widget” must be a list of examples (“- text: …”) for the Hugging Face Hub.", null);
                        } else if (v instanceof MappingNode) {
                            report(Code.METADATA, v, DiagnosticSeverity.Warning, "“widget” should be a list of "
                                    + "examples (“- text: …”); the Hub reads this mapping as one example at best.", null);
                        }
                    }
                    case "inference" -> inference(v);
                    case "model-index" -> modelIndex(v);
                    default -> {
                        if (!hub.keys().containsKey(k.getValue()) && !k.getValue().startsWith("extra_gated_")) {
                            misspelt(k);
                        }
                    }
                }
            }
            if (md.entry("license").map(t -> isString(t.getValueNode(), "other")).orElse(false)) {
                Node license = md.entry("license").get().getValueNode();
                for (String needed : List.of("license_name", "license_link")) {
                    if (md.entry(needed).isEmpty()) {
                        error(license, "“license: other” needs “" + needed + "” too: "
                                + hub.keys().get(needed).replace("With `license: other`: ", ""), null);
                    }
                }
            }
        }

        private void license(Node v) {
            Optional<String> id = scalar(v, "license");
            if (id.isEmpty() || hub.licenses().containsKey(id.get())) {
                return;
            }
            Optional<String> meant = hub.licenseIgnoringCase(id.get());
            if (meant.isPresent()) {
                error(v, "License “" + id.get() + "” is not a Hub license id; the Hub's id is “" + meant.get()
                        + "” (ids are lower-case).", meant.get());
            } else {
                error(v, "License “" + id.get() + "” is not one of the Hub's license ids; use one of them, or "
                        + "“other” with “license_name” and “license_link”.",
                        nearest(id.get().toLowerCase(Locale.ROOT), hub.licenses().keySet()));
            }
        }

        private void licenseLink(Node v) {
            scalar(v, "license_link").ifPresent(link -> {
                if (!URL.matcher(link).matches() && !RELATIVE_FILE.matcher(link).matches()) {
                    error(v, "“license_link” must be a URL or the name of a file in the repository (such as "
                            + "LICENSE.md), not “" + link + "”.", null);
                }
            });
        }

        private void language(ScalarNode n) {
            String code = n.getValue();
            if (hub.isLanguage(code) || HubData.SPECIAL_LANGUAGES.containsKey(code)) {
                return;
            }
            if (code.equals("noinfo")) { // what ESPnet writes when it does not know
                report(Code.METADATA_UNKNOWN, n, DiagnosticSeverity.Information, "“noinfo” says nothing about the "
                        + "language; give the model's language code, or remove “language”.", null);
                return;
            }
            Optional<String> meant = hub.languageMeant(code);
            String hint = meant.map(m -> "; did you mean “" + m + "” (" + hub.languages().get(m) + ")?")
                    .orElse("; use an ISO 639-1 or 639-3 code, “multilingual” or “code”.");
            String why = code.contains("-") || code.contains("_") ? " The Hub takes no region or script tags" : "";
            error(n, "Language “" + code + "” is not a language code the Hub accepts" + hint + why
                    + (why.isEmpty() ? "" : "."), meant.orElse(null));
        }

        private void baseModel(ScalarNode n) {
            String id = n.getValue();
            if (!REPO_ID.matcher(id).matches() || id.contains("..")) {
                error(n, "“base_model” must be a Hub model id such as “org/name”, not “" + abbreviate(id)
                        + "” (no local paths, URLs or prose).", repoIdOfUrl(id));
            }
        }

        private void inference(Node v) {
            if (v instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
                return;
            }
            if (v instanceof MappingNode) {
                return; // {parameters: …}: the widget's generation parameters
            }
            String fix = v instanceof ScalarNode s && s.getValue().matches("(?i)true|false")
                    ? s.getValue().toLowerCase(Locale.ROOT) : null;
            error(v, "“inference” must be true or false (or a mapping with “parameters”)"
                    + (fix != null ? ", unquoted" : "") + ".", fix);
        }

        private void modelIndex(Node v) {
            if (!(v instanceof SequenceNode models)) {
                error(v, "“model-index” must be a list of models, each with “name” and “results”.", null);
                return;
            }
            for (Node model : models.getValue()) {
                MappingNode m = mapping(model, "a model-index entry", "with “name” and “results”");
                if (m == null) {
                    continue;
                }
                requireString(m, m, "name", "model-index entry");
                Node results = required(m, m, "results", "model-index entry");
                if (results == null) {
                    continue;
                }
                if (!(results instanceof SequenceNode list)) {
                    error(results, "“results” must be a list, each result with “task”, “dataset” and “metrics”.", null);
                    continue;
                }
                for (Node result : list.getValue()) {
                    result(result);
                }
            }
        }

        private void result(Node node) {
            MappingNode r = mapping(node, "a result", "with “task”, “dataset” and “metrics”");
            if (r == null) {
                return;
            }
            MappingNode task = mapping(required(r, r, "task", "result"), "“task”", "with “type”");
            if (task != null) {
                requireString(task, keyOf(r, "task"), "type", "task");
                optionalString(task, "name");
            }
            MappingNode dataset = mapping(required(r, r, "dataset", "result"), "“dataset”", "with “type” and “name”");
            if (dataset != null) {
                requireString(dataset, keyOf(r, "dataset"), "type", "dataset");
                requireString(dataset, keyOf(r, "dataset"), "name", "dataset");
                for (String key : List.of("config", "split", "revision")) {
                    optionalString(dataset, key);
                }
            }
            Node metrics = required(r, r, "metrics", "result");
            if (metrics instanceof SequenceNode list) {
                for (Node metric : list.getValue()) {
                    MappingNode m = mapping(metric, "a metric", "with “type” and “value”");
                    if (m != null) {
                        requireString(m, m, "type", "metric");
                        Node value = required(m, m, "value", "metric");
                        if (value != null && !(value instanceof ScalarNode s && !s.getTag().equals(Tag.NULL))) {
                            error(value, "A metric's “value” must be a number or a string.", null);
                        }
                        optionalString(m, "name");
                    }
                }
            } else if (metrics != null) {
                error(metrics, "“metrics” must be a list, each metric with “type” and “value”.", null);
            }
            value(r, "source").ifPresent(source -> {
                MappingNode s = mapping(source, "“source”", "with “url” (and “name”)");
                if (s != null) {
                    requireString(s, keyOf(r, "source"), "url", "source");
                }
            });
        }

        /** A key that is no Hub key but nearly one: {@code licence}, {@code pipline_tag}, {@code base-model}. */
        private void misspelt(ScalarNode key) {
            String written = key.getValue();
            String normal = written.toLowerCase(Locale.ROOT).replace('-', '_');
            for (String known : hub.keys().keySet()) {
                if (known.replace('-', '_').equals(normal)) {
                    report(Code.METADATA_KEY, key, DiagnosticSeverity.Warning, "Unknown key “" + written
                            + "”; did you mean “" + known + "”? The Hub ignores this one.", known);
                    return;
                }
            }
            String near = nearest(normal, hub.keys().keySet());
            if (near != null && !near.startsWith("extra_gated")) {
                report(Code.METADATA_KEY, key, DiagnosticSeverity.Warning, "Unknown key “" + written
                        + "”; did you mean “" + near + "”? The Hub ignores this one.", near);
            }
        }

        // ---- shapes ----

        /** A string or a list of strings (the Hub takes a bare string for one); each string goes to {@code item}. */
        private void each(Node v, String key, java.util.function.Consumer<ScalarNode> item) {
            if (v instanceof SequenceNode list) {
                for (Node n : list.getValue()) {
                    if (isText(n)) {
                        item.accept((ScalarNode) n);
                    } else {
                        error(n, "Each “" + key + "” entry must be a string" + quoteHint(n) + ".", null);
                    }
                }
            } else if (isText(v)) {
                item.accept((ScalarNode) v);
            } else {
                error(v, "“" + key + "” must be a string or a list of strings" + quoteHint(v) + ".", null);
            }
        }

        private void oneOf(Node v, String key, List<String> known, String what, DiagnosticSeverity severity) {
            scalar(v, key).ifPresent(value -> {
                if (known.contains(value)) {
                    return;
                }
                String near = null;
                for (String k : known) {
                    if (k.equalsIgnoreCase(value)) {
                        near = k;
                        break;
                    }
                }
                near = near != null ? near : nearest(value.toLowerCase(Locale.ROOT), known);
                String message = "“" + value + "” is not a " + what + " the Hub knows" + (near != null
                        ? "; did you mean “" + near + "”?" : severity == DiagnosticSeverity.Error
                                ? "; use one of the Hub's " + what + " ids." : " (a custom one is allowed).");
                report(severity == DiagnosticSeverity.Error ? Code.METADATA : Code.METADATA_UNKNOWN, v, severity,
                        message, near);
            });
        }

        /** The value as a string, or empty after reporting that it must be one. */
        private Optional<String> scalar(Node v, String key) {
            if (isText(v)) {
                return Optional.of(((ScalarNode) v).getValue());
            }
            error(v, v instanceof ScalarNode s && s.getTag().equals(Tag.NULL) ? "“" + key + "” is empty."
                    : "“" + key + "” must be a single string" + quoteHint(v) + ".", null);
            return Optional.empty();
        }

        private MappingNode mapping(Node n, String what, String with) {
            if (n == null) {
                return null;
            }
            if (n instanceof MappingNode m) {
                return m;
            }
            error(n, "In “model-index”, " + what + " must be a mapping " + with + ".", null);
            return null;
        }

        /** The value of a key the Hub requires; reported missing at {@code anchor} (the owner's key, or itself). */
        private Node required(MappingNode m, Node anchor, String key, String owner) {
            Optional<Node> v = value(m, key);
            if (v.isEmpty()) {
                error(anchor, "This " + owner + " in “model-index” has no “" + key + "”; the Hub requires it.", null);
                return null;
            }
            return v.get();
        }

        private void requireString(MappingNode m, Node anchor, String key, String owner) {
            Node v = required(m, anchor, key, owner);
            if (v instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
                error(v, "“" + owner + "." + key + "” is empty; the Hub requires it.", null);
            } else if (v != null) {
                mustBeString(v, owner + "." + key);
            }
        }

        private void optionalString(MappingNode m, String key) {
            value(m, key).filter(v -> !(v instanceof ScalarNode s && s.getTag().equals(Tag.NULL)))
                    .ifPresent(v -> mustBeString(v, key));
        }

        /** A number or boolean where the Hub wants a string gets quotes as its fix. */
        private void mustBeString(Node v, String what) {
            if (!isText(v)) {
                error(v, "“" + what + "” must be a string" + quoteHint(v) + ".",
                        v instanceof ScalarNode s ? "\"" + s.getValue() + "\"" : null);
            }
        }

        private static Node keyOf(MappingNode m, String key) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return k;
                }
            }
            return m;
        }

        private static Optional<Node> value(MappingNode m, String key) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(t.getValueNode());
                }
            }
            return Optional.empty();
        }

        private static boolean isText(Node n) {
            return n instanceof ScalarNode s && s.getTag().equals(Tag.STR);
        }

        private static boolean isString(Node n, String value) {
            return isText(n) && ((ScalarNode) n).getValue().equals(value);
        }

        private static String quoteHint(Node n) {
            return n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) && !s.getTag().equals(Tag.STR)
                    ? " (quote “" + s.getValue() + "” to make it one)" : "";
        }

        private void error(Node n, String message, String replacement) {
            if (!isTemplateVariable(n)) { // reported as a leftover already
                report(Code.METADATA, n, DiagnosticSeverity.Error, message, replacement);
            }
        }

        /**
         * A metadata template's variable left unfilled, {@code {lang_id}} or {@code {license}}: YAML reads it as a
         * mapping whose one key has no value. Reported as a leftover wherever it stands.
         */
        private void templateVariables(Node n) {
            if (isTemplateVariable(n)) {
                int[] r = md.range(n);
                ctx.report().accept(new Finding(Code.PLACEHOLDER, r[0], r[1], DiagnosticSeverity.Warning,
                        "Placeholder \u201c" + ctx.card().text().substring(r[0], r[1]) + "\u201d left in the "
                                + "metadata (a template variable never filled in); write the value.", null));
            } else if (n instanceof MappingNode m) {
                m.getValue().forEach(t -> templateVariables(t.getValueNode()));
            } else if (n instanceof SequenceNode list) {
                list.getValue().forEach(this::templateVariables);
            }
        }

        private boolean isTemplateVariable(Node n) {
            if (!(n instanceof MappingNode m) || m.getValue().size() != 1 || n.getStartMark().isEmpty()) {
                return false;
            }
            NodeTuple t = m.getValue().get(0);
            int start = md.offset(n.getStartMark().get());
            return ctx.card().text().charAt(start) == '{' && t.getKeyNode() instanceof ScalarNode k
                    && k.getValue().matches("[A-Za-z_]\\w*") && t.getValueNode() instanceof ScalarNode v
                    && v.getTag().equals(Tag.NULL) && v.getValue().isEmpty();
        }

        private void report(Code code, Node n, DiagnosticSeverity severity, String message, String replacement) {
            int[] r = rangeOf(n);
            ctx.report().accept(new Finding(code, r[0], r[1], severity, message, null, replacement));
        }

        /** A scalar's own range; a collection's first line, so that a finding never covers a whole block. */
        private int[] rangeOf(Node n) {
            int[] r = md.range(n);
            if (!(n instanceof ScalarNode)) {
                var lines = ctx.card().lines();
                int lineEnd = lines.lineEnd(lines.lineOf(r[0]));
                String text = ctx.card().text();
                int end = Math.min(r[1], lineEnd);
                while (end > r[0] && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                return new int[] {r[0], Math.max(end, Math.min(r[0] + 1, lineEnd))};
            }
            return r;
        }
    }

    /** The nearest known word, strictly: one edit for short words, two for longer ones. */
    static String nearest(String word, java.util.Collection<String> known) {
        return YamlMap.nearest(word, known, word.length() <= 5 ? 1 : 2);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

    /** {@code https://huggingface.co/org/name} → {@code org/name}. */
    private static String repoIdOfUrl(String s) {
        var m = Pattern.compile("https?://huggingface\\.co/([\\w.-]+/[\\w.-]+)/?").matcher(s.strip());
        return m.matches() ? m.group(1) : null;
    }
}
