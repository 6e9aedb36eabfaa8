package dev.nb2prod.python.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.python.ast.Span;
import org.junit.jupiter.api.Test;

class NameAnalyzerTest {

    private final SonarPythonFrontEnd frontEnd = new SonarPythonFrontEnd();
    private final NameAnalyzer analyzer = new NameAnalyzer();

    private CellNames names(String src) {
        return analyzer.analyze(frontEnd.parse(src));
    }

    // ------------------------------------------------------------------ defines

    @Test
    void assignmentTargetsIncludingUnpacking() {
        CellNames n = names("a = 1\nb, (c, *d) = e\n[f, g] = h = 2\n");
        assertThat(n.defines()).containsExactly("a", "b", "c", "d", "f", "g", "h");
        assertThat(n.uses()).containsExactly("e");
    }

    @Test
    void augmentedAssignmentUsesAndDefines() {
        CellNames n = names("x += 1\n");
        assertThat(n.defines()).containsExactly("x");
        assertThat(n.uses()).containsExactly("x");
        CellNames self = names("x = x + 1\n");
        assertThat(self.uses()).containsExactly("x");
        assertThat(self.defines()).containsExactly("x");
    }

    @Test
    void annotatedAssignmentDefinesOnlyWithValue() {
        assertThat(names("x: int = 1").defines()).containsExactly("x");
        CellNames bare = names("y: Foo");
        assertThat(bare.defines()).isEmpty();
        assertThat(bare.uses()).containsExactly("Foo");
    }

    @Test
    void loopAndWithTargets() {
        CellNames n = names("for i, (j, k) in items:\n    pass\nwith open(p) as f, lock:\n    pass\n");
        assertThat(n.defines()).containsExactly("f", "i", "j", "k");
        assertThat(n.uses()).containsExactly("items", "lock", "p");
    }

    @Test
    void importsBindTheirNames() {
        CellNames n = names("import a.b.c\nimport x as y\nfrom m import n, o as p\nfrom . import q\n");
        assertThat(n.defines()).containsExactly("a", "n", "p", "q", "y");
        assertThat(n.uses()).isEmpty();
        assertThat(n.imports()).extracting(ImportInfo::boundName).containsExactly("a", "y", "n", "p", "q");
        assertThat(n.imports().get(0).module()).isEqualTo("a.b.c");
        assertThat(n.imports().get(3).module()).isEqualTo("m");
        assertThat(n.imports().get(3).name()).isEqualTo("o");
        assertThat(n.imports().get(4).level()).isEqualTo(1);
        assertThat(n.imports()).allMatch(ImportInfo::moduleLevel);
    }

    @Test
    void starImportIsFlagged() {
        CellNames n = names("from pylab import *\nplot(x)\n");
        assertThat(n.starImport()).isTrue();
        assertThat(n.starModules()).containsExactly("pylab");
        assertThat(n.uses()).containsExactly("plot", "x");
        assertThat(n.imports().get(0).star()).isTrue();
        assertThat(names("import os").starImport()).isFalse();
    }

    @Test
    void functionAndClassNames() {
        CellNames n = names("def f():\n    pass\nclass C:\n    z = 1\n");
        assertThat(n.defines()).containsExactly("C", "f");
    }

    @Test
    void walrusBindsInTheEnclosingScopeEvenInComprehensions() {
        CellNames n = names("if (m := re_match(s)):\n    pass\nys = [last := v for v in vs]\n");
        assertThat(n.defines()).containsExactly("last", "m", "ys");
        assertThat(n.uses()).containsExactly("re_match", "s", "vs");
    }

    @Test
    void matchCaptures() {
        CellNames n = names("""
                match cmd:
                    case [x, *rest]:
                        pass
                    case {"k": v, **others}:
                        pass
                    case Point(x=0, y=yy) as p:
                        pass
                    case Color.RED:
                        pass
                """);
        assertThat(n.defines()).containsExactly("others", "p", "rest", "v", "x", "yy");
        assertThat(n.uses()).containsExactly("Color", "Point", "cmd");
    }

    @Test
    void shellAndMagicAssignmentsBind() {
        CellNames n = names("files = !ls\nvars_ = %who_ls\n");
        assertThat(n.defines()).containsExactly("files", "vars_");
        assertThat(n.uses()).isEmpty();
    }

    @Test
    void whatDoesNotDefine() {
        CellNames n = names("""
                try:
                    pass
                except ValueError as e:
                    print(e)
                def f():
                    global g
                    g = 1
                    local = 2
                squares = [i * i for i in range(3)]
                class C:
                    attr = 1
                del old
                """);
        assertThat(n.defines()).containsExactly("C", "f", "squares");
        assertThat(n.uses()).containsExactly("old");
        assertThat(n.deletes()).containsExactly("old");
    }

    @Test
    void exceptNameIsNoDefineButStaysBoundForTheRestOfTheCell() {
        CellNames n = names("try:\n    pass\nexcept E as e:\n    pass\nprint(e)\n");
        assertThat(n.uses()).containsExactly("E");
        assertThat(n.defines()).isEmpty();
    }

