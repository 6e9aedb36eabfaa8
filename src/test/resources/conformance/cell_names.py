#!/usr/bin/env python3
"""CPython reference for nb2prod's per-cell name analysis (conformance test oracle).

Usage:
  python3 cell_names.py NOTEBOOK.ipynb   one JSON line per code cell of the notebook
  python3 cell_names.py --stdin          stdin is a JSON list of cell sources (string or list of strings);
                                         one JSON line per source, index = position in the list
  python3 cell_names.py --batch NB...    the lines of several notebooks in one process, each line with
                                         "notebook": NB as its first key; an unreadable notebook gives one
                                         line {"notebook": NB, "error": message}
  python3 cell_names.py --summary NB...  analyse many notebook files in one process and print counts of
                                         code cells, analysed and skipped cells (by reason)
  python3 cell_names.py --print-excluded prints the JSON list of the names never reported as uses
  python3 cell_names.py --selftest       runs the built-in assertions

Output line of an analysed cell (keys in this order, lists sorted by code point):
  {"index": 3, "defines": [...], "uses": [...], "mutates": [...], "starImport": false}
Output line of a cell that is not analysed:
  {"index": 3, "skipped": "cell magic" | "syntax error" | "too deeply nested" | "invalid source"
                          | "analysis error: <exception type>" (a bug; none on the corpus)}
A file that is not a readable nbformat 3 or 4 notebook prints nothing, a message on stderr, and exits 2.

Standard library only (ast, json, sys, re, builtins; warnings to keep SyntaxWarnings of parsed cells
off stderr); runs on CPython 3.10+. Analysis is done on the `ast` of the cell after the line-based
IPython pre-processing described at `preprocess`. The rules are documented where they are implemented and
summarised in the decisions list of the --help text (see DECISIONS).
"""

import ast
import builtins
import json
import os
import re
import sys
import warnings

DECISIONS = """\
Decisions where the contract left room (the Java side makes the same ones):
 1. Magic and escape detection happens only at the start of a logical line: not inside brackets, not inside a
    string (triple-quoted or backslash-continued), not after a backslash line continuation (a simple scanner of
    quotes, brackets, comments and backslashes; Python 3.12 nested same-quote f-strings are not modelled).
    A magic or shell line (-> pass) is not scanned: its quotes and brackets do not count, and if it ends
    with a backslash the following physical lines are swallowed (they become blank). The code kept from a
    %time/%timeit/%prun line is scanned like any line, so it may go on over brackets or backslashes.
 2. The cell-magic line is the first non-blank line of the cell after IPython's clean-up (19). %%time,
    %%timeit, %%capture and %%prun lines become blank (their arguments, e.g. %%capture's variable or %%timeit's
    setup code, are ignored) and the lines after them are pre-processed as a cell of their own (clean-up
    included); any other %%name there skips the cell ("cell magic"); `%%name?` is help (-> pass). A %% line
    elsewhere is a line magic (-> pass).
 3. %time/%timeit/%prun: the magic name must be followed by whitespace or the end of the line; then every
    token starting with '-' is dropped, and for -n -r -p (timeit) and -D -l -s -T (prun) given without an
    attached value the next token too; the rest of the line (stripped) is the code. Empty code -> pass.
    `%%name` on a line other than the cell-magic line is a line magic (-> pass).
 4. `LHS = %anything` and `LHS = !cmd` (LHS: names or dotted names separated by commas, IPython's regex)
    become `LHS = None`, even for %time/%timeit/%prun (their code is then not read).
 5. `obj?`, `obj??`, `?obj`: a logical line that is a single physical line whose last character outside
    strings and comments is '?', or whose first non-blank character is '?', becomes pass. An auto-call escape
    line (20) whose last character outside strings and comments is '?' is help too (-> pass).
 6. `del name` reads the name (a use if not bound earlier in the cell), is not a define and does not unbind.
    In a function body `del name` makes the name local (Python's rule).
 7. `except E as e` binds e for the rest of the cell (reads of e later in the cell are not uses) but e is
    never a define.
 8. `x: T` without a value binds nothing at module level (the annotation T is read); with a value the value
    is read, then the target bound, then the annotation read. Annotations are always read at module level,
    in class bodies and at def time (`from __future__ import annotations` is not special). Annotated names
    without value inside a function are local (Python's rule).
 9. Evaluation order inside expressions is CPython's: left to right, except: conditional expression
    (test, then body, then orelse); comprehension (first iterable in the enclosing scope, then for each
    generator its target, its ifs, the next iterable; the element last; dict comprehension key then value);
    dict display (key1, value1, key2, ...); call (function, positional args, keyword args); assignment
    (value, then targets left to right, a subscript/attribute target reads its object then its index);
    augmented assignment (target read, value, target bound).
10. Class bodies are analysed in order: a read of a name the class body has already bound is not a use;
    anything else falls through to the module (a use if the module has not bound it yet). Class-body names
    are never visible in methods or in comprehensions in the class body (Python's rule); a comprehension's
    first iterable is read in the class body.
11. Function / lambda bodies are order-insensitive (Python's static scoping): free names are names loaded
    (or deleted, or augmented) in the body that are not parameters, not bound in the body (assignment,
    augmented/annotated assignment, for/with/except-as/import/def/class/walrus/match capture/del), unless
    declared `global`/`nonlocal` there. Free names of nested functions resolve against the enclosing
    function's locals; `global` names go straight to the module. The module-level free names become uses
    unless the cell defines them anywhere (final defines set).
12. Mutations happen only where code runs at once: module level, module-level class bodies, and
    comprehensions there; a mutated root that is comprehension-local or already bound in the class body is
    ignored. A receiver chain is Attribute/Subscript only (a call in the chain breaks it: `f().x = 1` and
    `df.head().sort(...)` mutate nothing). `inplace=True` needs the literal True and a call whose function
    is an attribute (`df.drop(..., inplace=True)` -> df; `drop(df, inplace=True)` -> nothing). The method
    rule applies to any attribute call, so `np.append(a, 1)` mutates np (as the contract says).
13. Excluded names (builtins of CPython 3.11 incl. site's exit/quit/help/copyright/credits/license, Python 2
    builtins, IPython names) are never uses; they are mutates only if the cell defines them.
14. `from m import *` sets starImport only outside function and class bodies. `from __future__ import x`
    defines x like any from-import. `import a.b as c` defines c.
15. A walrus in a comprehension binds in the nearest enclosing function or module scope (class bodies
    skipped); at module level it is a define.
16. The source of a cell is its `source` (nbformat 4) or `input` (nbformat 3); a list is joined with "";
    missing or null is the empty text (analysed: all empty); any other type is skipped ("invalid source").
    \\r\\n and \\r are newlines. Kernel language is not checked: every code cell is parsed as Python 3.
17. Notebooks are read as nbformat 3 (worksheets[].cells[]) or 4 (cells[]) by the `nbformat` field; any
    other major version (or none) is not a notebook here (exit 2). Index counts all cells of all worksheets.
18. Names are as CPython's parser gives them (NFKC-normalised identifiers); lists are sorted by code point.
19. IPython's clean-up comes first: leading blank lines are ignored, the indentation ([ \t]+) of the first
    non-blank line is removed from every line that starts with it, then pasted prompts: `>>> `/`... ` when the
    first line starts with `>>>` or the second with either, `In [n]: `/`...: ` when the first or second line
    starts with one (IPython's regular expressions; their `$` does not match before a \r line break).
20. Auto-call escapes at the start of a logical line (like magics, 1): `,f a b` -> `f("a", "b")` (split on
    whitespace), `;f a b` -> `f("a b")`, `/f a b` -> `f(a, b)`, exactly IPython's text: the name is up to the
    first space, so `/f a, b` -> `f(a,, b)` (a syntax error) and a lone `;` or `,` -> `("")`, `/` -> `()`.
    Lines continued by a trailing backslash are joined onto the first line (IPython's assemble_continued_line)
    and become blank. `//`, `/=` are operators, not escapes. The call is transformed again while it starts
    with an escape (`;;` -> `("")("")`), at most 8 more times. The code of %time/%timeit/%prun is transformed
    the same way when it starts with an escape.
"""

