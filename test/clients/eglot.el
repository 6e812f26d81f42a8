;;; eglot.el --- Emacs 28 with eglot 1.9 (Debian's) against the fleet-roles server  -*- lexical-binding: t -*-
;; Run by scripts/test-clients.js in batch mode on a fresh copy of the sample
;; library; prints "ok - ..." / "not ok - ..." per check, then "N passed, N failed".
(require 'eglot)
(require 'flymake)
(require 'xref)
(require 'cl-lib)

(defvar roles-dir (expand-file-name "roles" (getenv "FLEET_ROLES_WORKSPACE")))
(defvar passed 0)
(defvar failed 0)
(defconst wait-seconds 20)

(defun out (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defmacro check (name &rest body)
  `(condition-case err
       (progn ,@body (setq passed (1+ passed)) (out "ok - %s" ,name))
     (error (setq failed (1+ failed)) (out "not ok - %s: %s" ,name (error-message-string err)))))
(defun expect (condition fmt &rest args) (unless condition (error "%s" (apply #'format fmt args))))
(defun wait-until (what predicate)
  (let ((deadline (+ (float-time) wait-seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (expect (funcall predicate) "timed out waiting for %s" what)))

;; Role files as eglot sees them: a text mode of their own, served by fleet-roles.
(define-derived-mode role-markdown-mode text-mode "Role")
(add-to-list 'auto-mode-alist '("\\.md\\'" . role-markdown-mode))
(add-to-list 'eglot-server-programs
             `(role-markdown-mode . (,(getenv "FLEET_ROLES_NODE") ,(getenv "FLEET_ROLES_CLI") "server" "--stdio")))
(setq eglot-sync-connect wait-seconds
      eglot-connect-timeout wait-seconds
      eglot-events-buffer-size 0)

(defvar logged-errors nil)
(cl-defmethod eglot-handle-notification :before (_server (_method (eql window/logMessage)) &key type message)
  (when (eql type 1) (push message logged-errors)))
(cl-defmethod eglot-handle-notification :before (_server (_method (eql window/showMessage)) &key type message)
  (when (eql type 1) (push message logged-errors)))

(defun goto-text (needle &optional shift)
  (goto-char (point-min))
  (expect (search-forward needle nil t) "%s not in %s" needle (buffer-name))
  (goto-char (+ (match-beginning 0) (or shift 0))))

(defun diagnostic-texts ()
  (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))

(defun diagnostics-match (regexp)
  (cl-some (lambda (text) (string-match-p regexp text)) (diagnostic-texts)))

(find-file (expand-file-name "operations-manager.md" roles-dir))
(defvar seed (current-buffer))
;; A reference being typed, there before the server starts: completion is asked at startup too.
(goto-char (point-max))
(insert "\nDefects go to the **qa-eng")
(apply #'eglot (eglot--guess-contact))
(defvar server (eglot-current-server))

(check "definition at startup goes to the role file"
  (goto-text "**hr-generalist**" 4)
  (let* ((items (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot)))
         (files (mapcar (lambda (item) (xref-location-group (xref-item-location item))) items)))
    (expect (equal files (list (expand-file-name "hr-generalist.md" roles-dir))) "%S" files)))

(check "hover at startup shows the role, as plain text"
  (goto-text "**hr-generalist**" 4)
  (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
         (contents (plist-get hover :contents))
         (text (eglot--hover-info contents)))
    (expect (string-match-p "HR Generalist" text) "%S" contents)
    (expect (equal (plist-get contents :kind) "plaintext") "%S" contents)
    (expect (not (string-match-p "\\*\\*\\|`" text)) "Markdown marks in %S" text)))

(check "completion at startup inserts the role whole, as eglot's completion-at-point does"
  (goto-char (point-max))
  (let* ((capf (eglot-completion-at-point))
         (beg (nth 0 capf)) (end (nth 1 capf)) (table (nth 2 capf))
         (exit (plist-get (nthcdr 3 capf) :exit-function))
         (typed (buffer-substring-no-properties beg end))
         (candidates (all-completions typed table))
         (proxy (cl-find-if (lambda (c) (equal (plist-get (get-text-property 0 'eglot--lsp-item c) :label) "qa-engineer"))
                            candidates)))
    (expect proxy "qa-engineer not offered for %S: %S" typed candidates)
    ;; What completion-in-region does with the chosen candidate, then eglot's own exit function.
    (completion--replace beg end proxy)
    (funcall exit proxy 'finished)
    (let ((line (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
      (expect (equal line "Defects go to the **qa-engineer**") "%S" line))))

;; The line typed for completion goes; the buffer is the file again.
(goto-char (point-max))
(delete-region (- (line-beginning-position) 1) (point-max))
(save-buffer)

(check "diagnostics are pushed to flymake: a misspelled role, then fixed"
  (goto-text "**hr-generalist**" 2)
  (delete-char (length "hr-generalist"))
  (insert "hr-generalst")
  (eglot--signal-textDocument/didChange)
  (wait-until "unknown-role" (lambda () (flymake-start) (diagnostics-match "Unknown role 'hr-generalst'")))
  (goto-text "**hr-generalst**" 2)
  (delete-char (length "hr-generalst"))
  (insert "hr-generalist")
  (eglot--signal-textDocument/didChange)
  (wait-until "the diagnostics to clear" (lambda () (flymake-start) (null (flymake-diagnostics))))
  (save-buffer))

(check "rename is refused with the reason and what to do, and changes nothing"
  (goto-text "**hr-generalist**" 4)
  (let ((message (condition-case err (progn (eglot-rename "people-partner") nil)
                   (error (error-message-string err)))))
    (expect (and message (string-match-p "cannot move files" message)) "%S" message)
    (expect (file-exists-p (expand-file-name "hr-generalist.md" roles-dir)) "the file moved")
    (goto-text "**hr-generalist**")))

;; Not checked here: a role file deleted on disk. eglot declares watched files, so the
;; server leaves the disk to eglot's watcher (file-notify), whose events Emacs dispatches
;; only from its command loop, never in batch mode. The server's side of it (acting on
;; the client's events, and watching by itself for a client that does not) is checked
;; over JSON-RPC and under Neovim.

(check "the server logged no error"
  (expect (null logged-errors) "%S" logged-errors)
  (expect (jsonrpc-running-p server) "the server stopped"))

(out "%d passed, %d failed" passed failed)
(ignore-errors (eglot-shutdown server))
(kill-emacs (if (> failed 0) 1 0))
