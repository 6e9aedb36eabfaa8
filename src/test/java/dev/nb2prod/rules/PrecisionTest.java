package dev.nb2prod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.RuleTester;
import dev.nb2prod.testing.TestNotebooks;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The precision set of issue 13: per rule, real-looking code that a careful reviewer would not flag, written in
 * the style of the false alarms found by the corpus audit (docs/precision.md). Each case must give no finding of
 * its rule; the rule's own test class holds the positive cases. Cells are separated by a line {@code --}; a
 * cell starting with {@code [n] } has execution count n, {@code [ ] } never ran (without a prefix cells count
 * 1, 2, 3 ...), and {@code [out] text} gives the cell a stdout output. Add a case where a new false alarm is found.
 */
class PrecisionTest {
    private static final List<Arguments> CASES = List.of(
        // NB001 syntax-error: what IPython runs is valid
        of("NB001", "lone semicolon", "plt.plot(x)\n;"),
        of("NB001", "automagic run", "run helper.py"),
        of("NB001", "automagic cd", "cd ../data"),
        of("NB001", "shell escape", "!ls -la data/"),
        of("NB001", "auto-call escape", "/print 'hello'"),
        of("NB001", "help suffix", "df.merge?"),
        of("NB001", "cell magic with other language", "%%bash\nfor f in *.csv; do wc -l $f; done"),
        of("NB001", "line magic assignment", "files = !ls data/*.csv\nlen(files)"),
        of("NB001", "indented first line", "    x = 1\n    y = x + 1"),
        of("NB001", "timeit cell magic", "%%timeit\nsum(range(100))"),
        // NB101 global-mutable-state: a value defined once and only read
        of("NB101", "read in many cells", "df = load()", "df.head()", "df.describe()", "df.plot()"),
        of("NB101", "new names per step", "raw = load()", "clean = raw.dropna()", "features = clean[['a']]",
            "model = fit(features)"),
        of("NB101", "changed in its own cell", "rows = []\nfor i in range(3):\n    rows.append(i)", "len(rows)",
            "sum(rows)"),
        of("NB101", "changed by one other cell only", "cfg = {}", "cfg['a'] = 1", "print(cfg)"),
        of("NB101", "rebound fresh, not from itself", "x = 1", "x = 2", "x = 3", "x"),
        of("NB101", "loop variable", "for i in range(3):\n    pass", "for i in range(5):\n    pass",
            "for i in range(7):\n    pass"),
        of("NB101", "function local of same name", "df = load()", "def f(df):\n    df = df.dropna()\n    return df",
            "def g(df):\n    df['a'] = 1\n    return df", "out = g(f(df))"),
        of("NB101", "attribute read only", "model = Model()", "model.predict(x)", "model.score(x, y)"),
        of("NB101", "copy then change", "df = load()", "df2 = df.copy()\ndf2['a'] = 1", "df3 = df.copy()\ndf3['b'] = 2"),
        of("NB101", "comprehension variable", "xs = [1, 2]", "ys = [x for x in xs]", "zs = [x * 2 for x in xs]"),
        // NB102 hidden-dependency: names defined above, or only inside function bodies called later
        of("NB102", "defined above", "import pandas as pd", "df = pd.DataFrame()"),
        of("NB102", "function body reads later global, called later", "def f():\n    return later + 1",
            "later = 2", "f()"),
        of("NB102", "class attribute", "class A:\n    n = 1\n    m = n + 1"),
        of("NB102", "comprehension target", "squares = [i * i for i in range(3)]"),
        of("NB102", "with target", "with open('a.txt') as fh:\n    text = fh.read()"),
        of("NB102", "except alias", "try:\n    x = 1\nexcept ValueError as err:\n    print(err)"),
        of("NB102", "walrus", "if (n := 10) > 5:\n    print(n)"),
        of("NB102", "lambda parameter", "f = lambda row: row['a']"),
        of("NB102", "global declared in function", "def setup():\n    global cfg\n    cfg = 1", "setup()"),
        of("NB102", "builtin", "print(len([1, 2]))"),
        // NB103 out-of-order-execution: counts that only have gaps, or empty cells
        of("NB103", "gaps in numbering", "[1] a = 1", "[4] b = 2", "[9] c = 3"),
        of("NB103", "empty cell ran late", "[5] a = 1", "[9] ", "[6] b = 2"),
        of("NB103", "empty cell ran early", "[1] a = 1", "[2] ", "[3] b = 2"),
        of("NB103", "never-run cells in between", "[1] a = 1", "[ ] b = 2", "[2] c = 3"),
        of("NB103", "whitespace-only cell ran late", "[2] a = 1", "[8]    ", "[3] b = 2"),
        of("NB103", "in order", "[1] a = 1", "[2] b = 2", "[3] c = 3"),
        of("NB103", "in order with large counts", "[101] a = 1", "[102] b = 2", "[250] c = 3"),
        of("NB103", "comment-only cell ran out of order", "[3] a = 1", "[7] # TODO", "[4] b = 2"),
        of("NB103", "markdown between", "[1] a = 1", "[2] b = 2"),
        of("NB103", "single cell", "[42] a = 1"),
        // NB104 never-executed: every cell ran, or none did
        of("NB104", "nothing ran", "[ ] a = 1", "[ ] b = 2"),
        of("NB104", "all ran", "[1] a = 1", "[2] b = 2"),
        of("NB104", "empty unrun cell", "[1] a = 1", "[ ] "),
        of("NB104", "comment-only unrun cell", "[1] a = 1", "[ ] # scratch"),
        of("NB104", "all ran with gaps", "[3] a = 1", "[8] b = 2"),
        of("NB104", "single cell ran", "[1] a = 1"),
        of("NB104", "nothing ran, three cells", "[ ] a = 1", "[ ] b = 2", "[ ] c = 3"),
        of("NB104", "all counts zero", "[0] a = 1", "[0] b = 2"),
        of("NB104", "whitespace unrun cell", "[1] a = 1", "[ ]   \n  "),
        of("NB104", "all ran, out of order", "[2] a = 1", "[1] b = 2"),
        // NB105 re-execution-hazard: idempotent transformations
        of("NB105", "rename columns", "df = load()", "df = df.rename(columns={'A': 'a'})"),
        of("NB105", "replace mapping to nan", "df = load()", "df = df.replace({'?': np.nan})"),
        of("NB105", "to_datetime of a column", "df = load()", "df['d'] = pd.to_datetime(df['d'])"),
        of("NB105", "str slice from start", "df = load()", "df['zip'] = df['zip'].str.slice(0, 5)"),
        of("NB105", "np.array of itself", "arr = [1, 2]", "arr = np.array(arr)"),
        of("NB105", "get_dummies of the frame", "features = load()", "features = pd.get_dummies(features)"),
        of("NB105", "refit estimator", "clf = RandomForestClassifier(random_state=0)",
            "clf = clf.fit(X_train, y_train)"),
        of("NB105", "query with fixed bounds", "births = load()\nmu, sig = 1, 2",
            "births = births.query('(births > @mu - 5 * @sig) & (births < @mu + 5 * @sig)')"),
        of("NB105", "drop duplicates and dropna chain", "df = load()", "df = df.dropna().drop_duplicates()"),
        of("NB105", "astype and lower", "df = load()", "df['c'] = df['c'].astype(str).str.lower()"),
        of("NB105", "row filter by a fixed threshold", "fec = load()", "fec = fec[fec['amt'] > 0]"),
        of("NB105", "row filter by isin", "df = load()", "df = df[df['state'].isin(['CA', 'NY'])]"),
        of("NB105", "row filter by notna", "df = load()", "df = df[df.name.notna()]"),
        of("NB105", "select fixed columns with ix", "cars = load()",
            "cars = cars.ix[:, ['Date', 'gm_cap', 'tesla_cap']]"),
        of("NB105", "select a label range of columns", "party_counts = load()",
            "party_counts = party_counts.loc[:, 2:5]"),
        of("NB105", "forward fill a column", "res = load()", "res['profit'] = res['profit'].ffill()"),
        of("NB105", "reshape to a fixed shape", "Xtr = load()", "Xtr = np.reshape(Xtr, newshape=(-1, 28*28))"),
        of("NB105", "reindex to a fixed index", "pop = load()\nindex = make()", "pop = pop.reindex(index)"),
        of("NB105", "asfreq with a fixed frequency", "goog = load()", "goog = goog.asfreq('D', method='pad')"),
        of("NB105", "reproject to a fixed CRS", "gdf = load()", "gdf = gdf.to_crs(epsg=3857)"),
        of("NB105", "MultiIndex from its own tuples", "index = [('CA', 2000), ('CA', 2010)]",
            "index = pd.MultiIndex.from_tuples(index)"),
        of("NB105", "loc by a fixed condition and fixed columns", "chipo = load()",
            "chipo = chipo.loc[chipo['price'] > 10.0, ['item', 'price']].reset_index(drop=True)"),
        of("NB105", "loc by index labels from another cell", "ratings = load()",
            "counts = data.groupby('title').size()\nactive = counts.index[counts >= 250]",
            "ratings = ratings.loc[active]"),
        of("NB105", "filter a dataset by a fixed predicate", "dataset = load()",
            "dataset = dataset.filter(lambda x: x < 10)"),
        of("NB105", "reshape keeping the first dimension", "X_test = load()",
            "X_test = X_test.reshape(X_test.shape[0], 1, img_rows, img_cols)"),
        of("NB105", "pad sequences to a fixed length", "X_train = load()",
            "X_train = sequence.pad_sequences(X_train, maxlen=100)"),
        of("NB105", "del of a key the cell sets first", "d1 = {'a': 1}",
            "d1[5] = 'some value'\nd1['dummy'] = 'x'\ndel d1[5]\nd1.pop('dummy')"),
        // NB106 function-uses-globals: parameters and constants
        of("NB106", "parameters only", "def f(df, col):\n    return df[col].mean()"),
        of("NB106", "module import", "import numpy as np", "def f(x):\n    return np.sqrt(x)"),
        of("NB106", "other function", "def g(x):\n    return x + 1", "def f(x):\n    return g(x) * 2"),
        of("NB106", "class", "class Point:\n    pass", "def make():\n    return Point()"),
        of("NB106", "builtin", "def f(xs):\n    return sorted(len(x) for x in xs)"),
        of("NB106", "default argument", "def f(x, scale=2):\n    return x * scale"),
        of("NB106", "nested function", "def outer(x):\n    def inner(y):\n        return x + y\n    return inner(1)"),
        of("NB106", "local shadowing", "df = load()", "def f(path):\n    df = read(path)\n    return df"),
        of("NB106", "comprehension locals", "def f(rows):\n    return [r['a'] for r in rows if r]"),
        of("NB106", "exception class", "def f(x):\n    if x < 0:\n        raise ValueError(x)\n    return x"),
        // NB107 implicit-global-setting: scoped settings or nothing global
        of("NB107", "option context", "with pd.option_context('display.max_rows', 10):\n    print(df)"),
        of("NB107", "rc context", "with plt.rc_context({'lines.linewidth': 2}):\n    plt.plot(x)"),
        of("NB107", "style context", "with plt.style.context('ggplot'):\n    plt.plot(x)"),
        of("NB107", "errstate", "with np.errstate(divide='ignore'):\n    r = a / b"),
        of("NB107", "warnings catch", "with warnings.catch_warnings():\n    warnings.simplefilter('ignore')\n    f()"),
        of("NB107", "reading an option", "rows = pd.get_option('display.max_rows')"),
        of("NB107", "figure size argument", "fig, ax = plt.subplots(figsize=(10, 6))"),
        of("NB107", "reading env", "import os\nhome = os.environ.get('HOME')"),
        of("NB107", "local dict named options", "options = {'a': 1}\noptions['a'] = 2"),
        of("NB107", "axis styling", "ax.set_title('x')\nax.grid(True)"),
        // NB108 undefined-name: defined somewhere the notebook can see
        of("NB108", "star import", "from numpy import *", "x = array([1])"),
        of("NB108", "pylab magic", "%pylab inline", "x = linspace(0, 1)"),
        of("NB108", "defined later", "def f():\n    return later", "later = 1"),
        of("NB108", "magic assignment", "files = !ls", "print(files)"),
        of("NB108", "builtins", "print(len(sorted(set([1]))))"),
        of("NB108", "ipython display", "display(df)", "df = 1"),
        of("NB108", "dunder name", "print(__name__)"),
        of("NB108", "in", "_ = 1 + 1", "print(_)"),
        of("NB108", "exception alias", "try:\n    pass\nexcept Exception as e:\n    print(e)"),
        of("NB108", "get_ipython", "ip = get_ipython()"),
        // NB201 magic-number: obvious constants
        of("NB201", "zero and one", "x = df.iloc[0]\ny = df.iloc[-1]"),
        of("NB201", "axis", "df.sum(axis=1)"),
        of("NB201", "named constant", "MAX_ITER = 1000\nmodel = SGDRegressor(max_iter=MAX_ITER)"),
        of("NB201", "figure size", "plt.figure(figsize=(10, 6))"),
        of("NB201", "seed", "model = RandomForestClassifier(random_state=42)"),
        of("NB201", "verbosity", "model.fit(X, y, verbose=0)"),
        of("NB201", "percent", "share = 100 * part / total"),
        of("NB201", "head", "df.head(10)"),
        of("NB201", "plot alpha", "plt.scatter(x, y, alpha=0.5)"),
        of("NB201", "font size", "plt.title('t', fontsize=14)"),
        // NB202 hard-coded-path: paths built from variables, relative paths
        of("NB202", "bucket variable", "bucket = cfg['bucket']\nuri = f'gs://{bucket}/staging'"),
        of("NB202", "relative path", "df = pd.read_csv('data/train.csv')"),
        of("NB202", "path join", "path = os.path.join(base_dir, 'train.csv')"),
        of("NB202", "url", "df = pd.read_csv(url)"),
        of("NB202", "regex slash", "re.sub(r'/+', '/', s)"),
        of("NB202", "date format", "d = pd.to_datetime(s, format='%Y/%m/%d')"),
        of("NB202", "fraction label", "label = 'a/b ratio'"),
        of("NB202", "division text", "print('1/2')"),
        of("NB202", "s3 from parts", "key = f's3://{bucket_name}/{prefix}/part-0.parquet'"),
        of("NB202", "home from environment", "home = os.path.expanduser(os.environ['DATA_HOME'])"),
        // NB203 relative-data-path: paths from configuration
        of("NB203", "path variable from config", "df = pd.read_csv(cfg['train_path'])"),
        of("NB203", "path parameter", "def load(path):\n    return pd.read_csv(path)"),
        of("NB203", "url", "df = pd.read_csv(os.environ['DATA_URL'])"),
        of("NB203", "in-memory buffer", "df = pd.read_csv(io.StringIO(text))"),
        of("NB203", "sklearn dataset", "X, y = load_iris(return_X_y=True)"),
        of("NB203", "f-string of a variable", "df = pd.read_csv(f'{data_dir}/train.csv')"),
        of("NB203", "no file", "df = pd.DataFrame({'a': [1]})"),
        of("NB203", "path object from config", "p = Path(cfg['out'])\ndf.to_csv(p)"),
        of("NB203", "stdout", "df.to_csv(sys.stdout)"),
        of("NB203", "to_string", "text = df.to_string()"),
        // NB204 hard-coded-url: URLs from configuration or documentation strings
        of("NB204", "url from env", "url = os.environ['API_URL']\nrequests.get(url)"),
        of("NB204", "url in comment", "# see https://example.com/docs\nx = 1"),
        of("NB204", "url in markdown-like docstring", "def f():\n    \"\"\"See https://pandas.pydata.org.\"\"\"\n    return 1"),
        of("NB204", "url parameter", "def fetch(url):\n    return requests.get(url)"),
        of("NB204", "config url", "resp = requests.get(cfg['endpoint'])"),
        of("NB204", "email-like text", "contact = 'team at example dot com'"),
        of("NB204", "relative route", "route = '/v1/models'"),
        of("NB204", "plain host word", "name = 'localhost'"),
        of("NB204", "f-string host variable", "url = f'{base_url}/predict'"),
        of("NB204", "no url", "x = 'abc'"),
        // NB301 import-not-at-top: imports at the top, after set-up only
        of("NB301", "imports first", "import pandas as pd\nimport numpy as np", "df = pd.DataFrame()"),
        of("NB301", "after magic", "%matplotlib inline\nimport matplotlib.pyplot as plt"),
        of("NB301", "after docstring", "\"\"\"Analysis.\"\"\"\nimport os"),
        of("NB301", "after warnings filter", "import warnings\nwarnings.filterwarnings('ignore')\nimport pandas as pd"),
        of("NB301", "after sys.path", "import sys\nsys.path.append('..')\nimport helpers"),
        of("NB301", "after Colab probe", "import sys\nIS_COLAB = 'google.colab' in sys.modules\nimport numpy as np"),
        of("NB301", "after version probe", "import sys\nPY2 = sys.version_info < (3,)\nimport os"),
        of("NB301", "after assert", "import sklearn\nassert sklearn.__version__ >= '0.20'\nimport numpy as np"),
        of("NB301", "try import", "try:\n    import ujson as json\nexcept ImportError:\n    import json"),
        of("NB301", "import inside function", "import os", "x = 1", "def f():\n    import json\n    return json"),
        // NB302 unused-import: used or imported for effect
        of("NB302", "used", "import numpy as np", "np.zeros(3)"),
        of("NB302", "mplot3d from-import", "from mpl_toolkits import mplot3d", "ax = plt.axes(projection='3d')"),
        of("NB302", "mplot3d module", "import mpl_toolkits.mplot3d", "ax = plt.axes(projection='3d')"),
        of("NB302", "used in function", "import json", "def f(s):\n    return json.loads(s)"),
        of("NB302", "used in magic", "import numpy as np", "%timeit np.zeros(3)"),
        of("NB302", "used in f-string", "import math", "print(f'{math.pi:.2f}')"),
        of("NB302", "used in decorator", "import functools", "@functools.lru_cache\ndef f(x):\n    return x"),
        of("NB302", "used as annotation", "from typing import List", "def f(x: List[int]) -> int:\n    return 1"),
        of("NB302", "future import", "from __future__ import print_function"),
        of("NB302", "side-effect accessor", "import hvplot.pandas", "df.hvplot()"),
        // NB304 pip-install-in-notebook: no install
        of("NB304", "pip list", "!pip list"),
        of("NB304", "pip freeze", "!pip freeze > requirements.txt"),
        of("NB304", "pip show", "%pip show pandas"),
        of("NB304", "conda list", "!conda list"),
        of("NB304", "word pip in string", "print('pip install pandas')"),
        of("NB304", "comment", "# !pip install pandas"),
        of("NB304", "pip version", "!pip --version"),
        of("NB304", "python version", "!python --version"),
        of("NB304", "variable named install", "install = 1"),
        of("NB304", "apt list", "!apt list --installed"),
        // NB401 secret-in-code: placeholders and environment reads
        of("NB401", "env", "api_key = os.environ['API_KEY']"),
        of("NB401", "getpass", "password = getpass.getpass()"),
        of("NB401", "placeholder", "api_key = 'YOUR_API_KEY'"),
        of("NB401", "empty", "token = ''"),
        of("NB401", "config", "token = cfg['token']"),
        of("NB401", "masked", "password = '********'"),
        of("NB401", "key name only", "key = 'api_key'"),
        of("NB401", "column named password", "df = df.drop(columns=['password'])"),
        of("NB401", "tokenizer", "tokens = tokenizer.tokenize(text)"),
        of("NB401", "xxx placeholder", "aws_access_key_id = 'XXX'"),
        // NB403 personal-data-in-output: no personal data
        of("NB403", "mailing-list command address", "print(msg)\n[out] List-Unsubscribe: <mailto:zzzlist-request@example.com?subject=unsubscribe>"),
        of("NB403", "numbers only", "print(df)\n[out]    a   b\n0  1   2\n1  3   4"),
        of("NB403", "version", "print(v)\n[out] 1.2.3"),
        of("NB403", "at in text", "print(s)\n[out] meet at 5 pm"),
        of("NB403", "decorator text", "print(s)\n[out] @property"),
        of("NB403", "date", "print(d)\n[out] 2020-01-01"),
        of("NB403", "shape", "print(df.shape)\n[out] (891, 12)"),
        of("NB403", "float array", "print(a)\n[out] [0.123 4.567 8.91 ]"),
        of("NB403", "matrix at", "print(s)\n[out] A @ B = C"),
        of("NB403", "percent", "print(s)\n[out] 12.5% of rows"),
        // NB501 display-as-validation: presentation and assignments
        of("NB501", "html of literal", "from IPython.display import HTML\nHTML('<b>Results</b>')"),
        of("NB501", "image file", "from IPython.display import Image\nImage('figures/pipeline.png')"),
        of("NB501", "markdown", "from IPython.display import Markdown\nMarkdown('## Summary')"),
        of("NB501", "assignment", "summary = df.describe()"),
        of("NB501", "plot", "df.plot()"),
        of("NB501", "name not last", "df\nx = 1"),
        of("NB501", "fit", "model.fit(X, y)"),
        of("NB501", "assert", "assert len(df) > 0"),
        of("NB501", "youtube", "from IPython.display import YouTubeVideo\nYouTubeVideo('abc123')"),
        of("NB501", "save", "df.to_csv(path)"),
        // NB502 print-for-checking: logging, no print
        of("NB502", "logging", "import logging\nlogging.info('rows: %d', len(df))"),
        of("NB502", "print to file", "print('a,b', file=fh)"),
        of("NB502", "write", "sys.stdout.write('x')"),
        of("NB502", "print inside __repr__", "class A:\n    def __str__(self):\n        return 'A'"),
        of("NB502", "f-string assignment", "msg = f'rows: {len(df)}'"),
        of("NB502", "tqdm", "for x in tqdm(xs):\n    pass"),
        of("NB502", "warnings", "warnings.warn('slow')"),
        of("NB502", "raise", "raise ValueError('bad')"),
        of("NB502", "display function defined, not called", "def show(x):\n    return x"),
        of("NB502", "logger", "log = logging.getLogger(__name__)\nlog.info('done')"),
        // NB503 plt-show: figure saved first
        of("NB503", "savefig before show", "plt.plot(x)\nplt.savefig('a.png')\nplt.show()"),
        of("NB503", "fig savefig before show", "fig, ax = plt.subplots()\nax.plot(x)\nfig.savefig('a.png')\nplt.show()"),
        of("NB503", "helper saves", "def save_fig(name):\n    plt.savefig(name + '.png')", "plt.plot(x)\nsave_fig('a')\nplt.show()"),
        of("NB503", "no show", "plt.plot(x)\nplt.savefig('a.png')"),
        of("NB503", "close", "plt.plot(x)\nplt.savefig('a.png')\nplt.close()"),
        of("NB503", "plotly write_image", "fig = px.line(df)\nfig.write_image('a.png')\nfig.show()"),
        of("NB503", "return figure", "def plot(df):\n    fig, ax = plt.subplots()\n    ax.plot(df)\n    return fig"),
        of("NB503", "nested helper saves", "def save_fig(n):\n    plt.savefig(n)", "def plot(x):\n    plt.plot(x)\n    save_fig('x')",
            "plot(x)\nplt.show()"),
        of("NB503", "show word in string", "print('plt.show()')"),
        of("NB503", "dataframe show method", "sdf.show()"),
        // NB601 mega-cell: long data literals and definitions
        of("NB601", "one long call", "r = post(\n" + "    a=1,\n".repeat(60) + ")"),
        of("NB601", "long dict literal", "config = {\n" + "    'k': 1,\n".repeat(60) + "}"),
        of("NB601", "long function", "def f(x):\n" + "    x = x + 1\n".repeat(60) + "    return x"),
        of("NB601", "long class", "class A:\n" + "    a = 1\n".repeat(60)),
        of("NB601", "imports", "import os\n".repeat(60)),
        of("NB601", "comments", "# note\n".repeat(80) + "x = 1"),
        of("NB601", "blank lines", "x = 1\n" + "\n".repeat(80) + "y = 2"),
        of("NB601", "forty statements", "x = 1\n".repeat(40)),
        of("NB601", "long list literal", "xs = [\n" + "    1,\n".repeat(60) + "]"),
        of("NB601", "writefile", "%%writefile m.py\n" + "x = 1\n".repeat(60)),
        // NB602 swallowed-error: handled or narrow
        of("NB602", "narrow except", "try:\n    x = int(s)\nexcept ValueError:\n    x = None"),
        of("NB602", "logged", "try:\n    f()\nexcept Exception:\n    log.exception('f failed')"),
        of("NB602", "re-raise", "try:\n    f()\nexcept Exception:\n    cleanup()\n    raise"),
        of("NB602", "import fallback", "try:\n    import ujson as json\nexcept ImportError:\n    import json"),
        of("NB602", "key error", "try:\n    v = d['k']\nexcept KeyError:\n    v = 0"),
        of("NB602", "finally", "try:\n    f()\nfinally:\n    close()"),
        of("NB602", "tuple", "try:\n    f()\nexcept (OSError, ValueError) as e:\n    print(e)"),
        of("NB602", "exception used", "try:\n    f()\nexcept Exception as e:\n    errors.append(e)"),
        of("NB602", "raise other", "try:\n    f()\nexcept Exception as e:\n    raise RuntimeError('f') from e"),
        of("NB602", "warn", "try:\n    f()\nexcept Exception as e:\n    warnings.warn(str(e))"),
        // NB603 silent-nan: counted, shown or scoped
        of("NB603", "dropna after isna count", "print(df.isna().sum())", "df = df.dropna()"),
        of("NB603", "dropna with subset", "df = df.dropna(subset=['price'])"),
        of("NB603", "fillna of a column", "df['age'] = df['age'].fillna(df['age'].median())"),
        of("NB603", "dropna after info", "df.info()", "df = df.dropna()"),
        of("NB603", "no nan handling", "df = df[df.price > 0]"),
        of("NB603", "isna count", "missing = df.isna().sum()"),
        of("NB603", "to_numeric raise", "df['x'] = pd.to_numeric(df['x'])"),
        of("NB603", "dropna column subset list", "clean = df.dropna(subset=['a', 'b'])"),
        of("NB603", "fillna dict", "df = df.fillna({'a': 0})"),
        of("NB603", "interpolate not reported", "s = s.interpolate()"),
        // NB604 unseeded-randomness: seeded
        of("NB604", "seeded estimator", "model = RandomForestClassifier(random_state=0)"),
        of("NB604", "global seed first", "np.random.seed(0)", "x = np.random.rand(3)"),
        of("NB604", "generator with seed", "rng = np.random.default_rng(42)\nx = rng.normal(size=3)"),
        of("NB604", "sample with state", "s = df.sample(n=100, random_state=1)"),
        of("NB604", "split with state", "a, b = train_test_split(X, random_state=42)"),
        of("NB604", "caller seeds", "def noisy(x):\n    return x + np.random.normal(0, 1, len(x))",
            "def make():\n    np.random.seed(1)\n    return noisy(np.arange(3))", "make()"),
        of("NB604", "python random seeded", "random.seed(3)", "random.choice([1, 2])"),
        of("NB604", "deterministic estimator", "model = LinearRegression()"),
        of("NB604", "kfold without shuffle", "cv = KFold(n_splits=5)"),
        of("NB604", "random state instance", "rs = np.random.RandomState(0)\nx = rs.rand(3)"),
        // NB605 global-seeding: explicit generators
        of("NB605", "default_rng", "rng = np.random.default_rng(0)"),
        of("NB605", "random.Random", "rng = random.Random(0)"),
        of("NB605", "random_state", "m = KMeans(n_clusters=3, random_state=0)"),
        of("NB605", "RandomState", "rs = np.random.RandomState(42)"),
        of("NB605", "seed variable", "SEED = 42"),
        of("NB605", "env seed", "env.reset(seed=42)"),
        of("NB605", "generator manual_seed", "g = torch.Generator().manual_seed(0)"),
        of("NB605", "tf stateless", "x = tf.random.stateless_uniform([3], seed=(1, 2))"),
        of("NB605", "seed keyword", "ds = ds.shuffle(100, seed=42)"),
        of("NB605", "word seed in text", "print('seed')"));

