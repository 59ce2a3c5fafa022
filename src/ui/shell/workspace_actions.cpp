// Everything the window writes to the project. Each function is one user
// action: one model call (or one begin_action scope), hence one transaction,
// one change-log row and one undo step, and a status line that says what was
// saved. Errors are caught at the one boundary (Workspace::act) and shown.
// While an exclusive task runs (an import, a merge about to write) every
// write is refused, the same way for every caller.
#include <algorithm>

#include "ui/shell/strings.h"
#include "ui/shell/workspace.h"

namespace telaah::ui {

// A selection made with the mouse often takes a space or line break at its
// ends; a coded passage should not.
static text::Span trim_span(const OpenDocument& d, text::Span s) {
  auto space_at = [&](int64_t cp) {
    const size_t b = d.map.to_byte(static_cast<size_t>(cp));
    const char c = d.text[b];
    return c == ' ' || c == '\n' || c == '\t';
  };
  while (s.start < s.end && space_at(s.start)) ++s.start;
  while (s.end > s.start && space_at(s.end - 1)) --s.end;
  return s;
}

static std::string short_quote(const OpenDocument& d, int64_t start, int64_t end) {
  std::string q = d.slice(start, std::min(end, start + 40));
  for (auto& c : q)
    if (c == '\n') c = ' ';
  return "\xE2\x80\x9C" + q + (end - start > 40 ? "\xE2\x80\xA6" : "") + "\xE2\x80\x9D";
}

bool Workspace::can_write() {
  if (!project_) return false;
  if (tasks_.busy()) {
    set_status(tr(S::hint_busy), true);
    return false;
  }
  return true;
}

void Workspace::code_selection(store::Id code) {
  if (!doc_ || !doc_view_.has_selection()) {
    set_status(tr(S::hint_select_first));
    return;
  }
  const text::Span s = trim_span(*doc_, doc_view_.selection());
  if (s.end <= s.start) {
    set_status(tr(S::hint_select_first));
    return;
  }
  code_span(doc_->meta.id, s.start, s.end, code);
}

void Workspace::code_span(store::Id doc, int64_t start, int64_t end, store::Id code) {
  if (!can_write()) return;
  store::Id id = 0;
  if (!act([&] {
        store::Coding c;
        c.doc = doc;
        c.code = code;
        c.start = start;
        c.end = end;
        id = project_->add_coding(c);
      }))
    return;
  refresh();
  if (doc_ && doc_->meta.id == doc) {
    doc_view_.clear_selection();
    doc_view_.select_coding(id);
    const CodeInfo* ci = cache_.code(code);
    set_undoable_status(std::string(tr(S::status_coded)) + short_quote(*doc_, start, end) + " \xE2\x86\x92 " +
                        (ci ? ci->path : std::string("?")) + tr(S::status_undo_hint));
  } else {
    set_undoable_status(tr(S::status_saved));
  }
}

void Workspace::code_in_vivo() {
  if (!doc_ || !doc_view_.has_selection() || !can_write()) return;
  const text::Span s = trim_span(*doc_, doc_view_.selection());
  if (s.end <= s.start) return;
  // The code is named after the passage: whitespace collapsed, '/' (the path
  // separator) replaced, at most 60 characters.
  std::string name;
  for (char c : doc_->slice(s.start, std::min(s.end, s.start + 60))) {
    const char ch = (c == '\n' || c == '\t') ? ' ' : c == '/' ? '-' : c;
    if (ch == ' ' && (name.empty() || name.back() == ' ')) continue;
    name += ch;
  }
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (name.empty()) return;
  store::Id coding = 0;
  const store::Id doc = doc_->meta.id;
  if (!act([&] {
        auto a = project_->begin_action("In-vivo code " + name);
        store::Id code = 0;
        for (const auto& c : cache_.codes)
          if (!c.code.parent && c.code.name == name) code = c.code.id;
        if (!code) {
          store::Code k;
          k.name = name;
          k.colour = "#B07AA1";
          code = project_->add_code(k);
        }
        store::Coding c;
        c.doc = doc;
        c.code = code;
        c.start = s.start;
        c.end = s.end;
        coding = project_->add_coding(c);
        a.commit();
      }))
    return;
  refresh();
  doc_view_.clear_selection();
  doc_view_.select_coding(coding);
  set_undoable_status(std::string(tr(S::status_in_vivo)) + name + tr(S::status_undo_hint));
}

void Workspace::remove_coding(store::Id coding) {
  if (!can_write()) return;
  if (!act([&] { project_->remove_coding(coding); })) return;
  refresh();
  if (doc_view_.selected_coding() == coding) doc_view_.select_coding(std::nullopt);
  set_undoable_status(std::string(tr(S::status_removed)) + tr(S::status_undo_hint));
}

void Workspace::set_stance(store::Id coding, store::Stance s) {
  if (!can_write()) return;
  if (!act([&] { project_->set_stance(coding, s); })) return;
  refresh();
  set_undoable_status(std::string(tr(S::status_stance)) + stance_label(s));
}

void Workspace::set_memo(store::Id coding, const std::string& memo) {
  if (!can_write()) return;
  bool changed = false;
  if (!act([&] {
        text::require_valid_utf8(memo, "the memo");
        if (project_->coding(coding).memo == memo) return;  // nothing changed: no empty undo step
        project_->set_coding_memo(coding, memo);
        changed = true;
      }))
    return;
  refresh();
  if (changed) set_undoable_status(tr(S::status_memo));
}

void Workspace::undo() {
  if (!can_write()) return;
  std::string label;
  if (!act([&] { label = project_->undo(); })) return;
  refresh();
  set_status(std::string(tr(S::status_undone)) + label);
}

void Workspace::redo() {
  if (!can_write()) return;
  std::string label;
  if (!act([&] { label = project_->redo(); })) return;
  refresh();
  set_status(std::string(tr(S::status_redone)) + label);
}

void Workspace::move_code(store::Id code, std::optional<store::Id> parent, int ord) {
  if (!can_write()) return;
  if (!act([&] { project_->move_code(code, parent, ord); })) return;
  refresh();
  set_undoable_status(tr(S::status_moved));
}

void Workspace::start_import(const ImportRequest& req) {
  if (!project_ || req.paths.empty()) return;
  if (tasks_.busy()) {
    set_status(tr(S::hint_busy), true);
    return;
  }
  // The worker never sees the project; the continuation runs on the UI thread.
  tasks_.start(tr(S::task_import), [this, req](TaskProgress& progress) -> std::function<void()> {
    auto prepared = std::make_shared<std::vector<PreparedFile>>(prepare_import(req, progress));
    return [this, prepared, previews = req.previews] {
      if (!project_) return;
      ImportOutcome out = commit_import(*project_, std::move(*prepared), previews);
      refresh();
      import_skipped_ = out.skipped;
      char buf[160];
      std::snprintf(buf, sizeof buf, tr(S::status_imported), static_cast<int>(out.ids.size()),
                    static_cast<int>(out.skipped.size()));
      set_status(buf);
      if (!out.ids.empty()) open_document(out.ids.front());
    };
  });
  set_status(tr(S::status_importing));
}

void Workspace::add_code(const store::Code& c) {
  if (!can_write()) return;
  store::Id id = 0;
  if (!act([&] { id = project_->add_code(c); })) return;
  refresh();
  selected_code_ = id;
  doc_view_.select_coding(std::nullopt);
  set_undoable_status(std::string(tr(S::status_code_added)) + c.name);
}

void Workspace::edit_code(const store::Code& c) {
  if (!can_write()) return;
  if (!act([&] { project_->edit_code(c); })) return;
  refresh();
  set_undoable_status(std::string(tr(S::status_code_saved)) + c.name);
}

void Workspace::delete_code(store::Id code) {
  if (!can_write()) return;
  const CodeInfo* ci = cache_.code(code);
  const std::string name = ci ? ci->code.name : std::string();
  if (!act([&] { project_->delete_code(code); })) return;
  if (selected_code_ == code) selected_code_.reset();
  refresh();
  set_undoable_status(std::string(tr(S::status_code_deleted)) + name + tr(S::status_undo_hint));
}

void Workspace::set_coder(const std::string& name) {
  if (!project_) return;  // the session's coder is not written until the first action: no busy check
  if (act([&] { project_->set_coder(name); })) set_status(std::string(tr(S::status_coder)) + name);
  rev_changed_ = true;  // a new coder appears in the list once they act; the cache follows
}

bool Workspace::write(const std::function<void(store::Project&)>& f, const std::string& done) {
  if (!can_write()) return false;
  if (!act([&] { f(*project_); })) return false;
  refresh();
  if (!done.empty()) set_undoable_status(done);
  return true;
}

}  // namespace telaah::ui
