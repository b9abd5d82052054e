// Types for bench/peers.mjs, so a test (TypeScript) can check the copy made for ajv-cli's YAML 1.1.
export declare function quoteDates(text: string): string;
