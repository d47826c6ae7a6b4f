package dev.modelcard.cli.output;

/**
 * A format of the checker's results. Each card is written as soon as its turn comes, so that memory stays flat
 * however many cards a run has; only what a format must put after the results is kept to the end.
 */
public interface Output {
    default void start() {}

    void card(Outcome outcome);

    void finish(Summary summary);
}
