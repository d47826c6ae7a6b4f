package dev.modelcard.pack;

/** What is wrong in a pack file, where: 1-based line and column, as compilers print them. */
public record PackProblem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