# dir(builtins) of CPython 3.11 (with the site module), fixed so output does not depend on the interpreter.
PY3_BUILTINS = frozenset("""
ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError
BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError
ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception
ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError
ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError
KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented
NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError
RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration
SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True TypeError UnboundLocalError
UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError
Warning ZeroDivisionError __build_class__ __debug__ __doc__ __import__ __loader__ __name__ __package__ __spec__
abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex
copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr
globals hasattr hash help hex id input int isinstance issubclass iter len license list locals map max
memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice
sorted staticmethod str sum super tuple type vars zip
""".split())
PY2_BUILTINS = frozenset("""
unicode xrange raw_input basestring long reduce file execfile unichr cmp reload apply buffer intern coerce
""".split())
IPYTHON_NAMES = frozenset("""
display get_ipython In Out exit quit _ __ ___ _i _ii _iii _ih _oh _dh
""".split())
IPYTHON_NUMBERED = re.compile(r"_i?[0-9]+")


def is_excluded(name):
    return (name in PY3_BUILTINS or name in PY2_BUILTINS or name in IPYTHON_NAMES
            or IPYTHON_NUMBERED.fullmatch(name) is not None)


# The mutation heuristic of the contract. The Java test passes nb2prod's own lists (MutatingMethods) through
# the NB2PROD_MUTATION_CONTRACT environment variable (JSON with the keys below), so both sides always agree.
_CONTRACT = json.loads(os.environ.get("NB2PROD_MUTATION_CONTRACT", "{}"))
MUTATING_METHODS = frozenset(_CONTRACT.get("receiverMutators", """
append extend insert update pop remove clear sort setdefault add discard popitem reverse appendleft extendleft
popleft rotate intersection_update difference_update symmetric_difference_update fill resize itemset put
fit partial_fit fit_transform fit_predict fit_resample compile
""".split()))
FIRST_ARGUMENT_MUTATORS = frozenset(_CONTRACT.get("firstArgumentMutators", """
shuffle heappush heappop heapify heappushpop heapreplace setattr delattr
""".split()))
# Conventional module aliases: `np.append(a, b)` or `pd.options.x = 1` are not mutations of a cell's data.
MODULE_ALIASES = frozenset(_CONTRACT.get("moduleAliases", """
np numpy pd pandas os sys re math random json plt matplotlib mpl sns seaborn tf torch scipy sp sklearn pickle
copy itertools functools collections heapq bisect shutil glob time datetime string operator statistics csv io
pathlib warnings logging keras xgb lgb cv2 nltk spacy requests urllib subprocess stats sm smf px go dd
""".split()))

PASS_THROUGH_CELL_MAGICS = frozenset(("time", "timeit", "capture", "prun"))
CODE_LINE_MAGICS = {"time": frozenset(), "timeit": frozenset(("-n", "-r", "-p")),
                    "prun": frozenset(("-D", "-l", "-s", "-T"))}


# Deep expressions (long `a + b + ...` chains) recurse in the walker; beyond this the cell is skipped.
RECURSION_LIMIT = 8000


class Skip(Exception):
    """The cell is not analysed; the message is the reason."""


# --------------------------------------------------------------------------------------------------------
# IPython pre-processing (line based)
# --------------------------------------------------------------------------------------------------------

NEWLINE_KEPT = re.compile(r"(\r\n|\r|\n)")
LEADING_INDENT = re.compile(r"[ \t]+")
CLASSIC_FIRST_PROMPT = re.compile(r">>>( |$)")
CLASSIC_PROMPT = re.compile(r"(>>>|\.\.\.)( |$)")
IPYTHON_PROMPT = re.compile(r"((\[nav\]|\[ins\])? )?In \[\d+\]: |\s*\.{3,}: ?")
CELL_MAGIC_HELP = re.compile(r"%%\w+\?")
# IPython's assign-from-system / assign-from-magic left-hand side
ASSIGN_MAGIC = re.compile(r"([\w.]+(?:\s*,\s*[\w.]+)*)\s*=\s*[!%]")
LINE_MAGIC = re.compile(r"%(\w+)(\s.*)?", re.S)
CELL_MAGIC = re.compile(r"%%(\S*)")
TOKEN = re.compile(r"(\S+)\s*(.*)", re.S)


class _Scanner:
    """Tracks bracket depth, open strings and backslash continuations across physical lines."""

    def __init__(self):
        self.depth = 0
        self.string = None  # the open quote: ' " ''' """
        self.continued = False

    def at_logical_start(self):
        return self.depth == 0 and self.string is None and not self.continued

    def scan(self, line):
        """Scans one physical line; returns the last character outside strings and comments (or '')."""
        last = ""
        self.continued = False
        i, n = 0, len(line)
        while i < n:
            c = line[i]
            if self.string is not None:
                if c == "\\":
                    if i == n - 1:  # backslash-newline inside a string: the string goes on
                        self.continued = True
                    i += 2
                    continue
                if line.startswith(self.string, i):
                    i += len(self.string)
                    self.string = None
                    last = c
                    continue
                i += 1
                continue
            if c == "#":
                break
            if c in "([{":
                self.depth += 1
            elif c in ")]}":
                self.depth = max(0, self.depth - 1)
            elif c in "'\"":
                if line.startswith(c * 3, i):
                    self.string = c * 3
                    i += 3
                else:
                    self.string = c
                    i += 1
                continue
            elif c == "\\" and i == n - 1:
                self.continued = True
                break
            if not c.isspace():
                last = c
            i += 1
        if self.string in ("'", '"') and not self.continued:
            self.string = None  # an unterminated one-line string ends at the line end
        if self.string is not None:
            self.continued = False  # inside a triple-quoted string, the string state is what matters
        return last


