package dev.modelcard.cli.output;

import dev.modelcard.cli.output.Outcome.SectionState;
import dev.modelcard.cli.output.Outcome.Status;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;

/**
 * One self-contained HTML page (inline CSS and script, nothing from the network) for a team reviewing many cards:
 * per template, a matrix of cards × the template's sections (complete, empty, placeholder, missing), each card's
 * completeness, totals per section, filters by template and by status, and every finding linked to its file and
 * line. Cards are kept as small rows until the end, when the page is written grouped by template.
 */
public final class HtmlReport implements Output {
    /** A finding as the page shows it. */
    record Finding(int line, int column, String severity, String code, String message) {}

    /** A checked card as the page shows it. */
    record Row(Path path, List<SectionState> states, int complete, int total, List<Finding> findings) {}

    private final PrintWriter out;
    private final Path folder;
    private final Map<String, RulePack> packs = new TreeMap<>();
    private final Map<String, List<Row>> rows = new TreeMap<>();
    private final List<Outcome> skipped = new ArrayList<>();
    private final List<Outcome> problems = new ArrayList<>();

    /** @param folder where the page is written: links to the cards are relative to it */
    public HtmlReport(PrintWriter out, Path folder) {
        this.out = out;
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public void card(Outcome o) {
        if (o.status().isProblem()) {
            problems.add(o);
        } else if (o.status() != Status.CHECKED) {
            skipped.add(o);
        } else {
            packs.putIfAbsent(o.pack().id(), o.pack());
            List<Finding> findings = new ArrayList<>();
            for (Diagnostic d : o.diagnostics()) {
                Position start = d.getRange().getStart();
                findings.add(new Finding(start.getLine() + 1, start.getCharacter() + 1, Summary.word(d.getSeverity()),
                        d.getCode().getLeft(), TextOutput.shorten(d.getMessage(), o.pack().name())));
            }
            rows.computeIfAbsent(o.pack().id(), k -> new ArrayList<>()).add(new Row(o.path(), o.sections(),
                    o.completeness().complete(), o.completeness().total(), findings));
        }
    }

    @Override
    public void finish(Summary summary) {
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        out.println("<title>Model card completeness</title>");
        out.println("<style>" + CSS + "</style></head><body>");
        out.println("<h1>Model card completeness</h1>");
        out.println("<p id=\"summary\">" + esc(summary.line()) + "</p>");
        filters();
        out.println("<p class=\"legend\">" + legend() + "</p>");
        int card = 0;
        for (Map.Entry<String, List<Row>> group : rows.entrySet()) {
            card = template(packs.get(group.getKey()), group.getValue(), card);
        }
        if (!problems.isEmpty()) {
            out.println("<section id=\"problems\"><h2>Not read or not checked</h2><ul>");
            problems.forEach(o -> out.println("<li>" + link(o.path(), 0) + ": " + esc(o.message()) + "</li>"));
            out.println("</ul></section>");
        }
        if (!skipped.isEmpty()) {
            out.println("<section id=\"skipped\"><h2>Skipped</h2><ul>");
            skipped.forEach(o -> out.println("<li>" + link(o.path(), 0) + ": " + esc(o.message()) + "</li>"));
            out.println("</ul></section>");
        }
        out.println("<script>" + SCRIPT + "</script>");
        out.println("</body></html>");
        out.flush();
    }

    private void filters() {
        out.println("<form id=\"filters\">");
        out.println("<label>Template <select id=\"template-filter\"><option value=\"all\">all templates</option>"
                + packs.values().stream().map(p -> "<option value=\"" + esc(p.id()) + "\">" + esc(p.name())
                        + "</option>").collect(Collectors.joining()) + "</select></label>");
        out.println("<label>Cards <select id=\"status-filter\">"
                + "<option value=\"all\">all cards</option>"
                + "<option value=\"incomplete\">incomplete</option>"
                + "<option value=\"complete\">complete</option>"
                + "<option value=\"missing\">with a missing section</option>"
                + "<option value=\"empty\">with an empty section</option>"
                + "<option value=\"placeholder\">with a placeholder left</option>"
                + "</select></label>");
        out.println("<span id=\"shown\"></span></form>");
    }

    /** One template's matrix, its totals row, then the findings of each of its cards. */
    private int template(RulePack pack, List<Row> cards, int numbered) {
        List<SectionRule> sections = pack.allSections();
        out.println("<section class=\"template\" data-template=\"" + esc(pack.id()) + "\">");
        out.println("<h2>" + esc(pack.name()) + " <small>" + cards.size() + (cards.size() == 1 ? " card" : " cards")
                + "</small></h2>");
        out.println("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th class=\"card\">Card</th>"
                + "<th class=\"pct\">Complete</th>");
        for (SectionRule s : sections) {
            out.println("<th class=\"section " + s.requirement().word() + "\" title=\"" + esc(s.heading() + " ("
                    + s.requirement().word() + ")") + "\" data-section=\"" + esc(s.id()) + "\"><span>"
                    + esc(s.title()) + "</span></th>");
        }
        out.println("</tr></thead><tbody>");
        List<Map<SectionState, Integer>> totals = new ArrayList<>();
        sections.forEach(s -> totals.add(new EnumMap<>(SectionState.class)));
        int n = numbered;
        for (Row row : cards) {
            n++;
            String states = row.states().stream().filter(st -> st != SectionState.COMPLETE
                    && st != SectionState.OPTIONAL_ABSENT).map(HtmlReport::word).distinct().sorted()
                    .collect(Collectors.joining(" "));
            boolean complete = row.complete() == row.total();
            out.print("<tr class=\"card\" id=\"card-" + n + "\" data-template=\"" + esc(pack.id()) + "\" data-states=\""
                    + states + "\" data-complete=\"" + complete + "\"><th class=\"card\"><a href=\"#findings-" + n
                    + "\">" + esc(row.path().toString()) + "</a></th><td class=\"pct\" data-complete=\""
                    + row.complete() + "\" data-total=\"" + row.total() + "\"><meter min=\"0\" max=\"" + row.total()
                    + "\" value=\"" + row.complete() + "\"></meter> " + percent(row.complete(), row.total()) + "</td>");
            for (int i = 0; i < sections.size(); i++) {
                SectionState st = row.states().get(i);
                totals.get(i).merge(st, 1, Integer::sum);
                out.print("<td class=\"state " + word(st) + "\" title=\"" + esc(sections.get(i).title() + ": "
                        + label(st)) + "\">" + SYMBOLS.get(st) + "</td>");
            }
            out.println("</tr>");
        }
        out.println("</tbody><tfoot><tr><th class=\"card\">Totals</th><td class=\"pct\">"
                + cards.stream().filter(r -> r.complete() == r.total()).count() + " complete</td>");
        for (int i = 0; i < sections.size(); i++) {
            Map<SectionState, Integer> t = totals.get(i);
            out.print("<td class=\"total\" data-section=\"" + esc(sections.get(i).id()) + "\" title=\""
                    + esc(sections.get(i).title() + ": " + t.entrySet().stream()
                            .map(e -> e.getValue() + " " + label(e.getKey())).collect(Collectors.joining(", ")))
                    + "\">");
            for (SectionState st : List.of(SectionState.COMPLETE, SectionState.EMPTY, SectionState.PLACEHOLDER,
                    SectionState.MISSING)) {
                int count = t.getOrDefault(st, 0);
                if (count > 0) {
                    out.print("<span class=\"" + word(st) + "\" data-state=\"" + word(st) + "\">" + SYMBOLS.get(st)
                            + count + "</span>");
                }
            }
            out.println("</td>");
        }
        out.println("</tr></tfoot></table></div>");
        out.println("<h3>Findings</h3>");
        n = numbered;
        for (Row row : cards) {
            n++;
            out.println("<details class=\"findings\" id=\"findings-" + n + "\" data-card=\"card-" + n + "\"><summary>"
                    + esc(row.path().toString()) + " \u2014 " + row.findings().size()
                    + (row.findings().size() == 1 ? " finding" : " findings") + "</summary><ul>");
            for (Finding f : row.findings()) {
                out.println("<li class=\"" + f.severity() + "\">" + link(row.path(), f.line()) + " <span class=\"sev\">"
                        + f.severity() + "</span> <code>" + esc(f.code()) + "</code> " + esc(f.message()) + "</li>");
            }
            out.println("</ul></details>");
        }
        out.println("</section>");
        return n;
    }

    /** A link to the card (and line), relative to the page, labelled {@code path:line}. */
    private String link(Path card, int line) {
        Path abs = card.toAbsolutePath().normalize();
        String href = Objects.equals(abs.getRoot(), folder.getRoot())
                ? Locations.uriReference(folder.relativize(abs).toString().replace('\\', '/'))
                : abs.toUri().toString();
        String at = line > 0 ? ":" + line : "";
        return "<a href=\"" + esc(href + (line > 0 ? "#L" + line : "")) + "\">" + esc(card + at) + "</a>";
    }

    private static String percent(int complete, int total) {
        return total == 0 ? "\u2014" : Math.round(100.0 * complete / total) + "%";
    }

    static String word(SectionState s) {
        return switch (s) {
            case COMPLETE -> "complete";
            case EMPTY -> "empty";
            case PLACEHOLDER -> "placeholder";
            case MISSING -> "missing";
            case OPTIONAL_ABSENT -> "absent";
        };
    }

    private static String label(SectionState s) {
        return switch (s) {
            case COMPLETE -> "complete";
            case EMPTY -> "empty";
            case PLACEHOLDER -> "placeholder left";
            case MISSING -> "missing";
            case OPTIONAL_ABSENT -> "absent (optional)";
        };
    }

    private static String legend() {
        return SYMBOLS.entrySet().stream().map(e -> "<span class=\"state " + word(e.getKey()) + "\">" + e.getValue()
                + "</span> " + label(e.getKey())).collect(Collectors.joining(" "));
    }

    private static final Map<SectionState, String> SYMBOLS = symbols();

    private static Map<SectionState, String> symbols() {
        Map<SectionState, String> m = new LinkedHashMap<>();
        m.put(SectionState.COMPLETE, "\u2713");
        m.put(SectionState.EMPTY, "\u2205");
        m.put(SectionState.PLACEHOLDER, "\u2026");
        m.put(SectionState.MISSING, "\u2717");
        m.put(SectionState.OPTIONAL_ABSENT, "\u00b7");
        return m;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = String.join("\n",
            "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1b1f24}",
            "h1{font-size:1.5em}h2{margin-top:1.5em}h2 small{font-weight:normal;color:#57606a}",
            "#filters{display:flex;gap:1.5em;align-items:center;margin:1em 0}#shown{color:#57606a}",
            ".scroll{overflow-x:auto}",
            "table.matrix{border-collapse:collapse}",
            ".matrix th,.matrix td{border:1px solid #d0d7de;padding:2px 6px;text-align:center}",
            ".matrix th.card{text-align:left;white-space:nowrap;font-weight:normal;max-width:28em;overflow:hidden;"
                    + "text-overflow:ellipsis}",
            ".matrix thead th.section{vertical-align:bottom;height:11em}",
            ".matrix thead th.section span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}",
            ".matrix thead th.optional{color:#57606a;font-weight:normal}",
            ".matrix td.pct{white-space:nowrap;text-align:right}",
            ".state.complete{background:#dafbe1;color:#1a7f37}.state.empty{background:#fff8c5;color:#9a6700}",
            ".state.placeholder{background:#ffebe9;color:#bc4c00}.state.missing{background:#ffcecb;color:#cf222e;"
                    + "font-weight:bold}",
            ".state.absent{color:#8c959f}",
            ".legend .state{display:inline-block;min-width:1.4em;text-align:center;border-radius:3px}",
            "td.total span{display:block;font-size:12px;white-space:nowrap}",
            "td.total .complete{color:#1a7f37}td.total .empty{color:#9a6700}td.total .placeholder{color:#bc4c00}"
                    + "td.total .missing{color:#cf222e}",
            "details.findings{margin:.2em 0}details.findings ul{margin:.3em 0 .6em}",
            "li .sev{font-size:12px;color:#57606a}li.error .sev{color:#cf222e}li.warning .sev{color:#9a6700}",
            "[hidden]{display:none!important}");

    private static final String SCRIPT = String.join("\n",
            "(function(){",
            "const t=document.getElementById('template-filter'),s=document.getElementById('status-filter');",
            "function matches(row){const v=s.value;if(v==='all')return true;",
            " if(v==='complete')return row.dataset.complete==='true';",
            " if(v==='incomplete')return row.dataset.complete!=='true';",
            " return row.dataset.states.split(' ').includes(v);}",
            "function apply(){let shown=0,all=0;",
            " for(const sec of document.querySelectorAll('section.template')){",
            "  const on=t.value==='all'||sec.dataset.template===t.value;sec.hidden=!on;",
            "  for(const row of sec.querySelectorAll('tr.card')){all++;const show=on&&matches(row);row.hidden=!show;",
            "   if(show)shown++;const d=document.querySelector('[data-card=\"'+row.id+'\"]');if(d)d.hidden=!show;}}",
            " document.getElementById('shown').textContent=shown+' of '+all+' cards shown';}",
            "t.addEventListener('change',apply);s.addEventListener('change',apply);apply();",
            "})();");
}
