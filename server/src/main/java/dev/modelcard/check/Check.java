package dev.modelcard.check;

/** One kind of check. Checks are independent: one failing does not stop the others. */
public interface Check {
    void run(CheckContext ctx);
}