    // ------------------------------------------------------------------ uses

    @Test
    void executionOrderDecides() {
        assertThat(names("print(a)\na = 1\n").uses()).containsExactly("a");
        assertThat(names("a = 1\nprint(a)\n").uses()).isEmpty();
    }

    @Test
    void builtinsAndIPythonNamesAreNotUses() {
        CellNames n = names("print(len(xs), display, get_ipython, In, Out, _, _i, _12, _i3, _oh, xrange, unicode)\n");
        assertThat(n.uses()).containsExactly("xs");
    }

    @Test
    void branchesAreReadAsStraightLineCode() {
        CellNames n = names("if c:\n    x = 1\nelse:\n    print(x)\nprint(x)\n");
        assertThat(n.uses()).containsExactly("c");
        CellNames loop = names("for i in r:\n    print(prev)\n    prev = i\n");
        assertThat(loop.uses()).containsExactly("prev", "r");
    }

    @Test
    void functionBodyReadsCountUnlessTheCellDefinesTheName() {
        CellNames n = names("""
                def f(a, *args, k=default, **kw) -> Ret:
                    local = a + b
                    for j in range(3):
                        pass
                    def inner():
                        return local + c + later
                    return [x for x in local] + [helper(y) for y in z]
                later = 1
                """);
        assertThat(n.uses()).containsExactly("Ret", "b", "c", "default", "helper", "z");
        FunctionInfo f = n.functions().get(0);
        assertThat(f.name()).isEqualTo("f");
        assertThat(f.reads()).containsExactly("b", "c", "helper", "later", "z");
    }

    @Test
    void decoratorsDefaultsAndAnnotationsAreReadAtDefinition() {
        CellNames n = names("@register(reg)\ndef f(x: T = d):\n    pass\nreg = 1\n");
        assertThat(n.uses()).containsExactly("T", "d", "reg", "register");
        assertThat(n.firstUse().get("reg")).isEqualTo(new Span(1, 10, 1, 13));
    }

    @Test
    void lambdaBodies() {
        CellNames n = names("f = lambda r, s=base: r * factor + s\ng = lambda: f\n");
        assertThat(n.uses()).containsExactly("base", "factor");
    }

    @Test
    void globalWritesInFunctions() {
        CellNames n = names("def reset():\n    global counter, seen\n    counter = 0\n    seen.add(1)\n    cache.clear()\n");
        assertThat(n.defines()).containsExactly("reset");
        assertThat(n.uses()).containsExactly("cache", "seen");
        assertThat(n.mutates()).isEmpty();
        FunctionInfo f = n.functions().get(0);
        assertThat(f.globalWrites()).containsExactly("counter");
        assertThat(f.mutates()).containsExactly("cache", "seen");
        assertThat(f.reads()).containsExactly("cache", "seen");
    }

    @Test
    void classBodiesRunAtOnce() {
        CellNames n = names("class C(Base):\n    a = x\n    b = a + 1\n    def m(self):\n        return a + y\n");
        assertThat(n.uses()).containsExactly("Base", "a", "x", "y");
        assertThat(n.defines()).containsExactly("C");
    }

    @Test
    void comprehensionScopes() {
        CellNames n = names("r = [x + k for x in xs if x > t for k in x]\n");
        assertThat(n.uses()).containsExactly("t", "xs");
        CellNames d = names("d = {k: v for k, v in items.items()}\ng = (a for a in b)\n");
        assertThat(d.uses()).containsExactly("b", "items");
    }

    @Test
    void pythonMagicsAreAnalysed() {
        CellNames n = names("%time model = fit(data)\n%timeit -n 3 -q tmp = predict(model, X)\n");
        assertThat(n.defines()).containsExactly("model", "tmp");
        assertThat(n.uses()).containsExactly("X", "data", "fit", "predict");
        CellNames cell = names("%%time\nresult = run(cfg)\n");
        assertThat(cell.defines()).containsExactly("result");
        assertThat(cell.uses()).containsExactly("cfg", "run");
        assertThat(cell.firstDefinition().get("result")).isEqualTo(new Span(2, 0, 2, 6));
        CellNames capture = names("%%capture --no-stderr captured\nx = y\n");
        assertThat(capture.defines()).containsExactly("x");
        CellNames timeit = names("%%timeit -n 5\nz = w * 2\n");
        assertThat(timeit.defines()).containsExactly("z");
        assertThat(timeit.uses()).containsExactly("w");
        CellNames multiLine = names("%time df = read(path,\n    cols)\ndf.tail()\n");
        assertThat(multiLine.defines()).containsExactly("df");
        assertThat(multiLine.uses()).containsExactly("cols", "path", "read");
    }

    @Test
    void assigningAMagicBindsWithoutReadingItsCode() {
        CellNames n = names("t = %time f(a)\nout = !ls $d\n");
        assertThat(n.defines()).containsExactly("out", "t");
        assertThat(n.uses()).isEmpty();
    }

