// The status bar item's text, tooltip and command for each case the extension meets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CardStatus, NO_TEMPLATE_TOOLTIP, NOT_CHECKED_TOOLTIP, statusView } from '../src/status';

const card = (over: Partial<CardStatus>): CardStatus => ({
    uri: 'file:///w/README.md', template: 'czi', templateName: 'CZI model card', complete: 11, total: 18,
    label: 'CZI model card · 11 of 18 sections complete', ...over,
});

describe('statusView', () => {
    it('shows the template and completeness, and offers to insert what is missing', () => {
        assert.deepEqual(statusView(true, card({})), {
            text: '$(checklist) CZI model card 11/18',
            tooltip: 'CZI model card · 11 of 18 sections complete\nClick to insert the missing sections',
            command: 'modelcard.insertMissingSections',
        });
    });

    it('shows the output when the card is complete', () => {
        assert.equal(statusView(true, card({ complete: 18 }))?.command, 'modelcard.showOutput');
    });

    it('says "Model card: none" with the reason for a checked file that matches no template', () => {
        assert.deepEqual(statusView(true, card({ template: null, templateName: null, complete: 0, total: 0, label: '' })), {
            text: '$(circle-slash) Model card: none', tooltip: NO_TEMPLATE_TOOLTIP, command: 'modelcard.showOutput',
        });
    });

    it('says "Model card: none" for Markdown the server does not check, naming the files it checks', () => {
        const view = statusView(false, undefined);
        assert.equal(view?.text, '$(circle-slash) Model card: none');
        assert.equal(view?.tooltip, NOT_CHECKED_TOOLTIP);
        assert.match(NOT_CHECKED_TOOLTIP, /README\.md, MODEL_CARD\.md, model_card\.md or \*\.modelcard\.md/);
    });

    it('shows nothing while a card waits for its first check', () => {
        assert.equal(statusView(true, undefined), undefined);
    });
});
