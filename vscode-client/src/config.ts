// What the client sends the server and which files it hands over. No `vscode` import: unit-tested in plain Node.

/** Glob patterns of the files the server checks (language markdown, scheme file); case variants because real
 * repositories use readme.md too. The server's own file finder matches the same names in any case. */
export const CARD_PATTERNS = [
    '**/{README,Readme,ReadMe,readme}.md',
    '**/{MODEL_CARD,model_card,Model_Card,MODELCARD,modelcard}.md',
    '**/*.modelcard.md',
];

/** Glob patterns of the YAML the server validates when open: project configurations and rule packs kept where
 * the JSON Schemas of `contributes.yamlValidation` also apply. */
export const DATA_PATTERNS = [
    '**/.modelcard.yaml',
    '**/.modelcard/packs/*.yaml',
    '**/modelcard-packs/*.yaml',
];

/** The settings the server reads, as `initializationOptions`. Unset values become the server's defaults. */
export function serverSettings(get: (key: string) => unknown): Record<string, unknown> {
    const template = get('template');
    const debounce = get('debounceMs');
    const packs = get('packs');
    const rules = get('rules');
    return {
        template: typeof template === 'string' ? template : 'auto',
        debounceMs: typeof debounce === 'number' ? debounce : null,
        packs: Array.isArray(packs) ? packs.filter((p) => typeof p === 'string') : [],
        rules: rules && typeof rules === 'object' ? rules : {},
    };
}
