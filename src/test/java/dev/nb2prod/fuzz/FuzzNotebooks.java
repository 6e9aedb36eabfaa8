package dev.nb2prod.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds nbformat 4 notebooks (as .ipynb JSON text) from fuzzer data: code, markdown and raw cells whose lines
 * are fuzzed text or snippets that the rules react to, sources as strings or lists of lines, tags, execution
 * counts (missing, null, in or out of order, negative) and outputs (stream, error, display_data, execute_result).
 * The notebooks are well-formed, so the fuzzer spends its time past the reader.
 */
final class FuzzNotebooks {
    /** Lines that reach the rules: imports, data access, secrets, randomness, magics, suppressions, outputs. */
    private static final List<String> SNIPPETS = List.of(
        "import pandas as pd", "import numpy as np", "from os import *", "import os, sys", "%pip install requests",
        "!pip install pandas", "%matplotlib inline", "%%time", "df = pd.read_csv(\"data/sales.csv\")",
        "df.to_parquet(\"/home/ana/out.parquet\")", "url = \"https://example.com/api?key=1\"",
        "password = \"hunter2hunter2\"", "AWS_KEY = \"AKIAIOSFODNN7EXAMPLE\"",
        "token = \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\"", "np.random.seed(42)", "x = np.random.rand(3)",
        "import random", "random.shuffle(items)", "try:", "    y = 1 / 0", "except Exception:", "    pass",
        "def f(a, b=2):", "    return a + total", "class Model:", "    threshold = 0.73", "for i in range(10):",
        "    print(df.head())", "df", "df.describe()", "plt.show()", "import matplotlib.pyplot as plt",
        "pd.set_option(\"display.max_rows\", 500)", "items.append(4)", "total = total + 1", "items = []",
        "df = df.dropna()", "df.fillna(0, inplace=True)", "# nb2prod: ignore[NB201]", "x = 12345  # noqa: NB201",
        "# nb2prod: ignore-cell[NB999]", "assert len(df) == 100", "display(df)", "if x:", "    import json",
        "with open(\"../data/x.txt\") as fh:", "    data = fh.read()", "y = undefined_name + 1", "del items",
        "email = \"ana.perez@example.com\"", "conn = \"postgres://user:s3cret@db:5432/x\"", "lambda: None",
        "async def g():", "    await h()", "from . import sibling", "__import__(\"os\")");

    private static final List<String> OUTPUT_TEXTS = List.of(
        "Traceback (most recent call last):", "ValueError: bad value", "ana.perez@example.com",
        "AKIAIOSFODNN7EXAMPLE", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", "   a  b\n0  1  2",
        "<table><tr><td>1</td></tr></table>", "NaN", "\u001b[31mred\u001b[0m", "password=hunter2hunter2");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FuzzNotebooks() {}

    /** A notebook of 1 to 6 cells. */
    static String json(FuzzedDataProvider data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("nbformat", 4);
        root.put("nbformat_minor", data.consumeInt(0, 5));
        ObjectNode metadata = root.putObject("metadata");
        if (data.consumeBoolean()) {
            ObjectNode kernel = metadata.putObject("kernelspec");
            kernel.put("name", "python3");
            kernel.put("display_name", "Python 3");
            kernel.put("language", data.consumeInt(0, 9) == 0 ? "R" : "python");
        }
        ArrayNode cells = root.putArray("cells");
        int count = data.consumeInt(1, 6);
        for (int i = 0; i < count; i++) {
            cells.add(cell(data, i));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode cell(FuzzedDataProvider data, int index) {
        ObjectNode cell = JSON.createObjectNode();
        int kind = data.consumeInt(0, 9);
        String type = kind < 6 ? "code" : kind < 9 ? "markdown" : "raw";
        cell.put("cell_type", type);
        cell.put("id", "cell-" + index);
        ObjectNode metadata = cell.putObject("metadata");
        if (data.consumeInt(0, 7) == 0) {
            metadata.putArray("tags").add(data.pickValue(List.of("parameters", "exploratory", "skip", "keep")));
        }
        String text = type.equals("markdown") && data.consumeBoolean()
            ? "# " + data.consumeString(30) + "\n" + text(data, SNIPPETS)
            : text(data, SNIPPETS);
        source(cell, "source", text, data);
        if (type.equals("code")) {
            switch (data.consumeInt(0, 4)) {
                case 0 -> cell.putNull("execution_count");
                case 1 -> cell.put("execution_count", data.consumeInt(-2, 1000));
                default -> cell.put("execution_count", index + data.consumeInt(0, 2));
            }
            ArrayNode outputs = cell.putArray("outputs");
            int count = data.consumeInt(0, 3);
            for (int i = 0; i < count; i++) {
                outputs.add(output(data));
            }
        }
        return cell;
    }

    private static ObjectNode output(FuzzedDataProvider data) {
        ObjectNode output = JSON.createObjectNode();
        switch (data.consumeInt(0, 3)) {
            case 0 -> {
                output.put("output_type", "stream");
                output.put("name", data.consumeBoolean() ? "stdout" : "stderr");
                source(output, "text", text(data, OUTPUT_TEXTS), data);
            }
            case 1 -> {
                output.put("output_type", "error");
                output.put("ename", data.consumeString(20));
                output.put("evalue", data.consumeString(40));
                ArrayNode traceback = output.putArray("traceback");
                for (String line : text(data, OUTPUT_TEXTS).split("\n", -1)) {
                    traceback.add(line);
                }
            }
            default -> {
                boolean result = data.consumeBoolean();
                output.put("output_type", result ? "execute_result" : "display_data");
                if (result) {
                    output.put("execution_count", data.consumeInt(0, 20));
                }
                output.putObject("metadata");
                ObjectNode bundle = output.putObject("data");
                source(bundle, "text/plain", text(data, OUTPUT_TEXTS), data);
                if (data.consumeBoolean()) {
                    source(bundle, "text/html", text(data, OUTPUT_TEXTS), data);
                }
                if (data.consumeBoolean()) {
                    bundle.put("image/png", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
                }
            }
        }
        return output;
    }

    /** Up to 8 lines, each a snippet or fuzzed text. */
    private static String text(FuzzedDataProvider data, List<String> snippets) {
        StringBuilder text = new StringBuilder();
        int lines = data.consumeInt(0, 8);
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(data.consumeBoolean() ? data.pickValue(snippets) : data.consumeString(60));
        }
        return text.toString();
    }

    /** A multiline text as nbformat allows it: one string, or a list of lines that keep their line feeds. */
    private static void source(ObjectNode parent, String field, String text, FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            parent.put(field, text);
            return;
        }
        ArrayNode lines = parent.putArray(field);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
    }
}
