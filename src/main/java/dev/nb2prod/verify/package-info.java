/**
 * Verification: runs a notebook and the package {@code nb2prod extract} generated from it with the user's Python,
 * and compares the results they produce ({@link dev.nb2prod.verify.Verifier}). The Python side is the resource
 * {@code verify/nb2prod_verify.py}, copied to a temporary folder for each verification.
 *
 * <p>What is compared comes from the package's {@code nb2prod.json} (its results by name, each captured in the
 * notebook right after its cell ran); for a package without one, from the plan nb2prod makes for the notebook
 * today; when the notebook cannot be planned, from its terminal values ({@code WhatToCompare}). A verdict resting
 * only on weak comparisons (a model compared by its parameters, a value by its type, an image by its existence when what it draws is unknown) is
 * inconclusive, never equivalent.
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
 *   <li>{@code <pkg>.pipeline.run_pipeline(config) -> dict} returns the results of {@code nb2prod.json} under their
 *       names (other keys are listed as notes, not compared); the values should be picklable. A figure, a model
 *       file or a file result is returned as the path of the file the package wrote (under output_root). Without
 *       nb2prod.json the names are those of the notebook's plan, or its terminal variable names.
 *       The current directory is not the package's nor the notebook's: nothing may depend on it.</li>
 *   <li>{@code PACKAGE_DIR/nb2prod.json} (optional): {@code {"notebook", "results": [{"name", "kind", "cell",
 *       "source", "file"}]}}, kinds displayed, metric, model, model_file, figure, file; {@code cell} is the 0-based
 *       index among all cells of the notebook.</li>
 * </ul>
 */
package dev.nb2prod.verify;
