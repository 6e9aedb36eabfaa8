/**
 * Python front end: parses notebook cells (IPython syntax, Python 2 tolerated) into the nb2prod AST of
 * {@link dev.nb2prod.python.ast}. Only {@link dev.nb2prod.python.SonarPythonFrontEnd} and its converter see the
 * Sonar parser; everything else works on {@link dev.nb2prod.python.ast.Module}. Positions: lines 1-based within
 * the cell, columns 0-based, end exclusive; code inside magics keeps positions relative to the cell. Cells first go
 * through IPython's input transformations ({@link dev.nb2prod.python.IPythonTransform}); positions always point
 * into the cell as written.
 */
package dev.nb2prod.python;
