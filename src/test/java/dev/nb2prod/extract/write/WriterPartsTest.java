package dev.nb2prod.extract.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.PathRole;
import dev.nb2prod.extract.ExtractionPlan.SecretVariable;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriterPartsTest {
    @Test
    void templatesSubstituteLiterallyAndRejectMissingOrUnknownValues() {
        Template t = Template.of("t", "a {{x}} b {{y}} {{x}}");
        assertThat(t.render(Map.of("x", "$1\\{{y}}", "y", "Y"))).isEqualTo("a $1\\{{y}} b Y $1\\{{y}}");
        assertThatThrownBy(() -> t.render(Map.of("x", "1"))).hasMessageContaining("no value for {{y}}");
        assertThatThrownBy(() -> t.render(Map.of("x", "1", "y", "2", "z", "3"))).hasMessageContaining("{{z}}");
    }

    @Test
    void importsAreDeduplicatedMergedGroupedAndFiltered() {
        Imports imports = new Imports().addAll(List.of("import pandas as pd", "import os", "import os",
            "from sklearn.metrics import roc_auc_score, accuracy_score", "from sklearn.metrics import accuracy_score",
            "import numpy as np", "from collections import Counter", "import json  # comment", "from . import x"));
        imports.usedIn("pd.read_csv(os.path.join(a)); accuracy_score(y); roc_auc_score(z); x.y; df.json");
        assertThat(imports.render()).isEqualTo("""
            import os

            import pandas as pd
            from sklearn.metrics import accuracy_score, roc_auc_score

            from . import x
            """);
    }

    @Test
    void longFromImportsWrap() {
        Imports imports = new Imports().add("from sklearn.metrics import accuracy_score, roc_auc_score, "
            + "classification_report, confusion_matrix, precision_score");
        assertThat(imports.render()).startsWith("from sklearn.metrics import (\n    accuracy_score,\n");
    }

    @Test
    void dottedConfigKeysBecomeNestedYamlWithTheirComments() {
        String yaml = ConfigYaml.render(ConfigYaml.withRoots(List.of(
            new ConfigKey("test_size", "0.25", "float", "cell 3, line 1: split", PathRole.NONE),
            new ConfigKey("model.max_depth", "6", "int", "cell 4\nline 2", PathRole.NONE),
            new ConfigKey("model.n_estimators", "200", "int", "", PathRole.NONE),
            new ConfigKey("title", "", "str", "", PathRole.NONE))));
        assertThat(yaml).isEqualTo("""
            # folder the input paths below are read from (relative to this file's folder)
            data_root: "."
            # folder the output paths below are written to (relative to this file's folder)
            output_root: "."
            # cell 3, line 1: split
            test_size: 0.25
            model:
              # cell 4 line 2
              max_depth: 6
              n_estimators: 200
            title: ""
            """);
        assertThat(ConfigYaml.withRoots(List.of(new ConfigKey("data_root", "\"/data\"", "str", "", PathRole.NONE))))
            .extracting(ConfigKey::key, ConfigKey::yamlValue)
            .containsExactly(tuple("data_root", "\"/data\""), tuple("output_root", "\".\""));
        assertThatThrownBy(() -> ConfigYaml.render(List.of(new ConfigKey("a", "1", "int", "", PathRole.NONE),
            new ConfigKey("a.b", "1", "int", "", PathRole.NONE)))).hasMessageContaining("conflicts");
        assertThatThrownBy(() -> ConfigYaml.render(List.of(new ConfigKey("a-b", "1", "int", "", PathRole.NONE))))
            .hasMessageContaining("dotted identifier");
    }

    @Test
    void theNotebookCopyHasNoOutputsAndNoSecrets() throws Exception {
        String notebook = """
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["token ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"]},
              {"cell_type": "code", "execution_count": 7, "metadata": {}, "outputs": [
                {"output_type": "stream", "name": "stdout", "text": ["hunter2Xq9#Lm\\n"]}],
               "source": ["db_password = \\"hunter2Xq9#Lm\\"\\n", "connect(db_password)"]}
             ],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;
        Finding nb401 = new Finding("NB401", Severity.ERROR, "password hunt**** assigned to db_password", "x.ipynb",
            1, "", new Finding.Where.Source(1, 15, 1, 30), 5, "f");
        String clean = NotebookCopy.clean(notebook, List.of(nb401),
            List.of(new SecretVariable("DB_PASSWORD", "password", "cell 2, line 1")));
        assertThat(clean).doesNotContain("hunter2").doesNotContain("ghp_aB3")
            .contains("db_password = \\\"<redacted: set DB_PASSWORD in .env>\\\"")
            .contains("\"outputs\": []").contains("\"execution_count\": null").endsWith("}\n");
    }
}
