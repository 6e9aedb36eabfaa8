package dev.nb2prod.extract.plan;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps import names to the PyPI distributions that provide them. */
public final class Distributions {
    private Distributions() {}

    private static final Map<String, String> KNOWN = Map.ofEntries(
        Map.entry("sklearn", "scikit-learn"), Map.entry("cv2", "opencv-python"), Map.entry("PIL", "pillow"),
        Map.entry("yaml", "pyyaml"), Map.entry("bs4", "beautifulsoup4"), Map.entry("skimage", "scikit-image"),
        Map.entry("dateutil", "python-dateutil"), Map.entry("dotenv", "python-dotenv"),
        Map.entry("Crypto", "pycryptodome"), Map.entry("OpenSSL", "pyopenssl"), Map.entry("attr", "attrs"),
        Map.entry("google.cloud", "google-cloud"), Map.entry("psycopg2", "psycopg2-binary"),
        Map.entry("MySQLdb", "mysqlclient"), Map.entry("serial", "pyserial"), Map.entry("usb", "pyusb"),
        Map.entry("fitz", "pymupdf"), Map.entry("docx", "python-docx"), Map.entry("pptx", "python-pptx"),
        Map.entry("magic", "python-magic"), Map.entry("jwt", "pyjwt"), Map.entry("gi", "pygobject"),
        Map.entry("wx", "wxpython"), Map.entry("Levenshtein", "python-levenshtein"), Map.entry("umap", "umap-learn"),
        Map.entry("tensorflow_hub", "tensorflow-hub"), Map.entry("sentence_transformers", "sentence-transformers"),
        Map.entry("pandas_profiling", "pandas-profiling"), Map.entry("mpl_toolkits", "matplotlib"),
        Map.entry("imblearn", "imbalanced-learn"), Map.entry("lightgbm", "lightgbm"), Map.entry("xgboost", "xgboost"),
        Map.entry("catboost", "catboost"), Map.entry("statsmodels", "statsmodels"), Map.entry("Bio", "biopython"),
        Map.entry("osgeo", "gdal"), Map.entry("git", "gitpython"), Map.entry("github", "pygithub"),
        Map.entry("telegram", "python-telegram-bot"), Map.entry("slugify", "python-slugify"),
        Map.entry("sqlalchemy", "sqlalchemy"), Map.entry("tables", "tables"), Map.entry("IPython", "ipython"),
        Map.entry("ipywidgets", "ipywidgets"), Map.entry("keras", "keras"), Map.entry("torch", "torch"),
        Map.entry("pyspark", "pyspark"), Map.entry("nltk", "nltk"), Map.entry("spacy", "spacy"),
        Map.entry("gensim", "gensim"), Map.entry("plotly", "plotly"), Map.entry("seaborn", "seaborn"),
        Map.entry("scipy", "scipy"), Map.entry("numpy", "numpy"), Map.entry("pandas", "pandas"),
        Map.entry("matplotlib", "matplotlib"), Map.entry("requests", "requests"), Map.entry("tqdm", "tqdm"),
        Map.entry("google.colab", ""), Map.entry("__main__", ""));

    /** The distribution of a top-level import name; empty for the standard library and notebook-only modules. */
    public static Optional<String> of(String module) {
        if (module == null || module.isEmpty() || StandardLibrary.contains(module)) {
            return Optional.empty();
        }
        String[] parts = module.split("\\.");
        if (parts.length > 1 && KNOWN.containsKey(parts[0] + "." + parts[1])) {
            String d = KNOWN.get(parts[0] + "." + parts[1]);
            return d.isEmpty() ? Optional.empty() : Optional.of(d);
        }
        String d = KNOWN.get(parts[0]);
        if (d != null) {
            return d.isEmpty() ? Optional.empty() : Optional.of(d);
        }
        return Optional.of(parts[0].toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The normalised form of a distribution name for comparisons (PEP 503). */
    public static String normalise(String distribution) {
        return distribution.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