def _code_after_options(magic, rest):
    takes_value = CODE_LINE_MAGICS[magic]
    rest = rest.strip()
    while rest.startswith("-"):
        m = TOKEN.match(rest)
        token, rest = m.group(1), m.group(2)
        if token in takes_value and rest:
            rest = TOKEN.match(rest).group(2)
    return rest.strip()


def preprocess(source):
    """Returns the Python text CPython parses for an IPython cell, or raises Skip("cell magic").

    - IPython's clean-up first (`_clean_up`): the indentation of the first non-blank line is removed from every
      line starting with it, then pasted `>>> `/`... ` or `In [n]: `/`...: ` prompts.
    - The first non-blank line, if it starts with %% (and is not `%%name?`): %%time, %%timeit, %%capture,
      %%prun -> that line becomes blank and the lines after it are pre-processed as a cell of their own (those
      magics transform their body as a cell); any other cell magic -> Skip.
    - At the start of a logical line: `%time CODE`, `%timeit [-opts] CODE`, `%prun [-opts] CODE` -> CODE with
      the same indentation; any other `%...` or `!...` -> `pass` with the same indentation;
      `LHS = %...` / `LHS = !...` -> `LHS = None`; `?obj` or a one-line `...?` -> pass; the auto-call escapes
      `,f a b` / `;f a b` / `/f a b` (and a lone `;`) -> IPython's call (`_escape_call`), backslash-continued
      lines joined onto the first line, which then ends with `?` -> pass (help).
    Line structure is kept (one output line per input line).
    """
    parts = NEWLINE_KEPT.split(source)
    lines, breaks = parts[0::2], parts[1::2] + [""]
    return "\n".join(_cell(lines, [b.startswith("\r") for b in breaks]))


def _cell(lines, crs):
    """The pre-processed lines of a cell (or of a Python cell magic's body); crs: lines broken by a \\r."""
    lines = _clean_up(lines, crs)
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is not None and not CELL_MAGIC_HELP.match(lines[first]):
        m = CELL_MAGIC.match(lines[first].lstrip())
        if m:
            if m.group(1) not in PASS_THROUGH_CELL_MAGICS:
                raise Skip("cell magic")
            return lines[:first] + [""] + _cell(lines[first + 1:], crs[first + 1:])
    return _logical_lines(lines)


def _clean_up(lines, crs):
    """IPython's leading_indent, classic_prompt and ipython_prompt (after ignoring leading blank lines)."""
    lines = list(lines)
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines
    m = LEADING_INDENT.match(lines[first])
    if m:
        space = m.group(0)
        lines[first:] = [line[len(space):] if line.startswith(space) else line for line in lines[first:]]
    for initial, prompt in ((CLASSIC_FIRST_PROMPT, CLASSIC_PROMPT), (IPYTHON_PROMPT, IPYTHON_PROMPT)):
        # IPython's lines keep their line break: its `$` matches before a \n, not before a \r
        ipython = [line + ("\r" if cr else "") for line, cr in zip(lines, crs)]
        if initial.match(ipython[first]) or (first + 1 < len(lines) and prompt.match(ipython[first + 1])):
            for k in range(first, len(lines)):
                m = prompt.match(ipython[k])
                if m:
                    lines[k] = lines[k][m.end():]
    return lines


def _logical_lines(lines):
    out = []
    scanner = _Scanner()
    swallow = False
    for k, line in enumerate(lines):
        if swallow:  # physical lines continuing a magic or escape line with a trailing backslash
            out.append("")
            swallow = line.endswith("\\")
            continue
        if not scanner.at_logical_start():
            scanner.scan(line)
            out.append(line)
            continue
        stripped = line.lstrip()
        indent = line[:len(line) - len(stripped)]
        if stripped.startswith(("%", "!")) and not stripped.startswith(("%=", "!=")):
            code = _line_magic_code(stripped)
            if code is None:
                out.append(indent + "pass")
                swallow = line.endswith("\\")
            else:  # %time CODE: CODE goes on over brackets and backslash continuations like any line
                out.append(indent + code)
                scanner.scan(indent + code)
            continue
        if _is_escape_call(stripped):
            joined = _join_continued(lines, k)
            if _Scanner().scan(joined) == "?":
                out.append(indent + "pass")  # IPython's help syntax wins over the escape
            else:
                out.append(indent + _escape_call(joined))
            swallow = line.endswith("\\")
            continue
        m = ASSIGN_MAGIC.match(stripped)
        if m:
            out.append(indent + m.group(1) + " = None")
            swallow = line.endswith("\\")
            continue
        if stripped.startswith("?"):
            out.append(indent + "pass")
            continue
        last = scanner.scan(line)
        if last == "?" and scanner.at_logical_start():
            out.append(indent + "pass")
            continue
        out.append(line)
    return out


def _is_escape_call(stripped):
    return stripped[:1] in (",", ";") or (stripped[:1] == "/" and stripped[1:2] not in ("/", "="))


def _join_continued(lines, k):
    """IPython's assemble_continued_line from the first non-blank character of line k."""
    parts = [lines[k].lstrip()]
    j = k
    while lines[j].endswith("\\") and j + 1 < len(lines):
        j += 1
        parts.append(lines[j])
    return " ".join([p[:-1] for p in parts[:-1]] + [parts[-1].rstrip()])


def _escape_call(line):
    """IPython's _tr_quote (,), _tr_quote2 (;) and _tr_paren (/) of an escape line, repeated (at most 8 more
    times, as the Java side does) while the call starts with an escape again (`;;` -> `("")("")`)."""
    for _ in range(9):
        escape, content = line[0], line[1:]
        name, _, args = content.partition(" ")
        if escape == ",":
            line = '%s("%s")' % (name, '", "'.join(args.split()))
        elif escape == ";":
            line = '%s("%s")' % (name, args)
        else:
            line = "%s(%s)" % (name, ", ".join(args.split()))
        if not _is_escape_call(line):
            break
        line = line.rstrip()
    return line


def _line_magic_code(stripped):
    """The Python code of a %time/%timeit/%prun line (an escape call there transformed), or None for any other
    magic or shell line."""
    m = LINE_MAGIC.fullmatch(stripped)
    if m and m.group(1) in CODE_LINE_MAGICS:
        code = _code_after_options(m.group(1), m.group(2) or "")
        if code:
            return _escape_call(code) if _is_escape_call(code) else code
    return None


