package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.CardParser;
import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.Severities;
import dev.modelcard.text.LineIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.lsp4j.DiagnosticSeverity;

/** The engine behind the server and the command line: parse, pick the pack, run every check. Thread-safe. */
public final class CardChecker {
    /** The checks that judge the outline alone: sections present, at their level, once, in order. */
    private static final List<Check> OUTLINE_CHECKS = List.of(
            new MissingSectionCheck(),
            new HeadingLevelCheck(),
            new DuplicateSectionCheck(),
            new SectionOrderCheck());
    private static final List<Check> CHECKS = concat(
            List.of(new FrontMatterCheck(), new MetadataCheck(), new EmptySectionCheck(), new SectionTitleCheck()),
            OUTLINE_CHECKS);
    /** Checks that look at one section at a time (their {@link CheckContext#scope()}); see {@link SectionFindings}. */
    private static final List<Check> SECTION_CHECKS = List.of(new PlaceholderCheck());

    /**
     * The checks in order. Nothing on a check's way uses a stream: a checker run that starts none does not load
     * and initialise the stream classes (about 90) before its first card.
     */
    private static List<Check> concat(List<Check> first, List<Check> then) {
        List<Check> all = new ArrayList<>(first);
        all.addAll(then);
        return List.copyOf(all);
    }

    /** Findings reported per card; a card with more says so in one last finding. */
    public static final int MAX_FINDINGS = 1000;

    private final CardParser parser = new CardParser();
    private final PackRegistry packs;
    private final TemplateDetector detector;
    private final BiConsumer<String, Throwable> log;

    /** @param log told when a check fails; the other checks still run */
    public CardChecker(PackRegistry packs, BiConsumer<String, Throwable> log) {
        this.packs = packs;
        this.detector = new TemplateDetector(packs);
        this.log = log;
    }

    public PackRegistry packs() {
        return packs;
    }

    /**
     * Checks one card.
     *
     * @param template the pack the user chose, or null to detect it
     * @param companionExists whether a file of that name lies beside the card
     * @param cancelled polled between checks; when true the check stops with {@link CancellationException}
     */
    public CheckResult check(String text, LineIndex lines, String template, Predicate<String> companionExists,
            BooleanSupplier cancelled) {
        return check(text, lines, CheckOptions.template(template), companionExists, cancelled);
    }

    /**
     * Checks one card with the user's configuration. Severities apply in this order, each over the one before:
     * the pack's default, the configured rules; then the card's own disable comments silence what they name.
     */
    public CheckResult check(String text, LineIndex lines, CheckOptions options, Predicate<String> companionExists,
            BooleanSupplier cancelled) {
        return check(text, lines, options, companionExists, cancelled, null, Runnable::run);
    }

