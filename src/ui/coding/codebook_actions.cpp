// The codebook's actions beyond the tree itself: add a sub-code, rename (F2),
// move up/down, merge into another code through a searchable picker, the
// code memo, and Project › Load framework… (a JSON codebook merged by code
// path, as `telaah codes P --load F.json`). Each is one undoable action.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "store/template.h"
#include "ui/coding/strings_versions.h"
#include "ui/coding/view_coding.h"
#include "ui/shell/shortcuts.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

using widgets::centre_next;
using widgets::ok_cancel;

void CodingView::add_sub_code(store::Id parent) {
  store::Code k;
  k.parent = parent;
  if (const CodeInfo* p = ws_.cache().code(parent)) k.colour = p->code.colour;
  k.name = tr(S::new_code_name);
  for (int n = 2;; ++n) {  // a name no sibling has
    bool taken = false;
    for (const auto& c : ws_.cache().codes) taken |= c.code.parent == k.parent && c.code.name == k.name;
    if (!taken) break;
    k.name = std::string(tr(S::new_code_name)) + " " + std::to_string(n);
  }
  ws_.add_code(k);  // selects it: the editor shows it
  focus_code_name_ = true;
}

void CodingView::rename_code(store::Id id) {
  ws_.select_code(id);
  ws_.doc_view().select_coding(std::nullopt);
  focus_code_name_ = true;
  if (!show_right_) show_right_ = true;  // a narrow window: the inspector comes out
}

void CodingView::move_sibling(store::Id id, int delta) {
  const CodeInfo* c = ws_.cache().code(id);
  if (!c) return;
  int i = 0, at = -1, n = 0;
  for (const auto& k : ws_.cache().codes)
    if (k.code.parent == c->code.parent) {
      if (k.code.id == id) at = i;
      ++i, ++n;
    }
  const int to = at + delta;
  if (at < 0 || to < 0 || to >= n) return;
  ws_.move_code(id, c->code.parent, to);
}

void CodingView::open_framework_browser() {
  ws_.show_view(View::coding);  // the codebook it fills is there
  framework_browser_.open(FileBrowser::Mode::import_files, ws_.project_path().parent_path());
  framework_browser_.set_labels(tr(S::cb_load_title), tr(S::cb_load_ok));
  framework_browser_.only_extensions({".json", ".JSON"});
}

void CodingView::menu_items(Menu m) {
  if (m != Menu::project) return;
  if (menu_item(tr(S::cb_load), Command::load_framework, false, ws_.has_project() && !ws_.busy()))
    open_framework_browser();
  if (menu_item(vtr(V::menu), std::nullopt, false, replace_version_.can_open())) replace_version_.open();
}

void CodingView::menu_shortcuts() {
  if (pressed(Command::load_framework) && ws_.has_project() && !ws_.busy()) open_framework_browser();
}

void CodingView::load_framework(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    ws_.set_status(std::string(tr(S::rep_failed)) + "cannot read " + file.string(), true);
    return;
  }
  const std::string text(std::istreambuf_iterator<char>(in), {});
  size_t n = 0;
  ws_.write([&](store::Project& p) { n = p.load_codebook(store::parse_codebook_json(text, file.string())).size(); });
  if (n > 0 || !ws_.status().error) {
    char b[512];
    std::snprintf(b, sizeof b, tr(S::cb_loaded_fmt), static_cast<long long>(n), file.filename().string().c_str());
    if (!ws_.status().error) ws_.set_undoable_status(b);
  }
}

void CodingView::draw_merge_code() {
  if (auto chosen = framework_browser_.draw(); chosen && !chosen->empty()) load_framework(chosen->front());
  if (merge_open_) {
    ImGui::OpenPopup("###mergecode");
    merge_open_ = false;
    merge_filter_.clear();
  }
  centre_next(30);
  if (!ImGui::BeginPopupModal((std::string(tr(S::cb_merge_title)) + "###mergecode").c_str(), nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize))
    return;
  const CodeInfo* from = ws_.cache().code(merge_from_);
  if (!from) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const std::string from_path = from->path, from_name = from->code.name;
  const long long from_total = from->total;
  char note[768];
  std::snprintf(note, sizeof note, tr(S::cb_merge_note_fmt), from_total, from_path.c_str(), from_name.c_str());
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
  ImGui::TextUnformatted(note);
  ImGui::PopTextWrapPos();
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  widgets::input_text_hint("##mergefilter", tr(S::cb_merge_hint), &merge_filter_);
  remember("merge:filter");
  const std::string needle = lower_ascii(merge_filter_);
  ImGui::BeginChild("##targets", ImVec2(ImGui::GetFontSize() * 28, ImGui::GetTextLineHeightWithSpacing() * 10), true);
  for (const auto& c : ws_.cache().codes) {
    if (c.code.id == merge_from_ || c.path.rfind(from_path + "/", 0) == 0) continue;  // itself, its sub-codes
    if (!needle.empty() && lower_ascii(c.path).find(needle) == std::string::npos) continue;
    ImGui::PushID(static_cast<int>(c.code.id));
    widgets::colour_chip(c.colour, ImGui::GetTextLineHeight() * 0.7f);
    ImGui::SameLine();
    if (ImGui::Selectable(c.path.c_str(), merge_into_ == c.code.id)) merge_into_ = c.code.id;
    remember("merge:target:" + std::to_string(c.code.id));
    ImGui::PopID();
  }
  ImGui::EndChild();
  const int r = ok_cancel(tr(S::cb_merge), merge_into_ != 0);
  remember("merge:ok");
  if (r == 1) {
    const store::Id a = merge_from_, b = merge_into_;
    const CodeInfo* into = ws_.cache().code(b);
    char done[512];
    std::snprintf(done, sizeof done, tr(S::cb_merged_fmt), from_path.c_str(), into ? into->path.c_str() : "?");
    if (ws_.write([&](store::Project& p) { p.merge_codes(a, b); }, done)) ws_.select_code(b);
  }
  ImGui::EndPopup();
}

void CodingView::draw_code_memo() {
  if (code_memo_open_) {
    ImGui::OpenPopup("###codememo");
    code_memo_open_ = false;
    code_memo_draft_.clear();
    ws_.act([&] {
      for (const auto& m : ws_.project()->memos("code", memo_code_)) code_memo_draft_ = m.body;
    });
  }
  centre_next(30);
  if (!ImGui::BeginPopupModal((std::string(tr(S::cb_memo_title)) + "###codememo").c_str(), nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize))
    return;
  if (const CodeInfo* c = ws_.cache().code(memo_code_)) ImGui::TextDisabled("%s", c->path.c_str());
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  widgets::input_text_multiline("##codememotext", &code_memo_draft_,
                                ImVec2(ImGui::GetFontSize() * 28, ImGui::GetTextLineHeight() * 8));
  remember("memo:text");
  const int r = ok_cancel(tr(S::button_save));
  remember("memo:save");
  if (r == 1) {
    const store::Id code = memo_code_;
    const std::string body = code_memo_draft_;
    ws_.write(
        [&](store::Project& p) {
          const auto memos = p.memos("code", code);
          if (memos.empty())
            p.add_memo("code", code, "", body);
          else
            p.edit_memo(memos.front().id, memos.front().title, body);
        },
        tr(S::cb_memo_saved));
  }
  ImGui::EndPopup();
}

}  // namespace telaah::ui