# --------------------------------------------------------------------------------------------------------
# Scopes
# --------------------------------------------------------------------------------------------------------

class ModuleScope:
    def __init__(self):
        self.bound = set()      # names bound so far in source order (defines and except-as names)
        self.defines = set()
        self.reads = set()      # names read before being bound
        self.deferred = set()   # free names of function bodies
        self.mutates = set()
        self.imported = set()   # names bound by imports of this cell at module level
        self.star_import = False
        self.module = self

    def read(self, name):
        if name not in self.bound:
            self.reads.add(name)

    def delete(self, name):
        self.read(name)

    def bind(self, name):
        self.bound.add(name)
        self.defines.add(name)

    def bind_walrus(self, name):
        self.bind(name)

    def bind_except(self, name):
        self.bound.add(name)

    def bind_annotated_only(self, name):
        pass  # `x: int` binds nothing

    def deferred_read(self, name):
        self.deferred.add(name)

    def mutate(self, name):
        # Changing a module the cell imported, a conventional module alias, or a builtin is not a change of
        # the notebook's data (that is what rules on global settings are for).
        if name not in self.imported and name not in MODULE_ALIASES and not is_excluded(name):
            self.mutates.add(name)

    def declare(self, node):
        pass  # global/nonlocal at module level: no effect

    def import_star(self):
        self.star_import = True

    def non_class(self):
        return self

    reads_annotations = True

    def result(self):
        uses = (self.reads | (self.deferred - self.defines))
        uses = {n for n in uses if not is_excluded(n)}
        mutates = self.mutates
        return {"defines": sorted(self.defines), "uses": sorted(uses), "mutates": sorted(mutates),
                "starImport": self.star_import}


class ClassScope:
    """A class body: runs at once, in order; its names are not seen by nested functions or comprehensions."""

    def __init__(self, parent):
        self.parent = parent
        self.bound = set()
        self.module = parent.module

    def read(self, name):
        if name not in self.bound:
            self.parent.read(name)

    def delete(self, name):
        self.read(name)

    def bind(self, name):
        self.bound.add(name)

    bind_walrus = bind
    bind_except = bind

    def bind_annotated_only(self, name):
        pass

    def deferred_read(self, name):
        self.parent.deferred_read(name)

    def mutate(self, name):
        if name not in self.bound:
            self.parent.mutate(name)

    def declare(self, node):
        pass

    def import_star(self):
        pass

    def non_class(self):
        return self.parent.non_class()

    reads_annotations = True


class FunctionScope:
    """A function or lambda body: order-insensitive; free names go to the parent when finished."""

    def __init__(self, parent, params):
        self.parent = parent
        self.module = parent.module
        self.locals = set(params)
        self.reads = set()
        self.globals = set()
        self.nonlocals = set()

    def read(self, name):
        self.reads.add(name)

    def delete(self, name):
        self.locals.add(name)
        self.reads.add(name)

    def bind(self, name):
        self.locals.add(name)

    bind_walrus = bind
    bind_except = bind
    bind_annotated_only = bind

    def deferred_read(self, name):
        self.reads.add(name)

    def mutate(self, name):
        pass  # runs only when called

    def declare(self, node):
        (self.globals if isinstance(node, ast.Global) else self.nonlocals).update(node.names)

    def import_star(self):
        pass

    def non_class(self):
        return self

    reads_annotations = False

    def finish(self):
        local = self.locals - self.globals - self.nonlocals
        for name in sorted(self.reads - local):
            if name in self.globals:
                self.module.deferred_read(name)
            else:
                self.parent.deferred_read(name)


class ComprehensionScope:
    def __init__(self, parent, names):
        self.parent = parent  # the nearest non-class scope
        self.module = parent.module
        self.locals = names

    def read(self, name):
        if name not in self.locals:
            self.parent.read(name)

    def delete(self, name):
        self.read(name)

    def bind(self, name):
        pass  # loop targets: pre-collected in locals

    def bind_walrus(self, name):
        self.parent.bind_walrus(name)

    bind_except = bind
    bind_annotated_only = bind

    def deferred_read(self, name):
        if name not in self.locals:
            self.parent.deferred_read(name)

    def mutate(self, name):
        if name not in self.locals:
            self.parent.mutate(name)

    def declare(self, node):
        pass

    def import_star(self):
        pass

    def non_class(self):
        return self

    reads_annotations = False


# --------------------------------------------------------------------------------------------------------
# The walker
# --------------------------------------------------------------------------------------------------------

