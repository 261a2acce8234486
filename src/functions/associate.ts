/**
 * What the build substitutes for the free `CustomFunctions` in the `CustomFunctions.associate(...)`
 * calls that custom-functions-metadata-plugin appends to functions.ts (webpack ProvidePlugin, functions
 * bundle only). It registers with Excel's global CustomFunctions when there is one, and does nothing
 * when functions.js is loaded without Excel (taskpane.html opened in a plain browser), so the page does
 * not fail with a ReferenceError there.
 */
type Associate = (id: string, fn: (...args: never[]) => unknown) => void;

export const CustomFunctions = {
  associate(id: string, fn: (...args: never[]) => unknown): void {
    const runtime = (globalThis as { CustomFunctions?: { associate?: Associate } }).CustomFunctions;
    if (runtime && typeof runtime.associate === 'function') runtime.associate(id, fn);
  },
};
