package dev.nb2prod.python;

/** Parses the source of one notebook code cell (IPython syntax) into the nb2prod AST. Never throws. */
public interface PythonFrontEnd {

    ParsedCell parse(String cellSource);
}