    @Test
    void otherMagicsAndShellReadNothing() {
        CellNames n = names("%matplotlib inline\n!pip install $pkg\ndf?\n%%writefile x.py\n");
        assertThat(n.uses()).isEmpty();
        assertThat(n.defines()).isEmpty();
        CellNames bash = names("%%bash\necho $HOME\n");
        assertThat(bash.uses()).isEmpty();
    }

    @Test
    void python2Cells() {
        CellNames n = names("print 'x', y\nexec code in ns\nz = `w`\ntry:\n    pass\nexcept E, e:\n    print e\n");
        assertThat(n.uses()).containsExactly("E", "code", "ns", "w", "y");
        assertThat(n.defines()).containsExactly("z");
    }

    // ------------------------------------------------------------------ mutates

    @Test
    void subscriptAndAttributeAssignmentMutateTheRoot() {
        CellNames n = names("df['a'] = 1\nobj.x = 2\ncfg.a.b['k'] = 3\ndel d[k]\narr[0] += 1\n");
        assertThat(n.mutates()).containsExactly("arr", "cfg", "d", "df", "obj");
        assertThat(n.uses()).containsExactly("arr", "cfg", "d", "df", "k", "obj");
        assertThat(n.defines()).isEmpty();
        assertThat(n.firstMutation().get("df")).isEqualTo(new Span(1, 0, 1, 7));
    }

    @Test
    void mutatingMethodsAndInplace() {
        CellNames n = names("""
                items.append(1)
                model.fit(X, y)
                df.drop(columns=['a'], inplace=True)
                df2 = df.drop(columns=['a'])
                df3.rename(columns={}, inplace=False)
                np.append(a, b)
                random.shuffle(deck)
                s = 'a'
                s.upper()
                """);
        assertThat(n.mutates()).containsExactly("deck", "df", "items", "model");
    }

    @Test
    void mutationsOfLocalNamesDoNotCount() {
        CellNames n = names("""
                import collections
                collections.OrderedDict.update(x)
                acc = []
                acc.append(1)
                [l.append(0) for l in lists]
                def f(lst):
                    lst.append(1)
                """);
        assertThat(n.mutates()).containsExactly("acc");
    }

    @Test
    void modulesAndBuiltinsAreNeverMutated() {
        assertThat(names("Out[1].append(2)\nprint.x = 1\nlist = []\nlist.append(1)\n").mutates()).isEmpty();
        assertThat(names("import sys\nsys.path.append('lib')\npd.options.display.max_rows = 10\n").mutates()).isEmpty();
        assertThat(names("heappush(h, 1)\nenc.fit_transform(X)\n").mutates()).containsExactly("enc", "h");
    }

    @Test
    void pythonScopingRules() {
        CellNames classComp = names("class C:\n    k = 1\n    ys = [k for _ in xs]\n    z = [w := 1 for _ in xs]\n");
        assertThat(classComp.uses()).containsExactly("k", "xs");
        assertThat(classComp.defines()).containsExactly("C", "w");
        CellNames delLocal = names("def f():\n    del tmp\n    return other\n");
        assertThat(delLocal.uses()).containsExactly("other");
        CellNames starInFunction = names("def f():\n    from m import *\n");
        assertThat(starInFunction.starImport()).isFalse();
        CellNames annotated = names("def f():\n    x: int\n    return x\nv: T = v0\n");
        assertThat(annotated.uses()).containsExactly("T", "v0");
        assertThat(annotated.defines()).containsExactly("f", "v");
        CellNames ifExp = names("y = (x if (x := 3) else 0)\n");
        assertThat(ifExp.uses()).isEmpty();
    }

    // ------------------------------------------------------------------ spans and errors

    @Test
    void firstSpans() {
        CellNames n = names("y = x\nx = 2\nx = 3\nprint(x)\n");
        assertThat(n.firstUse().get("x")).isEqualTo(new Span(1, 4, 1, 5));
        assertThat(n.firstDefinition().get("x")).isEqualTo(new Span(2, 0, 2, 1));
    }

    @Test
    void longOperatorChainsAndDeepNestingAreAnalysed() {
        CellNames chain = names("x = a" + " + a".repeat(5000) + "\n");
        assertThat(chain.defines()).containsExactly("x");
        assertThat(chain.uses()).containsExactly("a");
        // 990 levels: deeper than CPython allows (200), inside nb2prod's bracket limit (Limits.MAX_BRACKET_DEPTH)
        CellNames nested = names("y = " + "[".repeat(990) + "b" + "]".repeat(990) + "\n");
        assertThat(nested.uses()).containsExactly("b");
    }

    @Test
    void syntaxErrorCarriesNoNames() {
        CellNames n = names("x = (1,\ny = 2\n");
        assertThat(n.parsed()).isFalse();
        assertThat(n.syntaxError().line()).isEqualTo(2);
        assertThat(n.defines()).isEmpty();
        assertThat(n.uses()).isEmpty();
    }
}
