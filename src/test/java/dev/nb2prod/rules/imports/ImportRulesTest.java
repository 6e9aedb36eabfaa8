package dev.nb2prod.rules.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.Rule;
import dev.nb2prod.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportRulesTest {
    private static List<String> run(Rule rule, String... cells) {
        return RuleTester.describe(RuleTester.run(rule, cells));
    }

    @Test
    void importAfterCodeInALaterCellOrTheSameCell() {
        assertThat(run(new ImportNotAtTopRule(),
            "import pandas as pd",
            "df = pd.read_csv(path)\nimport numpy as np",
            "from sklearn.model_selection import train_test_split"))
            .containsExactly(
                "1:2:1 NB301 import of numpy after code (cell 2, line 1): move it to the imports at the top of the notebook",
                "2:1:1 NB301 import of sklearn.model_selection after code (cell 2, line 1): move it to the imports at the top of the notebook");
    }

    @Test
    void setUpBeforeImportsAndImportsInFunctionsAreFine() {
        assertThat(run(new ImportNotAtTopRule(),
            "\"\"\"Sales analysis.\"\"\"\n%matplotlib inline\nfrom __future__ import division\nimport warnings\n"
                + "warnings.filterwarnings('ignore')\nimport sys\nsys.path.append('..')\nimport pandas as pd\n"
                + "pd.set_option('display.max_columns', 50)\nDATA_DIR = 'data'\nimport numpy as np",
            "!pip install xgboost\ntry:\n    import xgboost\nexcept ImportError:\n    xgboost = None\nimport os",
            "def f():\n    import json\n    return json",
            "x = f()"))
            .isEmpty();
    }

    @Test
    void unusedImports() {
        assertThat(run(new UnusedImportRule(),
            "import seaborn as sns\nimport pandas as pd\nfrom sklearn.svm import SVC, LinearSVC\nimport os.path",
            "df = pd.read_csv(p)\nm = LinearSVC()"))
            .containsExactly(
                "0:1:8 NB302 'sns' is imported (seaborn as sns) but never used: remove the import",
                "0:3:25 NB302 'SVC' is imported (SVC from sklearn.svm) but never used: remove the import",
                "0:4:8 NB302 'os' is imported (os.path) but never used: remove the import");
    }

    @Test
    void usesAnywhereCount() {
        assertThat(run(new UnusedImportRule(),
            "import numpy as np\nimport json\nimport math\nimport re\nimport sys\nimport time\nimport glob\n"
                + "from __future__ import print_function\nfrom pylab import *\nfrom mpl_toolkits.mplot3d import Axes3D",
            "def f():\n    return np.zeros(3)",
            "%timeit math.sqrt(2)",
            "!echo {sys.executable}",
            "msg = f'{json.dumps(1)}'",
            "import re\nx = re.compile('a')",
            "print 'python 2 cell', time.time()",
            "glob"))
            .isEmpty();
    }

    @Test
    void starImports() {
        assertThat(run(new StarImportRule(), "from pylab import *\nfrom .helpers import *\nfrom os import path"))
            .containsExactly(
                "0:1:1 NB303 star import from pylab: import the names you use explicitly",
                "0:2:1 NB303 star import from .helpers: import the names you use explicitly");
    }

    @Test
    void pipInstallsNameThePackagesAndTheirPinning() {
        assertThat(run(new PipInstallRule(),
            "!pip install -q numpy==1.26.4 pandas\n%pip install -U 'gym~=0.21'\n!{sys.executable} -m pip install foo\n"
                + "!python -m pip install -r requirements.txt\n%conda install -c conda-forge scipy=1.11\nx = !pip3 install bar",
            "%%bash\necho hi\npip install baz==2.0"))
            .containsExactly(
                "0:1:1 NB304 pip install in the notebook (not pinned: pandas; pinned: numpy==1.26.4): declare the dependencies in a requirements file instead",
                "0:2:1 NB304 pip install in the notebook (version range only: gym~=0.21): declare the dependencies in a requirements file instead",
                "0:3:1 NB304 pip install in the notebook (not pinned: foo): declare the dependencies in a requirements file instead",
                "0:4:1 NB304 pip install in the notebook (from requirements.txt): declare the dependencies in a requirements file instead",
                "0:5:1 NB304 conda install in the notebook (pinned: scipy=1.11): declare the dependencies in an environment.yml file instead",
                "0:6:5 NB304 pip install in the notebook (not pinned: bar): declare the dependencies in a requirements file instead",
                "1:3:1 NB304 pip install in the notebook (pinned: baz==2.0): declare the dependencies in a requirements file instead");
    }

    @Test
    void otherShellCommandsAreNotInstalls() {
        assertThat(run(new PipInstallRule(), "!pip list\n!pip freeze > req.txt\n!ls -la\n%pip show numpy\n!apt-get install -y git"))
            .isEmpty();
    }
}