def root_name(node):
    """The name at the root of an Attribute/Subscript chain, or None."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def target_names(node, out):
    """Names bound by a target expression (Name, Tuple, List, Starred)."""
    if isinstance(node, ast.Name):
        out.add(node.id)
    elif isinstance(node, (ast.Tuple, ast.List)):
        for elt in node.elts:
            target_names(elt, out)
    elif isinstance(node, ast.Starred):
        target_names(node.value, out)
    return out


def all_params(args):
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    if args.vararg:
        names.append(args.vararg.arg)
    if args.kwarg:
        names.append(args.kwarg.arg)
    return names


class Walker:
    # ---------------- statements ----------------

    def body(self, stmts, scope):
        for stmt in stmts:
            self.stmt(stmt, scope)

    def stmt(self, node, scope):
        method = getattr(self, "s_" + type(node).__name__, None)
        if method is not None:
            method(node, scope)
        else:
            self.generic(node, scope)

    def s_FunctionDef(self, node, scope):
        for d in node.decorator_list:
            self.expr(d, scope)
        self.arguments(node.args, scope)
        if node.returns is not None:
            self.expr(node.returns, scope)
        inner = FunctionScope(scope, all_params(node.args))
        self.body(node.body, inner)
        inner.finish()
        scope.bind(node.name)

    s_AsyncFunctionDef = s_FunctionDef

    def arguments(self, args, scope):
        """Defaults, then keyword-only defaults, then annotations: all read at definition time."""
        for d in args.defaults:
            self.expr(d, scope)
        for d in args.kw_defaults:
            if d is not None:
                self.expr(d, scope)
        every = args.posonlyargs + args.args + ([args.vararg] if args.vararg else []) + args.kwonlyargs \
            + ([args.kwarg] if args.kwarg else [])
        for a in every:
            if a.annotation is not None:
                self.expr(a.annotation, scope)

    def s_ClassDef(self, node, scope):
        for d in node.decorator_list:
            self.expr(d, scope)
        for b in node.bases:
            self.expr(b, scope)
        for k in node.keywords:
            self.expr(k.value, scope)
        self.body(node.body, ClassScope(scope))
        scope.bind(node.name)

    def s_Assign(self, node, scope):
        self.expr(node.value, scope)
        for t in node.targets:
            self.target(t, scope)

    def s_AugAssign(self, node, scope):
        t = node.target
        if isinstance(t, ast.Name):
            scope.read(t.id)
            self.expr(node.value, scope)
            scope.bind(t.id)
        else:
            self.target_parts(t, scope)
            self.expr(node.value, scope)
            self.mutate_root(t, scope)

    def s_AnnAssign(self, node, scope):
        t = node.target
        if node.value is not None:
            self.expr(node.value, scope)
            self.target(t, scope)
        elif isinstance(t, ast.Name):
            scope.bind_annotated_only(t.id)
        else:
            self.target_parts(t, scope)
        if scope.reads_annotations:
            self.expr(node.annotation, scope)

    def s_Delete(self, node, scope):
        for t in node.targets:
            self.delete(t, scope)

    def delete(self, t, scope):
        if isinstance(t, ast.Name):
            scope.delete(t.id)
        elif isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                self.delete(e, scope)
        elif isinstance(t, (ast.Attribute, ast.Subscript)):
            self.target_parts(t, scope)
            self.mutate_root(t, scope)
        else:
            self.expr(t, scope)

    def s_For(self, node, scope):
        self.expr(node.iter, scope)
        self.target(node.target, scope)
        self.body(node.body, scope)
        self.body(node.orelse, scope)

    s_AsyncFor = s_For

    def s_While(self, node, scope):
        self.expr(node.test, scope)
        self.body(node.body, scope)
        self.body(node.orelse, scope)

    def s_If(self, node, scope):
        self.expr(node.test, scope)
        self.body(node.body, scope)
        self.body(node.orelse, scope)

    def s_With(self, node, scope):
        for item in node.items:
            self.expr(item.context_expr, scope)
            if item.optional_vars is not None:
                self.target(item.optional_vars, scope)
        self.body(node.body, scope)

    s_AsyncWith = s_With

    def s_Try(self, node, scope):
        self.body(node.body, scope)
        for h in node.handlers:
            if h.type is not None:
                self.expr(h.type, scope)
            if h.name is not None:
                scope.bind_except(h.name)
            self.body(h.body, scope)
        self.body(node.orelse, scope)
        self.body(node.finalbody, scope)

    s_TryStar = s_Try

    def s_Import(self, node, scope):
        for alias in node.names:
            self.bind_import(alias.asname or alias.name.split(".")[0], scope)

    def s_ImportFrom(self, node, scope):
        for alias in node.names:
            if alias.name == "*":
                scope.import_star()
            else:
                self.bind_import(alias.asname or alias.name, scope)

    @staticmethod
    def bind_import(name, scope):
        if isinstance(scope, ModuleScope):
            scope.imported.add(name)
        scope.bind(name)

    def s_Global(self, node, scope):
        scope.declare(node)

    s_Nonlocal = s_Global

    def s_Match(self, node, scope):
        self.expr(node.subject, scope)
        for case in node.cases:
            self.pattern(case.pattern, scope)
            if case.guard is not None:
                self.expr(case.guard, scope)
            self.body(case.body, scope)

    def pattern(self, p, scope):
        if isinstance(p, ast.MatchValue):
            self.expr(p.value, scope)
        elif isinstance(p, ast.MatchSingleton):
            pass
        elif isinstance(p, ast.MatchSequence):
            for q in p.patterns:
                self.pattern(q, scope)
        elif isinstance(p, ast.MatchMapping):
            for k in p.keys:
                self.expr(k, scope)
            for q in p.patterns:
                self.pattern(q, scope)
            if p.rest is not None:
                scope.bind(p.rest)
        elif isinstance(p, ast.MatchClass):
            self.expr(p.cls, scope)
            for q in p.patterns:
                self.pattern(q, scope)
            for q in p.kwd_patterns:
                self.pattern(q, scope)
        elif isinstance(p, ast.MatchStar):
            if p.name is not None:
                scope.bind(p.name)
        elif isinstance(p, ast.MatchAs):
            if p.pattern is not None:
                self.pattern(p.pattern, scope)
            if p.name is not None:
                scope.bind(p.name)
        elif isinstance(p, ast.MatchOr):
            for q in p.patterns:
                self.pattern(q, scope)

    # ---------------- targets ----------------

    def target(self, t, scope):
        if isinstance(t, ast.Name):
            scope.bind(t.id)
        elif isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                self.target(e, scope)
        elif isinstance(t, ast.Starred):
            self.target(t.value, scope)
        elif isinstance(t, (ast.Attribute, ast.Subscript)):
            self.target_parts(t, scope)
            self.mutate_root(t, scope)
        else:
            self.expr(t, scope)

    def target_parts(self, t, scope):
        """Reads the object (and index) of an attribute or subscript target."""
        self.expr(t.value, scope)
        if isinstance(t, ast.Subscript):
            self.expr(t.slice, scope)

    def mutate_root(self, t, scope):
        name = root_name(t)
        if name is not None:
            scope.mutate(name)

    # ---------------- expressions ----------------

    def expr(self, node, scope):
        method = getattr(self, "e_" + type(node).__name__, None)
        if method is not None:
            method(node, scope)
        else:
            self.generic(node, scope)

    def generic(self, node, scope):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                self.stmt(child, scope)
            elif isinstance(child, ast.expr):
                self.expr(child, scope)
            elif isinstance(child, (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop)):
                pass
            else:
                self.generic(child, scope)

    def e_Name(self, node, scope):
        if isinstance(node.ctx, ast.Load):
            scope.read(node.id)
        elif isinstance(node.ctx, ast.Store):
            scope.bind(node.id)
        else:
            scope.delete(node.id)

    def e_NamedExpr(self, node, scope):
        self.expr(node.value, scope)
        scope.bind_walrus(node.target.id)

    def e_Lambda(self, node, scope):
        self.arguments(node.args, scope)
        inner = FunctionScope(scope, all_params(node.args))
        self.expr(node.body, inner)
        inner.finish()

    def e_IfExp(self, node, scope):
        self.expr(node.test, scope)
        self.expr(node.body, scope)
        self.expr(node.orelse, scope)

    def e_Dict(self, node, scope):
        for k, v in zip(node.keys, node.values):
            if k is not None:
                self.expr(k, scope)
            self.expr(v, scope)

    def e_Call(self, node, scope):
        self.expr(node.func, scope)
        for a in node.args:
            self.expr(a, scope)
        for k in node.keywords:
            self.expr(k.value, scope)
        f = node.func
        if isinstance(f, ast.Attribute):
            inplace = any(k.arg == "inplace" and isinstance(k.value, ast.Constant) and k.value.value is True
                          for k in node.keywords)
            if inplace or f.attr in MUTATING_METHODS:
                name = root_name(f.value)
                if name is not None:
                    scope.mutate(name)
            elif f.attr in FIRST_ARGUMENT_MUTATORS:
                self.mutate_first_argument(node, scope)
        elif isinstance(f, ast.Name) and f.id in FIRST_ARGUMENT_MUTATORS:
            self.mutate_first_argument(node, scope)

    @staticmethod
    def mutate_first_argument(node, scope):
        """`random.shuffle(x)`, `heapq.heappush(h, v)`, `setattr(o, ...)` change their first argument."""
        positional = [a for a in node.args if not isinstance(a, ast.Starred)]
        if positional:
            name = root_name(positional[0])
            if name is not None:
                scope.mutate(name)

    def comprehension(self, node, scope, elements):
        gens = node.generators
        self.expr(gens[0].iter, scope)
        names = set()
        for g in gens:
            target_names(g.target, names)
        inner = ComprehensionScope(scope.non_class(), names)
        for k, g in enumerate(gens):
            if k > 0:
                self.expr(g.iter, inner)
            self.target(g.target, inner)
            for cond in g.ifs:
                self.expr(cond, inner)
        for e in elements:
            self.expr(e, inner)

    def e_ListComp(self, node, scope):
        self.comprehension(node, scope, [node.elt])

    e_SetComp = e_ListComp
    e_GeneratorExp = e_ListComp

    def e_DictComp(self, node, scope):
        self.comprehension(node, scope, [node.key, node.value])


def analyse(source):
    """The result dict of one cell source (without index); raises Skip."""
    text = preprocess(source)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(text)
    except RecursionError:
        raise Skip("too deeply nested")
    except (SyntaxError, ValueError, MemoryError):
        raise Skip("syntax error")
    module = ModuleScope()
    try:
        Walker().body(tree.body, module)
    except RecursionError:
        raise Skip("too deeply nested")
    return module.result()


def cell_line(index, source):
    if source is None:
        source = ""
    elif isinstance(source, list) and all(isinstance(s, str) for s in source):
        source = "".join(source)
    if not isinstance(source, str):
        return {"index": index, "skipped": "invalid source"}
    try:
        result = analyse(source)
    except Skip as e:
        return {"index": index, "skipped": str(e)}
    except RecursionError:
        return {"index": index, "skipped": "too deeply nested"}
    except Exception as e:  # never crash on a cell; none occurs on the corpus
        return {"index": index, "skipped": "analysis error: " + type(e).__name__}
    out = {"index": index}
    out.update(result)
    return out


# --------------------------------------------------------------------------------------------------------
# Notebooks
# --------------------------------------------------------------------------------------------------------

class NotANotebook(Exception):
    pass


def code_cells(path):
    """(index among all cells, source value) of every code cell of the notebook at path."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            nb = json.load(f)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise NotANotebook("cannot read: %s" % (e,))
    return cells_of(nb)


