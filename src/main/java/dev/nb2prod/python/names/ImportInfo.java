package dev.nb2prod.python.names;

import dev.nb2prod.python.ast.Span;

/**
 * One imported name. {@code import a.b as c}: module {@code a.b}, name null, boundName {@code c};
 * {@code from m import n as k}: module {@code m}, name {@code n}, boundName {@code k};
 * {@code from m import *}: name {@code "*"}, boundName null. {@code module} is null for {@code from . import x};
 * {@code level} counts the leading dots; {@code moduleLevel} is false inside a function or class body.
 */
public record ImportInfo(String module, String name, String boundName, int level, boolean moduleLevel, Span span) {

    public boolean star() {
        return "*".equals(name);
    }
}
