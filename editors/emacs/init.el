;; modelcard-ls: model card checks for README.md, MODEL_CARD.md, model_card.md, *.modelcard.md
(defvar modelcard-ls-launcher (expand-file-name "~/.local/share/modelcard-ls/modelcard-ls")
  "Path of the modelcard-ls launcher (bin/modelcard-ls).")

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(((markdown-mode :language-id "markdown") (gfm-mode :language-id "markdown"))
                 . (,modelcard-ls-launcher "--stdio"
                    :initializationOptions (:template "auto")))))

(defun modelcard-ls-card-p ()
  "Non-nil when the current buffer visits a file that modelcard-ls checks."
  (and buffer-file-name
       (let ((case-fold-search t))
         (string-match-p "\\`\\(?:readme\\|model_card\\)\\.md\\'\\|\\.modelcard\\.md\\'"
                         (file-name-nondirectory buffer-file-name)))))

;; Start Eglot for cards only; gfm-mode runs markdown-mode-hook too.
(add-hook 'markdown-mode-hook
          (lambda () (when (modelcard-ls-card-p) (eglot-ensure))))
