// The documents view's memos (issue 22): the selected document's memo and
// the project memo, edited in place in the properties pane. The memo text is
// read from the project once per revision or target (never per frame), a
// save is ONE undoable action (a new memo, or the first memo of the target
// edited: the `memos` table's kinds "document" and "project", as
// `telaah memo` writes them), and what is typed is never lost: saved when the
// box is left, when the selection moves to another document, on a view
// switch, on Ctrl+Q and when the window closes (save_drafts). While nothing
// is typed the box follows the project (undo, redo, the CLI).
#include "ui/documents/view_documents.h"
#include "ui/shell/strings.h"
#include "ui/shell/workspace.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

void DocumentsView::load_memo(MemoDraft& d, const std::string& kind, store::Id target) {
  const store::Project* p = ws_.project();
  if (!p) return;
  const bool other = !d.loaded || d.kind != kind || d.target != target;
  if (!other && (d.dirty() || d.rev == p->revision())) return;  // typed, or nothing moved
  d.kind = kind;
  d.target = target;
  d.rev = p->revision();
  d.loaded = true;
  d.id = 0;
  d.title.clear();
  d.stored.clear();
  ws_.act([&] {
    const auto memos = p->memos(kind, target);
    if (!memos.empty()) {
      d.id = memos.front().id;
      d.title = memos.front().title;
      d.stored = memos.front().body;
    }
  });
  d.text = d.stored;
}

bool DocumentsView::save_memo(MemoDraft& d) {
  if (!d.dirty()) return true;
  if (d.kind == "document" && !ws_.cache().doc(d.target)) {  // the document is gone: nothing to attach to
    d = MemoDraft{};
    return true;
  }
  const MemoDraft m = d;  // copied: the write reloads the cache and may draw
  const bool ok = ws_.write(
      [&](store::Project& p) {
        if (m.id)
          p.edit_memo(m.id, m.title, m.text);
        else
          p.add_memo(m.kind, m.target, "", m.text);
      },
      tr(S::status_memo));
  if (ok) {
    d.stored = d.text;
    d.rev = -1;  // read again (a new memo's id)
  }
  return ok;
}

void DocumentsView::draw_memo(MemoDraft& d, const std::string& kind, store::Id target, const std::string& heading,
                              const std::string& key) {
  if (d.loaded && (d.kind != kind || d.target != target)) save_memo(d);  // the target moved: keep what was typed
  load_memo(d, kind, target);
  ImGui::Spacing();
  ImGui::TextDisabled("%s", heading.c_str());
  ImGui::PushID(key.c_str());
  const float h = ImGui::GetTextLineHeight() * 5;
  widgets::input_text_multiline("##memo", &d.text, ImVec2(-1, h));
  remember(key);
  const bool left = ImGui::IsItemDeactivated();
  ImGui::BeginDisabled(!d.dirty());
  const bool clicked = ImGui::SmallButton(tr(S::button_save));
  remember(key + ":save");
  ImGui::EndDisabled();
  ImGui::PopID();
  if (clicked || left) save_memo(d);
}

}  // namespace telaah::ui