    /**
     * Checks a new version of a card from the result of the version before (see
     * {@link CardParser#parse(String, LineIndex, CardDocument, Consumer)}): only what the edit touched is parsed
     * and checked again, and the result equals a check from scratch.
     *
     * @param previous the result of an earlier version of this card, checked with the same options, or null
     * @param exclusive runs the step after which {@code previous} must not be read any more
     */
    public CheckResult check(String text, LineIndex lines, CheckOptions options, Predicate<String> companionExists,
            BooleanSupplier cancelled, CheckResult previous, Consumer<Runnable> exclusive) {
        CardDocument card = parser.parse(text, lines, previous == null ? null : previous.card(), exclusive);
        Optional<RulePack> detected = detector.detect(card, options.template(), companionExists);
        if (detected.isEmpty()) {
            return new CheckResult(card, null, null, List.of());
        }
        RulePack pack = options.extend(detected.get());
        Outline outline = Outline.of(card, pack, previous == null ? null : previous.outline());
        InlineControl inline = InlineControl.of(card);
        List<Finding> findings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Predicate<String> accepts = options.acceptor(text.length(), skipped);
        Consumer<Finding> report = f -> {
            if (f.code() == Code.PLACEHOLDER && accepts.test(text.substring(f.start(), f.end()))) {
                return;
            }
            Finding graded = withSeverity(pack, options, f);
            if (graded != null && !inline.silences(graded)) {
                findings.add(graded);
            }
        };
        inline.unknownRules().forEach(report);
        CheckContext ctx = new CheckContext(card, pack, outline, report);
        for (Check check : CHECKS) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            try {
                check.run(ctx);
            } catch (RegexBudget.Exceeded e) {
                skipped.add(e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                log.accept(check.getClass().getSimpleName() + " failed; the other checks still ran", e);
            }
        }
        // Run once per section: a pattern over its budget is named once, a failing check logged once per card.
        java.util.Set<String> failed = new java.util.HashSet<>();
        SectionFindings sections = SectionFindings.run(SECTION_CHECKS, ctx,
                previous == null ? null : previous.sections(), cancelled, (message, e) -> {
                    if (e instanceof RegexBudget.Exceeded x) {
                        if (!skipped.contains(x.getMessage())) {
                            skipped.add(x.getMessage());
                        }
                    } else if (failed.add(message)) {
                        log.accept(message, e);
                    }
                });
        if (!skipped.isEmpty()) {
            log.accept("user patterns skipped on this card: " + String.join("; ", skipped), null);
        }
        findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end)
                .thenComparing(f -> f.code().ordinal()));
        return new CheckResult(card, pack, outline, capped(findings), sections);
    }

    /**
     * At most {@link #MAX_FINDINGS}; past that, the first omitted finding's place says how many more there are,
     * under its code (so a disable comment or setting for that code silences it too).
     */
    static List<Finding> capped(List<Finding> findings) {
        if (findings.size() <= MAX_FINDINGS) {
            return List.copyOf(findings);
        }
        Finding next = findings.get(MAX_FINDINGS);
        List<Finding> out = new ArrayList<>(findings.subList(0, MAX_FINDINGS));
        out.add(new Finding(next.code(), next.start(), next.end(), next.severity(), (findings.size() - MAX_FINDINGS)
                + " more findings from here on are not reported: a card shows its first " + MAX_FINDINGS
                + ". Fix these, and the rest appear.", next.section()));
        return List.copyOf(out);
    }

    /**
     * What the outline checks find in a checked card, before severities and disable comments apply, with one
     * heading at another level: what a change of that heading's level would do, without parsing the changed text.
     *
     * @param heading a heading of {@code r}'s card, or null for the card as it is
     */
    public static List<Finding> outlineFindings(CheckResult r, Heading heading, int level) {
        CardDocument card = heading == null ? r.card() : r.card().withLevel(heading, level);
        Outline outline = heading == null ? r.outline() : Outline.of(card, r.pack(), r.outline());
        List<Finding> found = new ArrayList<>();
        CheckContext ctx = new CheckContext(card, r.pack(), outline, found::add);
        OUTLINE_CHECKS.forEach(c -> c.run(ctx));
        return found;
    }

    /** The parsed card only, for a file that is not checked (outline and folding still work on it). */
    public CheckResult parseOnly(String text, LineIndex lines) {
        return new CheckResult(parser.parse(text, lines), null, null, List.of());
    }

    public CheckResult check(String text, String template, Predicate<String> companionExists) {
        return check(text, new LineIndex(text), template, companionExists, () -> false);
    }

    /** The configured severity for the code, else the pack's, else the check's own; null when it is off. */
    private static Finding withSeverity(RulePack pack, CheckOptions options, Finding f) {
        Optional<DiagnosticSeverity> configured = options.rules().get(f.code());
        Optional<DiagnosticSeverity> s = configured != null ? configured
                : Optional.ofNullable(pack.severities().get(f.code().id())).map(Severities::parse)
                        .orElse(Optional.of(f.severity()));
        if (s.isEmpty()) {
            return null;
        }
        return s.get() == f.severity() ? f : new Finding(f.code(), f.start(), f.end(), s.get(), f.message(), f.section(),
                f.replacement());
    }
}
