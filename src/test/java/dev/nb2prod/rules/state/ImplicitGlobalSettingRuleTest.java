package dev.nb2prod.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ImplicitGlobalSettingRuleTest {
    private final ImplicitGlobalSettingRule rule = new ImplicitGlobalSettingRule();

    @Test
    void settingCallsThroughAliases() {
        assertThat(RuleTester.describe(RuleTester.run(rule,
            "import pandas as pd\nimport warnings\nimport os, sys\npd.set_option('display.max_columns', None)\n"
                + "warnings.filterwarnings('ignore')\nos.chdir('/data')\nsys.path.append('..')")))
            .containsExactly(
                "0:4:1 NB107 pd.set_option('display.max_columns') changes how every later figure or printed value looks: "
                    + "set it once in a style step, or scope it with a with block",
                "0:5:1 NB107 warnings.filterwarnings('ignore') changes a process-wide setting that every later cell "
                    + "silently depends on: make it an explicit configuration step",
                "0:6:1 NB107 os.chdir('/data') changes a process-wide setting that every later cell silently depends "
                    + "on: make it an explicit configuration step",
                "0:7:1 NB107 sys.path.append('..') changes a process-wide setting that every later cell silently "
                    + "depends on: make it an explicit configuration step");
    }

    @Test
    void plotStylingAndDisplayOptionsAreInfoSettingsThatChangeResultsWarnings() {
        var findings = RuleTester.run(rule, "import matplotlib.pyplot as plt\nimport seaborn as sns\n"
            + "import pandas as pd\nimport os\nplt.style.use('ggplot')\nsns.set()\n"
            + "pd.set_option('display.max_columns', None)\nplt.rcParams['font.size'] = 12\nos.chdir('/data')\n"
            + "pd.set_option('mode.chained_assignment', None)");
        assertThat(findings).extracting(f -> f.line() + " " + f.severity()).containsExactly(
            "5 INFO", "6 INFO", "7 INFO", "8 INFO", "9 WARNING", "10 WARNING");
    }

    @Test
    void settingAssignmentsAreGroupedPerCell() {
        assertThat(RuleTester.describe(RuleTester.run(rule,
            "import matplotlib.pyplot as plt\nplt.rcParams['figure.figsize'] = (8, 4)\nplt.rcParams['font.size'] = 12",
            "import os\nos.environ['CUDA_VISIBLE_DEVICES'] = '0'",
            "pd.options.display.max_rows = 10")))
            .containsExactly(
                "0:2:1 NB107 assignment to plt.rcParams['figure.figsize'] changes how every later figure or printed "
                    + "value looks: set it once in a style step, or scope it with a with block (1 more in this cell)",
                "1:2:1 NB107 assignment to os.environ['CUDA_VISIBLE_DEVICES'] changes a process-wide setting that "
                    + "every later cell silently depends on: make it an explicit configuration step",
                "2:1:1 NB107 assignment to pd.options.display.max_rows changes how every later figure or printed value "
                    + "looks: set it once in a style step, or scope it with a with block");
    }

    @Test
    void magics() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "%env KAGGLE_USER=me", "%cd data", "%env")))
            .containsExactly(
                "0:1:1 NB107 %env KAGGLE_USER sets an environment variable for the whole process: make it an explicit configuration step",
                "1:1:1 NB107 %cd changes the working directory of the whole process: later relative paths silently "
                    + "depend on it; use explicit paths");
    }

    @Test
    void scopedSettingsReadsAndLookAlikesAreFine() {
        assertThat(RuleTester.run(rule,
            "import warnings\nwith warnings.catch_warnings():\n    warnings.simplefilter('ignore')\n    f()",
            "import pandas as pd\nwith pd.option_context('display.max_rows', 5):\n    display(df)",
            "import os\nkey = os.environ['HOME']\nsize = plt.rcParams['font.size']",
            "options = {}\noptions['x'] = 1\nsettings.path.append(1)",
            "%config InlineBackend.figure_format = 'retina'",
            "%matplotlib inline")).isEmpty();
    }
}
