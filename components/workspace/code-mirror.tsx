"use client";

import { css } from "@codemirror/lang-css";
import { html } from "@codemirror/lang-html";
import { javascript } from "@codemirror/lang-javascript";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { basicSetup, EditorView } from "codemirror";
import { useEffect, useRef } from "react";
import type { CodeFileId } from "@/lib/client/code-draft";

/*
 * CodeMirror 6 for one of the site's files at a time. The editor owns its text (React does not
 * re-render it per key): each file keeps its own state, so switching files keeps each one's undo
 * history and cursor. Tab is left to the page (the editor is never a keyboard trap); Mod-S saves.
 * This module is the only one that imports CodeMirror, and it is loaded only when editing starts.
 */

const LANGUAGES: Record<CodeFileId, () => Extension> = { html: () => html(), css: () => css(), js: () => javascript() };

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "13px", backgroundColor: "#ffffff", color: "#18181b" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", lineHeight: "1.55" },
  ".cm-gutters": { backgroundColor: "#fafafa", color: "#a1a1aa", borderRight: "1px solid #e4e4e7" },
  "&.cm-focused": { outline: "2px solid #6366f1", outlineOffset: "-2px" },
});

export interface CodeMirrorProps {
  file: CodeFileId;
  /** "styles.css": names the editor for screen readers. */
  label: string;
  /** Each file's text when the editor opened. */
  initial: Record<CodeFileId, string>;
  wrap: boolean;
  onChange: (file: CodeFileId, text: string) => void;
  onSave: () => void;
}

export function CodeMirror({ file, label, initial, wrap, onChange, onSave }: CodeMirrorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const states = useRef(new Map<CodeFileId, EditorState>());
  const shown = useRef<CodeFileId | null>(null);
  const wrapping = useRef(new Compartment());
  // The latest callbacks, read by the editor's listeners (which are made once per file).
  const handlers = useRef({ onChange, onSave });
  useEffect(() => {
    handlers.current = { onChange, onSave };
  });

  useEffect(() => {
    const editor = new EditorView({ parent: host.current! });
    const saved = states.current;
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
      saved.clear();
      shown.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    if (shown.current) states.current.set(shown.current, editor.state);
    const create = () =>
      EditorState.create({
        doc: initial[file],
        extensions: [
          keymap.of([{ key: "Mod-s", preventDefault: true, run: () => (handlers.current.onSave(), true) }]),
          basicSetup,
          LANGUAGES[file](),
          theme,
          wrapping.current.of(wrap ? EditorView.lineWrapping : []),
          EditorView.contentAttributes.of({ "aria-label": `${label} — code editor`, "data-testid": "code-editor-input", "data-file": file }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) handlers.current.onChange(file, update.state.doc.toString());
          }),
        ],
      });
    editor.setState(states.current.get(file) ?? create());
    shown.current = file;
    // `initial` is the text at opening: later renders pass the same files, never a reset.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, label]);

  // Wrapping is reconfigured in place on every file's state, keeping their text and history.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const effects = wrapping.current.reconfigure(wrap ? EditorView.lineWrapping : []);
    for (const [id, state] of states.current) states.current.set(id, state.update({ effects }).state);
    editor.dispatch({ effects });
  }, [wrap]);

  return <div ref={host} data-testid="code-editor" data-file={file} className="h-full min-h-0 overflow-hidden" />;
}
