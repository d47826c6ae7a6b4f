;;; e2e.el --- end-to-end test of the documented Eglot set-up, in batch mode  -*- lexical-binding: t -*-
;; Run by run.sh: emacs --batch -l e2e.el. Loads editors/emacs/init.el (the init.el of docs/editors/emacs.md,
;; unchanged), opens a copy of examples/czi-draft/README.md as a user would, and checks what Eglot and Flymake
;; get: the 8 diagnostics examples/README.md lists, a quick fix, hover guidance, a clean shutdown.
;; Environment (set by run.sh): E2E_REPO, E2E_CARD. Exit status 0 when every check passes, else 1.

(require 'cl-lib)
(require 'subr-x)
(package-activate-all)                  ; Debian's elpa-* packages, as a user's Emacs loads them
(load (expand-file-name "editors/emacs/init.el" (getenv "E2E_REPO")) nil t)

(defvar e2e-start (float-time))
(defvar e2e-failures 0)
(defvar e2e-count 0)
(defun e2e-check (ok what &optional detail)
  "Print a TAP line for WHAT; count a failure unless OK."
  (setq e2e-count (1+ e2e-count))
  (unless ok (setq e2e-failures (1+ e2e-failures)))
  (princ (format "%s %d - %s (%.1f s)%s\n" (if ok "ok" "not ok") e2e-count what (- (float-time) e2e-start)
                 (if (and detail (not ok)) (format ": %s" detail) "")))
  ok)

(defun e2e-wait (what pred seconds)
  "Run the event loop (and `post-command-hook', which batch mode never runs) until PRED is non-nil."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (run-hooks 'post-command-hook)
      (accept-process-output nil 0.1))
    (unless value (princ (format "# timed out after %d s waiting for %s\n" seconds what)))
    value))

(defun e2e-diagnostics ()
  "This buffer's Flymake diagnostics as (LINE TYPE TEXT), in buffer order."
  (mapcar (lambda (d) (list (line-number-at-pos (flymake-diagnostic-beg d))
                            (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
          (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))

;; The 8 problems of examples/czi-draft (examples/README.md): 1-based line, Flymake type, start of the text
;; (Eglot puts the source and the code first).
(defconst e2e-expected
  '((1 eglot-warning "modelcard [missing-section]: Missing section “Performance Metrics”")
    (24 eglot-warning "modelcard [placeholder]: Placeholder “...” left in “Parameters”")
    (34 eglot-warning "modelcard [placeholder]: Placeholder “...” left in “Citation”")
    (47 eglot-warning "modelcard [empty-section]: Section “Out-of-Scope or Unauthorized Use Cases” is empty")
    (62 eglot-warning "modelcard [missing-section]: Missing section “Training Procedure”")
    (65 eglot-warning "modelcard [placeholder]: Placeholder “TODO” left in “Training Data”")
    (132 eglot-warning "modelcard [placeholder]: Placeholder “TBD” left in “Limitations”")
    (151 eglot-note "modelcard [heading-level]: Section “Acknowledgements” is a level-2 heading")))

(let ((t0 (float-time)))
  (find-file (getenv "E2E_CARD"))
  (e2e-check (derived-mode-p 'markdown-mode) "the card opens in markdown-mode" major-mode)
  (e2e-check (modelcard-ls-card-p) "init.el's modelcard-ls-card-p takes README.md for a card")
  (e2e-check (e2e-wait "Eglot to connect" #'eglot-current-server 30) "Eglot starts modelcard-ls from init.el")
  (let ((got (e2e-wait "8 diagnostics" (lambda () (let ((ds (e2e-diagnostics))) (and (= (length ds) 8) ds))) 40)))
    (princ (format "# diagnostics after %.1f s:\n" (- (float-time) t0)))
    (dolist (d (e2e-diagnostics)) (princ (format "#   %d %s %s\n" (nth 0 d) (nth 1 d) (nth 2 d))))
    (e2e-check (= (length got) 8) "Flymake shows the 8 diagnostics of examples/czi-draft" (length (e2e-diagnostics)))
    (cl-loop for want in e2e-expected for d in got
             do (e2e-check (and (= (nth 0 want) (nth 0 d)) (eq (nth 1 want) (nth 1 d))
                                (string-prefix-p (nth 2 want) (nth 2 d)))
                           (format "line %d: %s %s" (nth 0 want) (nth 1 want) (nth 2 want))
                           (format "%S" d)))))

(defun e2e-position (line col)
  "LSP position of 1-based LINE, 0-based COL."
  (list :line (1- line) :character col))

;; Quick fix on the Training Data heading (line 62): insert the missing Training Procedure section.
(let* ((server (eglot-current-server))
       (actions (and server
                     (jsonrpc-request server :textDocument/codeAction
                                      (list :textDocument (eglot--TextDocumentIdentifier)
                                            :range (list :start (e2e-position 62 0) :end (e2e-position 62 0))
                                            :context (list :diagnostics [])))))
       (fix (cl-find-if (lambda (a) (string-prefix-p "Insert section “Training Procedure”" (plist-get a :title)))
                        actions)))
  (e2e-check fix "a code action inserts the missing Training Procedure section"
             (mapcar (lambda (a) (plist-get a :title)) actions))
  (when fix
    (eglot--apply-workspace-edit (plist-get fix :edit))
    ;; Eglot sends the change from an idle timer, and batch Emacs is never idle: send it as that timer would.
    (eglot--signal-textDocument/didChange)
    (e2e-check (save-excursion (goto-char (point-min)) (re-search-forward "^### Training Procedure$" nil t))
               "applying it puts ### Training Procedure in the buffer")
    (e2e-check (e2e-wait "the Training Procedure diagnostic to go"
                         (lambda () (not (cl-find-if (lambda (d) (string-match-p "Missing section “Training Procedure”" (nth 2 d)))
                                                     (e2e-diagnostics))))
                         20)
               "its diagnostic goes away")))

;; Hover on the "## Training Data" heading: the template's guidance.
(goto-char (point-min))
(re-search-forward "^## Training Data")
(let* ((h (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams)))
       (text (format "%s" (plist-get (plist-get h :contents) :value))))
  (e2e-check (string-prefix-p "**Training Data** · required · CZI model card template" text)
             "hover on ## Training Data shows the template's guidance" text))

(let ((server (eglot-current-server)))
  ;; Eglot's own shutdown: the request (an error or no answer in time would signal), then exit. A second
  ;; shutdown would be refused (-32600), as the protocol says of any request after shutdown.
  (e2e-check (progn (eglot-shutdown server) t) "the server answers shutdown, then exits")
  (e2e-check (not (process-live-p (jsonrpc--process server))) "the server is gone"))

(princ (format "%s: %d of %d checks passed\n" (if (zerop e2e-failures) "PASS" "FAIL")
               (- e2e-count e2e-failures) e2e-count))
(kill-emacs (if (zerop e2e-failures) 0 1))
