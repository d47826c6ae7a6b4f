// What the status bar item says for the active editor. No `vscode` import: unit-tested in plain Node.

/** Params of the server's `modelcard/status` notification, sent after a card's first check and whenever its figures change. */
export interface CardStatus {
    uri: string;
    /** Absent (or null) when the document is not a model card. */
    template?: string | null;
    templateName: string | null;
    complete: number;
    total: number;
    label: string;
}

export interface StatusView {
    text: string;
    tooltip: string;
    command: string;
}

export const NOT_CHECKED_TOOLTIP =
    'Not a model card: modelcard-ls checks Markdown files named README.md, MODEL_CARD.md, model_card.md or *.modelcard.md.';
export const NO_TEMPLATE_TOOLTIP =
    'Not a model card: modelcard-ls checked this file, and neither its headings nor the files beside it match a ' +
    'template, so it reports nothing here. Set modelcard.template to check it against a template anyway.\n' +
    'Click to show the server output';

/**
 * The item for a Markdown editor: the card's template and completeness; "Model card: none" (with the reason) for a
 * file the server does not check or found no template for, so the user can tell the extension is alive; nothing
 * while a card's first check is pending.
 */
export function statusView(cardFile: boolean, status: CardStatus | undefined): StatusView | undefined {
    if (!cardFile) {
        return { text: '$(circle-slash) Model card: none', tooltip: NOT_CHECKED_TOOLTIP, command: 'modelcard.showOutput' };
    }
    if (!status) {
        return undefined;
    }
    if (!status.template) {
        return { text: '$(circle-slash) Model card: none', tooltip: NO_TEMPLATE_TOOLTIP, command: 'modelcard.showOutput' };
    }
    const missing = status.complete < status.total;
    return {
        text: `$(checklist) ${status.templateName ?? status.template} ${status.complete}/${status.total}`,
        tooltip: `${status.label}\n${missing ? 'Click to insert the missing sections' : 'Click to show the server output'}`,
        command: missing ? 'modelcard.insertMissingSections' : 'modelcard.showOutput',
    };
}