    private static Arguments of(String code, String name, String... cells) {
        return Arguments.of(code, name, List.of(cells));
    }

    static Stream<Arguments> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void noFinding(String code, String name, List<String> cells) {
        Rule rule = Rules.all().stream().filter(r -> r.info().code().equals(code)).findFirst().orElseThrow();
        TestNotebooks.Builder notebook = TestNotebooks.builder();
        for (String cell : cells) {
            Optional<Integer> count = Optional.empty();
            String source = cell;
            if (cell.startsWith("[ ] ")) {
                source = cell.substring(4);
            } else if (cell.matches("(?s)\\[\\d+] .*")) {
                count = Optional.of(Integer.parseInt(cell.substring(1, cell.indexOf(']'))));
                source = cell.substring(cell.indexOf(']') + 2);
            }
            int out = source.indexOf("\n[out] ");
            if (out >= 0) {
                notebook.codeWithOutputs(source.substring(0, out), TestNotebooks.stdout(source.substring(out + 7)));
            } else if (cell.startsWith("[")) {
                notebook.code(source, count.orElse(null));
            } else {
                notebook.code(source);
            }
        }
        assertThat(RuleTester.describe(RuleTester.run(rule, notebook.build()))).as(name).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void everyRuleThatFiresOnTheCorpusHasTenNegatives() {
        java.util.Map<Object, Long> perRule = CASES.stream().collect(java.util.stream.Collectors.groupingBy(
            a -> a.get()[0], java.util.stream.Collectors.counting()));
        assertThat(perRule).hasSize(26).allSatisfy((code, n) -> assertThat(n).as("%s", code).isGreaterThanOrEqualTo(10));
    }
}
