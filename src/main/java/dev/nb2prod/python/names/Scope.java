package dev.nb2prod.python.names;

import dev.nb2prod.python.ast.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Python scope as seen by {@link NameWalker}. Sequential scopes (module, class body, comprehension, timeit
 * body) resolve reads in statement order; function scopes resolve them once the whole body is known.
 * "Deferred" reads and mutations come from function bodies, which run later than the cell.
 */
abstract class Scope {

    final Scope parent;

    Scope(Scope parent) {
        this.parent = parent;
    }

    abstract void read(String name, Span span);

    abstract void deferredRead(String name, Span span);

    abstract void bind(String name, Span span);

    /** Binding by {@code :=}: comprehensions hand it to the enclosing scope. */
    void bindWalrus(String name, Span span) {
        bind(name, span);
    }

    abstract void mutate(String root, Span span);

    abstract void deferredMutate(String root, Span span);

    void delete(String name, Span span) {
        read(name, span);
    }

    void declareGlobal(String name) {
    }

    void declareNonlocal(String name) {
    }

    /** {@code except ... as name:} binds name for the handler body only. */
    void exceptName(String name, Span span, Runnable body) {
        bind(name, span);
        body.run();
    }

    /** {@code from m import *}: only counts at module level (not in function or class bodies). */
    void starImport(String module) {
    }

    /** True when {@code name} resolves to a name bound locally in this non-module scope. */
    abstract boolean isLocal(String name);

    ModuleScope module() {
        Scope s = this;
        while (s.parent != null) {
            s = s.parent;
        }
        return (ModuleScope) s;
    }

    /** The module namespace: executed in statement order. */
    static final class ModuleScope extends Scope {
        final Set<String> bound = new HashSet<>();
        final Map<String, Span> defines = new LinkedHashMap<>();
        final Map<String, Span> uses = new LinkedHashMap<>();
        final Map<String, Span> deferredUses = new LinkedHashMap<>();
        final Map<String, Span> mutates = new LinkedHashMap<>();
        final Set<String> deletes = new HashSet<>();
        final Set<String> starModules = new HashSet<>();
        final Set<String> importedHere = new HashSet<>();
        boolean star;

        ModuleScope() {
            super(null);
        }

        @Override
        void read(String name, Span span) {
            if (!bound.contains(name) && !KnownNames.isPredefined(name)) {
                uses.putIfAbsent(name, span);
            }
        }

        @Override
        void deferredRead(String name, Span span) {
            if (!KnownNames.isPredefined(name)) {
                deferredUses.putIfAbsent(name, span);
            }
        }

        @Override
        void bind(String name, Span span) {
            bound.add(name);
            defines.putIfAbsent(name, span);
        }

        /**
         * Changing a module the cell imported (so far), a conventional module alias or a builtin is not a change
         * of the notebook's data.
         */
        @Override
        void mutate(String root, Span span) {
            if (!importedHere.contains(root) && !MutatingMethods.MODULE_ALIASES.contains(root)
                    && !KnownNames.isPredefined(root)) {
                mutates.putIfAbsent(root, span);
            }
        }

        @Override
        void deferredMutate(String root, Span span) {
            // Function bodies run only when called: not a mutation by the cell.
        }

        @Override
        void delete(String name, Span span) {
            read(name, span);
            deletes.add(name);
        }

        /** The handler name stays bound for the rest of the cell (later reads are not uses) but is no define. */
        @Override
        void exceptName(String name, Span span, Runnable body) {
            bound.add(name);
            body.run();
        }

        @Override
        void starImport(String module) {
            star = true;
            starModules.add(module);
        }

        @Override
        boolean isLocal(String name) {
            return false;
        }

        /** Reads from function bodies count unless the cell defines the name anywhere. */
        Map<String, Span> allUses() {
            Map<String, Span> all = new LinkedHashMap<>(uses);
            deferredUses.forEach((name, span) -> {
                if (!defines.containsKey(name)) {
                    all.putIfAbsent(name, span);
                }
            });
            return all;
        }
    }

    /** A class body: runs at once, its bindings stay local and are invisible to methods and comprehensions. */
    static final class ClassScope extends Scope {
        final Set<String> bound = new HashSet<>();

        ClassScope(Scope parent) {
            super(parent);
        }

        @Override
        void read(String name, Span span) {
            if (!bound.contains(name)) {
                parent.read(name, span);
            }
        }

        @Override
        void deferredRead(String name, Span span) {
            parent.deferredRead(name, span); // methods do not see class-body names
        }

        @Override
        void bind(String name, Span span) {
            bound.add(name);
        }