def cells_of(nb):
    """(index among all cells, source value) of every code cell of a parsed notebook document."""
    if not isinstance(nb, dict):
        raise NotANotebook("the JSON document is not an object")
    major = nb.get("nbformat")
    if major == 4:
        cells = nb.get("cells")
        if not isinstance(cells, list):
            raise NotANotebook("nbformat 4 without a 'cells' list")
        key = "source"
    elif major == 3:
        sheets = nb.get("worksheets", [])
        if not isinstance(sheets, list):
            raise NotANotebook("'worksheets' is not a list")
        cells = []
        for sheet in sheets:
            if not isinstance(sheet, dict):
                raise NotANotebook("a worksheet is not an object")
            if isinstance(sheet.get("cells"), list):
                cells.extend(sheet["cells"])
        key = "input"
    else:
        raise NotANotebook("nbformat %r is not 3 or 4" % (major,))
    result = []
    for index, cell in enumerate(cells):
        if not isinstance(cell, dict):
            raise NotANotebook("cell %d is not an object" % index)
        if cell.get("cell_type") == "code":
            result.append((index, cell.get(key)))
    return result


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False)


def write_lines(lines):
    out = sys.stdout
    for line in lines:
        out.write(dumps(line) + "\n")


def main_notebook(path):
    try:
        cells = code_cells(path)
    except NotANotebook as e:
        sys.stderr.write("%s: not a readable nbformat 3/4 notebook: %s\n" % (path, e))
        return 2
    write_lines(cell_line(i, s) for i, s in cells)
    return 0


def main_batch(paths):
    """Several notebooks in one process: each line of NOTEBOOK output with "notebook" first."""
    for path in paths:
        try:
            cells = code_cells(path)
        except NotANotebook as e:
            write_lines([{"notebook": path, "error": str(e)}])
            continue
        lines = []
        for i, s in cells:
            line = {"notebook": path}
            line.update(cell_line(i, s))
            lines.append(line)
        write_lines(lines)
    return 0


def main_stdin():
    sources = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    if not isinstance(sources, list):
        sys.stderr.write("--stdin expects a JSON list of sources\n")
        return 2
    write_lines(cell_line(i, s) for i, s in enumerate(sources))
    return 0


def main_summary(files):
    stats = {"notebooks": len(files), "unreadable": [], "codeCells": 0, "analysed": 0, "skipped": {},
             "starImportCells": 0}
    for f in files:
        try:
            cells = code_cells(f)
        except NotANotebook as e:
            stats["unreadable"].append("%s: %s" % (f, e))
            continue
        for i, s in cells:
            r = cell_line(i, s)
            stats["codeCells"] += 1
            if "skipped" in r:
                stats["skipped"][r["skipped"]] = stats["skipped"].get(r["skipped"], 0) + 1
            else:
                stats["analysed"] += 1
                stats["starImportCells"] += r["starImport"]
    print(json.dumps(stats, indent=1, ensure_ascii=False))
    return 0


# --------------------------------------------------------------------------------------------------------
# Self test
# --------------------------------------------------------------------------------------------------------

def _check(source, defines=None, uses=None, mutates=None, star=None, skipped=None):
    r = cell_line(0, source)
    if skipped is not None:
        assert r.get("skipped") == skipped, (source[:200], r)
        return
    assert "skipped" not in r, (source[:200], r)
    for key, want in (("defines", defines), ("uses", uses), ("mutates", mutates), ("starImport", star)):
        if want is not None:
            got = r[key]
            if key != "starImport":
                want = sorted(want)
            assert got == want, "%r: %s is %r, expected %r" % (source, key, got, want)


