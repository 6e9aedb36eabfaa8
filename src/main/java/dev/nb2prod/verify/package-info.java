/**
 * Verification: runs a notebook and the package {@code nb2prod extract} generated from it with the user's Python,
 * and compares the values and files they produce ({@link dev.nb2prod.verify.Verifier}). The Python side is the
 * resource {@code verify/nb2prod_verify.py}, copied to a temporary folder for each verification.
 *
 * <h2>What a generated package must look like to be verified</h2>
 * <ul>
 *   <li>{@code PACKAGE_DIR/config.yaml} exists and {@code PACKAGE_DIR/src/} holds exactly one package directory
 *       {@code <pkg>} with a {@code pipeline.py}; the helper puts {@code PACKAGE_DIR/src} first on
 *       {@code sys.path}, so {@code <pkg>} imports itself absolutely ({@code from <pkg>.config import ...}) or
 *       relatively.</li>
 *   <li>{@code <pkg>.config.load_config(path, overrides)}: {@code path} is the {@code str} path of
 *       {@code config.yaml}, {@code overrides} a {@code list} of {@code "key=value"} strings exactly like
 *       {@code --set key=value} (the value is parsed as YAML; verify single-quotes it, so a path stays a string).
 *       (A {@code load_config} that raises {@code TypeError}/{@code AttributeError} on a list is retried with a
 *       {@code dict[str, str]}.) It returns the {@code dict} given to {@code run_pipeline}.
 *       {@code NB2PROD_<KEY>} environment variables are set too.</li>
 *   <li>{@code config.yaml} has a top-level {@code data_root}; every input path key keeps the notebook-relative
 *       path as the notebook wrote it and is resolved against {@code config["data_root"]} (at load or use time). Verify passes {@code data_root} = the notebook's
 *       folder, absolute, so a key equal to the notebook's relative path (e.g. {@code data/customers.csv}) reads the
 *       notebook's data.</li>
 *   <li>Files the pipeline writes keep their notebook-relative paths and are resolved against a top-level
 *       {@code output_root} key (when the loaded configuration has one, verify passes a temporary folder; the
 *       package creates the parent folders). Without it, the pipeline runs with the current
 *       directory set to an empty temporary folder, so relative writes land there; a write into the notebook's
 *       folder is moved out and the notebook's own file restored. Written files are matched to the notebook's by
 *       path relative to the root, else by unique file name.</li>
 *   <li>{@code <pkg>.pipeline.run_pipeline(config) -> dict} returns the notebook's terminal values under the
 *       notebook's variable names (other keys are listed as notes, not compared); the values should be picklable.
 *       The current directory is not the package's nor the notebook's: nothing may depend on it.</li>
 * </ul>
 */
package dev.nb2prod.verify;
