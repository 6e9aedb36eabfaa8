package dev.nb2prod.python.ast;

/** {@code name [as asname]} in an import; {@code name} is dotted ({@code "a.b.c"}), {@code asname} nullable. */
public record Alias(String name, String asname, Span span) implements Node {

    /** The name this alias binds: {@code asname}, else the imported name ({@code import a.b} binds {@code a}). */
    public String boundName(boolean fromImport) {
        if (asname != null) {
            return asname;
        }
        int dot = name.indexOf('.');
        return fromImport || dot < 0 ? name : name.substring(0, dot);
    }
}