        @Override
        void mutate(String root, Span span) {
            if (!bound.contains(root)) {
                parent.mutate(root, span);
            }
        }

        @Override
        void deferredMutate(String root, Span span) {
            parent.deferredMutate(root, span);
        }

        @Override
        boolean isLocal(String name) {
            return bound.contains(name) || parent.isLocal(name);
        }
    }

    /** The loop variables of a comprehension. */
    static final class ComprehensionScope extends Scope {
        final Set<String> bound = new HashSet<>();

        ComprehensionScope(Scope parent) {
            super(parent);
        }

        /** The enclosing scope whose names a comprehension sees: class bodies are skipped. */
        private Scope visibleParent() {
            Scope p = parent;
            while (p instanceof ClassScope) {
                p = p.parent;
            }
            return p;
        }

        @Override
        void read(String name, Span span) {
            if (!bound.contains(name)) {
                visibleParent().read(name, span);
            }
        }

        @Override
        void deferredRead(String name, Span span) {
            if (!bound.contains(name)) {
                visibleParent().deferredRead(name, span);
            }
        }

        @Override
        void bind(String name, Span span) {
            bound.add(name);
        }

        /** A walrus binds in the nearest enclosing function or module scope. */
        @Override
        void bindWalrus(String name, Span span) {
            visibleParent().bindWalrus(name, span);
        }

        @Override
        void mutate(String root, Span span) {
            if (!bound.contains(root)) {
                parent.mutate(root, span);
            }
        }

        @Override
        void deferredMutate(String root, Span span) {
            if (!bound.contains(root)) {
                parent.deferredMutate(root, span);
            }
        }

        @Override
        boolean isLocal(String name) {
            return bound.contains(name) || parent.isLocal(name);
        }
    }

    /** A function or lambda body: names are resolved when the body is complete ({@link #close()}). */
    static final class FunctionScope extends Scope {
        record Ref(String name, Span span) {}

        final Set<String> locals = new HashSet<>();
        final Set<String> globals = new HashSet<>();
        final Set<String> nonlocals = new HashSet<>();
        final List<Ref> reads = new ArrayList<>();
        final List<Ref> mutations = new ArrayList<>();

        FunctionScope(Scope parent) {
            super(parent);
        }

        @Override
        void read(String name, Span span) {
            reads.add(new Ref(name, span));
        }

        @Override
        void deferredRead(String name, Span span) {
            reads.add(new Ref(name, span));
        }

        @Override
        void bind(String name, Span span) {
            locals.add(name);
        }

        @Override
        void mutate(String root, Span span) {
            mutations.add(new Ref(root, span));
        }

        @Override
        void deferredMutate(String root, Span span) {
            mutations.add(new Ref(root, span));
        }

        /** {@code del name} in a function makes the name local (Python's rule). */
        @Override
        void delete(String name, Span span) {
            reads.add(new Ref(name, span));
            locals.add(name);
        }

        @Override
        void declareGlobal(String name) {
            globals.add(name);
        }

        @Override
        void declareNonlocal(String name) {
            nonlocals.add(name);
        }

        @Override
        boolean isLocal(String name) {
            return isOwnLocal(name) || parent.isLocal(name);
        }

        boolean isOwnLocal(String name) {
            return locals.contains(name) && !globals.contains(name) && !nonlocals.contains(name);
        }

        /** Free reads and mutations, handed to the enclosing scope as deferred. */
        void close() {
            for (Ref r : reads) {
                if (!isOwnLocal(r.name())) {
                    parent.deferredRead(r.name(), r.span());
                }
            }
            for (Ref m : mutations) {
                if (!isOwnLocal(m.name())) {
                    parent.deferredMutate(m.name(), m.span());
                }
            }
        }

        Set<String> freeReads() {
            Set<String> out = new HashSet<>();
            for (Ref r : reads) {
                if (!isOwnLocal(r.name()) && !nonlocals.contains(r.name()) && !KnownNames.isPredefined(r.name())) {
                    out.add(r.name());
                }
            }
            return out;
        }

        Set<String> globalWrites() {
            Set<String> out = new HashSet<>(globals);
            out.retainAll(locals);
            return out;
        }

        Set<String> freeMutations() {
            Set<String> out = new HashSet<>();
            for (Ref m : mutations) {
                if (!isOwnLocal(m.name()) && !nonlocals.contains(m.name()) && !KnownNames.isPredefined(m.name())
                        && !MutatingMethods.MODULE_ALIASES.contains(m.name())) {
                    out.add(m.name());
                }
            }
            return out;
        }
    }
}
