export { parseAnyProgram } from './dispatch.js';
export { lowerPythonFunction, pythonFunctions, type PythonForm } from './form.js';
export { formatLabel, isPythonLabel, parseLabel, type PyLabel } from './label.js';
export type { Framework } from './imports.js';
export type { PyNote } from './notes.js';
