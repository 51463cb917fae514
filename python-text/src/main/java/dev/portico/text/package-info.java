/**
 * Python's text rules as the reference servers applied them, in one home: how text is stripped
 * ({@link dev.portico.text.PythonText}), case-folded and compared ({@link dev.portico.text.PythonCase}),
 * and shown in messages ({@link dev.portico.text.PythonRepr}: {@code repr} and type names).
 */
package dev.portico.text;
