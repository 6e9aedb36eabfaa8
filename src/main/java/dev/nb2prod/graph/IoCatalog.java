package dev.nb2prod.graph;

import java.util.Set;

/**
 * The calls nb2prod recognises as reading external data or writing results. This is a heuristic
 * catalogue of the libraries data scientists use most; extend it here, in one place.
 */
final class IoCatalog {
    /** Functions and methods that read data, matched on the last part of the called name. */
    static final Set<String> READ_METHODS = Set.of(
        "read_csv", "read_table", "read_excel", "read_parquet", "read_json", "read_sql", "read_sql_query",
        "read_sql_table", "read_feather", "read_pickle", "read_hdf", "read_html", "read_fwf", "read_orc",
        "read_stata", "read_sas", "read_spss", "read_xml", "read_gbq", "read_clipboard",
        "loadtxt", "genfromtxt", "fromfile", "load_dataset", "urlopen", "urlretrieve", "imread",
        "read_file", "read_text", "read_bytes", "create_engine");

    /** Fully qualified reads whose last part alone is too common to match ({@code load}, {@code get}...). */
    static final Set<String> READ_QUALIFIED = Set.of(
        "np.load", "numpy.load", "pickle.load", "pickle.loads", "joblib.load", "json.load", "yaml.load",
        "yaml.safe_load", "torch.load", "requests.get", "requests.request", "httpx.get",
        "Image.open", "PIL.Image.open", "cv2.imread", "h5py.File", "scipy.io.loadmat", "sio.loadmat",
        "tf.keras.models.load_model", "keras.models.load_model", "load_model", "sqlite3.connect",
        "psycopg2.connect", "pymysql.connect", "boto3.client", "boto3.resource");

    /** Prefixes of loader functions of scikit-learn and seaborn ({@code load_iris}, {@code fetch_openml}). */
    static final Set<String> READ_PREFIXES = Set.of("load_", "fetch_");

    /** Methods that write data (to_json and to_html only with a destination argument). */
    static final Set<String> WRITE_METHODS = Set.of(
        "to_csv", "to_parquet", "to_excel", "to_sql", "to_pickle", "to_feather", "to_hdf", "to_stata",
        "to_orc", "to_gbq", "savefig", "savetxt", "savez", "savez_compressed", "save_model", "imwrite",
        "imsave", "write_text", "write_bytes", "to_netcdf", "to_file");

    /** Writers that count only with a destination argument: without one they return a string. */
    static final Set<String> WRITE_WITH_DESTINATION = Set.of("to_json", "to_html", "to_markdown", "to_latex", "to_xml");

    /** Fully qualified writes. */
    static final Set<String> WRITE_QUALIFIED = Set.of(
        "np.save", "numpy.save", "pickle.dump", "joblib.dump", "json.dump", "yaml.dump", "yaml.safe_dump",
        "torch.save", "shutil.copy", "shutil.copyfile", "shutil.move", "requests.post", "requests.put", "httpx.post");

    /** Writes through a method named {@code save} on any object ({@code model.save("m.h5")}) need a path. */
    static final String SAVE = "save";

    private IoCatalog() {}
}
