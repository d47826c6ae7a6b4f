package dev.modelcard.pack;

/** How strongly a template asks for a section. */
public enum Requirement {
    REQUIRED("required"),
    RECOMMENDED("recommended"),
    OPTIONAL("optional");

    private final String word;

    Requirement(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Requirement of(String word) {
        for (Requirement r : values()) {
            if (r.word.equals(word)) {
                return r;
            }
        }
        return null;
    }
}
