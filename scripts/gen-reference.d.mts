// Types for scripts/gen-reference.mjs, so the drift test (TypeScript) can call the generator directly.
export declare const BEGIN: string;
export declare const END: string;
export declare function loadSchemas(schemasDir: string): Record<string, unknown>;
/** The Markdown between the README's markers (markers excluded), generated from the schemas in `schemasDir`. */
export declare function generateReference(schemasDir: string): string;
/** `readme` with the generated section replaced by `body`. */
export declare function replaceSection(readme: string, body: string): string;
/** The README's current generated section, or undefined when the markers are missing. */
export declare function currentSection(readme: string): string | undefined;
