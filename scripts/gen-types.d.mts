// Types for scripts/gen-types.mjs, so the drift test (TypeScript) can call the generator directly.
/** The text of src/generated/schema-types.ts for the schemas in `schemasDir`. */
export declare function generateSchemaTypes(schemasDir: string): Promise<string>;
