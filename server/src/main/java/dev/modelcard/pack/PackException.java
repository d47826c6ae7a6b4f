package dev.modelcard.pack;

import java.util.List;
import java.util.stream.Collectors;

/** A pack that cannot be used, with every problem found in it. */
public final class PackException extends Exception {
    private final List<PackProblem> problems;

    public PackException(List<PackProblem> problems) {
        super(problems.stream().map(PackProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<PackProblem> problems() {
        return problems;
    }
}