def selftest():
    sys.setrecursionlimit(RECURSION_LIMIT)
    c = _check
    # --- binding forms
    c("a = 1\nb, (c, *d) = 1, (2, 3)\n[e, f] = g", defines={"a", "b", "c", "d", "e", "f"}, uses={"g"})
    c("x = y = 0", defines={"x", "y"}, uses=set())
    c("n += 1", defines={"n"}, uses={"n"})
    c("m: int = 1\nk: int", defines={"m"}, uses=set())
    c("k: T", defines=set(), uses={"T"})
    c("for i, j in pairs:\n    pass", defines={"i", "j"}, uses={"pairs"})
    c("with open(p) as fh, ctx() as (u, v):\n    pass", defines={"fh", "u", "v"}, uses={"p", "ctx"})
    c("import a.b.c\nimport x.y as z\nfrom m import n, o as q\nfrom . import r",
      defines={"a", "z", "n", "q", "r"}, uses=set())
    c("def f(): pass\nclass C: pass\nasync def g(): pass", defines={"f", "C", "g"})
    c("if (w := compute()) > 0:\n    pass", defines={"w"}, uses={"compute"})
    c("ys = [last := v for v in vs]", defines={"ys", "last"}, uses={"vs"})
    c("match cmd:\n    case [Point(x=px), *rest]:\n        pass\n    case {'k': kv, **others}:\n"
      "        pass\n    case Color.RED | None as col if col:\n        pass\n    case _:\n        pass",
      defines={"px", "rest", "kv", "others", "col"}, uses={"cmd", "Point", "Color"})
    c("try:\n    pass\nexcept ValueError as err:\n    print(err)\nprint(err)", defines=set(), uses=set())
    c("del gone", defines=set(), uses={"gone"})
    c("x = 1\ndel x", defines={"x"}, uses=set())
    c("def f():\n    global G\n    G = 1\n    loc = 2", defines={"f"}, uses=set())
    c("s = {t for t in range(3)}", defines={"s"}, uses=set())
    c("class K:\n    attr = 1\n    other = attr", defines={"K"}, uses=set())
    # --- reading forms and order
    c("print(a)\na = 1", defines={"a"}, uses={"a"})
    c("a = 1\nprint(a)", defines={"a"}, uses=set())
    c("x = x + 1", defines={"x"}, uses={"x"})
    c("if c:\n    b = 1\nelse:\n    pass\nprint(b)", defines={"b"}, uses={"c"})
    c("for t in t:\n    pass", defines={"t"}, uses={"t"})
    c("with a as b:\n    print(b)", defines={"b"}, uses={"a"})
    c("f(x := 1, x)", defines={"x"}, uses={"f"})
    c("f(x, x := 1)", defines={"x"}, uses={"f", "x"})
    c("y = (z if (z := g()) else 0)", defines={"y", "z"}, uses={"g"})
    c("d = {k1: (v := 1), v: 2}", defines={"d", "v"}, uses={"k1"})
    # --- builtins and IPython names
    c("print(len(xs), unicode, xrange, display, In, Out, _, __, _5, _i3, _ih, get_ipython)",
      defines=set(), uses={"xs"})
    # --- function / lambda scopes
    c("def f(p, *a, q=dflt, **kw) -> Ret:\n    loc = p + q + glob\n    return loc + helper()\n",
      defines={"f"}, uses={"dflt", "Ret", "glob", "helper"})
    c("def f():\n    return later\nlater = 1", defines={"f", "later"}, uses=set())
    c("def f():\n    return g()\nprint(f())\ndef g():\n    return 1", defines={"f", "g"}, uses=set())
    c("@deco(arg)\ndef f(x: Ann = dv):\n    pass", defines={"f"}, uses={"deco", "arg", "Ann", "dv"})
    c("h = lambda a, b=bd: a + b + free", defines={"h"}, uses={"bd", "free"})
    c("def o():\n    v = 1\n    def i():\n        nonlocal v\n        return v + w\n    return i",
      defines={"o"}, uses={"w"})
    c("def f():\n    global cnt\n    cnt += 1", defines={"f"}, uses={"cnt"})
    c("def f():\n    try:\n        pass\n    except E as e:\n        return e\n    import os\n"
      "    for i in it: pass\n    return [j for j in os.x]", defines={"f"}, uses={"E", "it"})
    c("def f():\n    def g(): pass\n    class H: pass\n    return g, H", defines={"f"}, uses=set())
    # --- class scopes
    c("class C(Base, metaclass=Meta):\n    x = y\n    y = 2\n    def m(self):\n        return x\n",
      defines={"C"}, uses={"Base", "Meta", "y", "x"})
    c("class C:\n    vals = [1]\n    sq = [v * k for v in vals]", defines={"C"}, uses={"k"})
    # --- comprehensions
    c("r = [a * b for a in xs for b in a if b > lim]", defines={"r"}, uses={"xs", "lim"})
    c("r = [t for t in t]", defines={"r"}, uses={"t"})
    c("g = (x for x in range(n))\nd = {k: v for k, v in items}", defines={"g", "d"}, uses={"n", "items"})
    c("r = [y for x in xs if (y := x)]\nprint(y)", defines={"r", "y"}, uses={"xs"})
    # --- mutations
    c("df['a'] = 1\nobj.x.y = 2\ndel d[k]\nd2[0] += 1", mutates={"df", "obj", "d", "d2"},
      uses={"df", "obj", "d", "k", "d2"}, defines=set())
    c("l = []\nl.append(1)\na.b.extend(c)\nm[0].sort()\nfit_model = model.fit(X)\n",
      mutates={"l", "a", "m", "model"}, defines={"l", "fit_model"})
    c("df.drop('c', axis=1, inplace=True)\ndf2.fillna(0, inplace=False)\nf().append(1)\nfoo(x, inplace=True)",
      mutates={"df"})
    c("if ok:\n    for i in r:\n        acc.add(i)\n    with c:\n        s[i] = 1", mutates={"acc", "s"})
    c("def f():\n    l.append(1)\n    g.x = 1\nh = lambda: q.pop()", mutates=set(), uses={"l", "g", "q"})
    c("[out.append(v) for v in vs]\n[v.append(1) for v in vs]", mutates={"out"})
    c("class C:\n    items = []\n    items.append(1)\n    reg.update(x=1)", mutates={"reg"})
    c("list.append(x, 1)\nlist = []\nlist.append(2)", mutates=set(), uses={"x"})  # builtins are never mutates
    c("dict.update(a, b)", mutates=set(), uses={"a", "b"})
    c("import sys\nsys.path.append('lib')\nfrom IPython.core.interactiveshell import InteractiveShell\n"
      "InteractiveShell.ast_node_interactivity = 'all'", mutates=set(), defines={"sys", "InteractiveShell"})
    c("np.sort(a)\npd.options.display.max_rows = 10\nrandom.shuffle(deck)\nheappush(h, 1)\nenc.fit_transform(X)",
      mutates={"deck", "h", "enc"}, uses={"np", "a", "pd", "random", "deck", "heappush", "h", "enc", "X"})
    # --- star import
    c("from pylab import *\nplot(x)", star=True, uses={"plot", "x"})
    c("def f():\n    from m import *", star=False)
    # --- IPython pre-processing
    c("%matplotlib inline\nimport numpy as np\n!pip install x\n%load_ext foo", defines={"np"}, uses=set())
    c("files = !ls\nres = %sx ls\nself.a = !pwd", defines={"files", "res"}, mutates={"self"})
    c("%time r = compute(a)\n%timeit -n 10 -r 3 g(b)\n%prun -s cumulative h(c)\n%timeit -n1 k(d)",
      defines={"r"}, uses={"compute", "a", "g", "b", "h", "c", "k", "d"})
    c("for i in range(3):\n    %time f(i)\n    !echo hi\nprint(i)", defines={"i"}, uses={"f"})
    c("len?\nnp.array??\n?np\nx = 1  # really?", defines={"x"}, uses=set())
    c("%%time\nx = slow(y)", defines={"x"}, uses={"slow", "y"})
    c("\n%%capture out\nz = 1", defines={"z"})
    c("%%timeit -n 3\nq = 1", defines={"q"})
    c("%%bash\nls -l", skipped="cell magic")
    c("%%writefile f.py\nimport os", skipped="cell magic")
    c("s = '''\n%not a magic\n!nor this\n'''\nt = (1 +\n     2)\nu = (10\n     % 3)", defines={"s", "t", "u"})
    c("x = 1 \\\n    % 2", defines={"x"})
    # --- IPython's clean-up and auto-call escapes
    c("/f a b\n,g c d\n;h e f", uses={"f", "a", "b", "g", "h"})
    c("x = 1\n/print x", defines={"x"}, uses=set())
    c("import matplotlib.pyplot as plt\nplt.plot(xs)\n;\n", defines={"plt"}, uses={"xs"})
    c("for i in r:\n    /show i\n    ;\nif ok:\n\t;", defines={"i"}, uses={"r", "show", "ok"})
    c("x = [1\n     ,a]\ny = (b\n     / 2)\ns = '''\n;\n,f x\n'''\nz = 1 \\\n;", defines={"x", "y", "s", "z"},
      uses={"a", "b"})
    c("/f a, b", skipped="syntax error")
    c(";f a \\\n b\nc = g", defines={"c"}, uses={"f", "g"})
    c("x = a?\n;f b?\n??", defines=set(), uses=set())
    c("  x = 1\n  y = x + z", defines={"x", "y"}, uses={"z"})
    c(">>> for i in r:\n...     f(i)", defines={"i"}, uses={"r", "f"})
    c("In [1]: t = p * n", defines={"t"}, uses={"p", "n"})
    c("%%time\n  a = f(b)\n  ;", defines={"a"}, uses={"f", "b"})
    c("%%capture out\n/g b", uses={"g", "b"})
    c("%time ;f a\n%timeit -n1 /g b", uses={"f", "g", "b"})
    c("%%bash\n;ls", skipped="cell magic")
    c(";;", defines=set(), uses=set())
    assert preprocess("/f a b\n;f a b\n,f a b\n;\n,\n/") == 'f(a, b)\nf("a b")\nf("a", "b")\n("")\n("")\n()'
    assert preprocess(";f a \\\n b\nc") == 'f("a   b")\n\nc'
    assert preprocess("x = 1\r\n... ") == "x = 1\n"
    c("%time df = read(p,\\\n    cols=[a,\n  b])\n!ls \\\n  -l\ndf.tail()", defines={"df"}, uses={"read", "p", "a", "b"})
    # --- skipped cells
    c("print 'hello'", skipped="syntax error")
    c("exec 'x = 1'", skipped="syntax error")
    c("x = " + "(" * 300 + ")" * 300, skipped="syntax error")
    c("x = " + "-" * 1000 + "1", defines={"x"})
    c("x = " + "a + " * 20000 + "a", skipped="too deeply nested")
    assert cell_line(5, ["a = 1\n", "b = a"]) == {"index": 5, "defines": ["a", "b"], "uses": [],
                                                   "mutates": [], "starImport": False}
    assert cell_line(0, None)["defines"] == [] and cell_line(0, 3) == {"index": 0, "skipped": "invalid source"}
    assert preprocess("a\r\nb\rc") == "a\nb\nc"
    v4 = {"nbformat": 4, "cells": [{"cell_type": "markdown", "source": "x"},
                                   {"cell_type": "code", "source": ["a = 1\n", "b"]}, {"cell_type": "raw"},
                                   {"cell_type": "code"}]}
    assert cells_of(v4) == [(1, ["a = 1\n", "b"]), (3, None)]
    v3 = {"nbformat": 3, "worksheets": [{"cells": [{"cell_type": "heading", "source": "h"},
                                                   {"cell_type": "code", "input": "x = 1"}]},
                                        {"cells": [{"cell_type": "code", "input": ["y"]}]}, {}]}
    assert cells_of(v3) == [(1, "x = 1"), (2, ["y"])]
    assert cells_of({"nbformat": 3}) == []
    for bad in ([], {"nbformat": 2, "worksheets": []}, {"cells": []}, {"nbformat": 4, "cells": [3]}):
        try:
            cells_of(bad)
            raise AssertionError("accepted %r" % (bad,))
        except NotANotebook:
            pass
    if sys.version_info[:2] == (3, 11):
        assert PY3_BUILTINS == frozenset(dir(builtins)), sorted(PY3_BUILTINS ^ frozenset(dir(builtins)))
    print("selftest: all assertions passed (python %s)" % sys.version.split()[0])
    return 0


def main(argv):
    sys.setrecursionlimit(RECURSION_LIMIT)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    if len(argv) == 2 and argv[1] == "--selftest":
        return selftest()
    if len(argv) == 2 and argv[1] == "--stdin":
        return main_stdin()
    if len(argv) == 2 and argv[1] == "--print-excluded":
        names = PY3_BUILTINS | PY2_BUILTINS | IPYTHON_NAMES
        print(json.dumps({"names": sorted(names), "pattern": IPYTHON_NUMBERED.pattern}))
        return 0
    if len(argv) >= 3 and argv[1] == "--batch":
        return main_batch(argv[2:])
    if len(argv) >= 3 and argv[1] == "--summary":
        return main_summary(argv[2:])
    if len(argv) == 2 and argv[1] in ("-h", "--help"):
        print(__doc__)
        print(DECISIONS)
        return 0
    if len(argv) == 2 and not argv[1].startswith("--"):
        return main_notebook(argv[1])
    sys.stderr.write("usage: cell_names.py NOTEBOOK.ipynb | --stdin | --batch NB... | --summary NB... | --print-excluded"
                     " | --selftest | --help\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
