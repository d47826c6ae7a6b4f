package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.commonmark.node.Node;

/**
 * The findings of the checks that look at one section at a time, per section (the top-level blocks from a
 * heading up to the next one, and those above the first heading). A section whose blocks an edit did not touch
 * keeps its findings ({@link SectionMemo}): only the touched sections are checked again.
 */
public final class SectionFindings {
    /**
     * What a section's findings depend on besides its blocks. Equality written out: a record's own is linked
     * through java.lang.invoke on first use, which costs the first keystroke after opening a card.
     */
    private record Context(RulePack pack, String rule) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Context c && c.pack == pack && java.util.Objects.equals(c.rule, rule);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(pack) * 31 + java.util.Objects.hashCode(rule);
        }
    }

    private final SectionMemo<List<Finding>> memo;

    private SectionFindings(SectionMemo<List<Finding>> memo) {
        this.memo = memo;
    }

    /**
     * Runs {@code checks} on each section of the card, or takes over a section's findings from {@code previous},
     * and hands every finding to {@code ctx.report()}.
     */
    static SectionFindings run(List<Check> checks, CheckContext ctx, SectionFindings previous,
            BooleanSupplier cancelled, BiConsumer<String, Throwable> log) {
        CardDocument card = ctx.card();
        List<Node> blocks = card.blocks();
        List<Heading> headings = card.headings();
        SectionMemo<List<Finding>> memo = new SectionMemo<>(headings.size() + 1);
        int from = 0;
        for (int h = -1; h < headings.size(); h++) {
            int to = card.sectionEnd(h);
            if (to > from) {
                if ((h & 63) == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                SectionRule rule = h < 0 ? null : ctx.outline().sectionOf(headings.get(h));
                List<Node> scope = blocks.subList(from, to);
                memo.take(previous == null ? null : previous.memo, blocks, from, to,
                        new Context(ctx.pack(), rule == null ? null : rule.id()), () -> check(checks, ctx, scope, log),
                        SectionFindings::moved).forEach(ctx.report());
            }
            from = to;
        }
        return new SectionFindings(memo);
    }

    private static List<Finding> check(List<Check> checks, CheckContext ctx, List<Node> scope,
            BiConsumer<String, Throwable> log) {
        List<Finding> found = new ArrayList<>();
        Consumer<Finding> collect = found::add;
        CheckContext section = new CheckContext(ctx.card(), ctx.pack(), ctx.outline(), collect, scope);
        for (Check check : checks) {
            try {
                check.run(section);
            } catch (RuntimeException | StackOverflowError e) {
                log.accept(check.getClass().getSimpleName() + " failed; the other checks still ran", e);
            }
        }
        return List.copyOf(found);
    }

    private static List<Finding> moved(List<Finding> findings, int by) {
        if (findings.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(new Finding(f.code(), f.start() + by, f.end() + by, f.severity(), f.message(), f.section(),
                    f.replacement()));
        }
        return out;
    }
}
