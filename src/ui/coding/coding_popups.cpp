// The coding view's popups: quick code with type-ahead (Q), the memo
// editor (M), and confirming the deletion of a code.
#include <algorithm>
#include <cctype>

#include "ui/coding/view_coding.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

using widgets::centre_next;
using widgets::ok_cancel;

void CodingView::draw_popups() {
  if (!ws_.has_project()) return;
  draw_quick_code();
  draw_memo_editor();
  draw_delete_code();
  draw_hinders_picker();
  if (link_picker_.draw(ws_)) links_rev_ = -1;  // Link to…: a link was made
  draw_merge_code();
  draw_code_memo();
  replace_version_.draw();
}

void CodingView::draw_delete_code() {
  if (confirm_delete_code_ && ws_.selected_code()) {
    ImGui::OpenPopup("###deletecode");
    confirm_delete_code_ = false;
  }
  centre_next(28);
  if (ImGui::BeginPopupModal((std::string(tr(S::button_delete_code)) + "###deletecode").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    const CodeInfo* ci = ws_.selected_code() ? ws_.cache().code(*ws_.selected_code()) : nullptr;
    if (ci) {
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
      ImGui::Text(tr(S::confirm_delete_code), ci->path.c_str(), static_cast<long long>(ci->total));
      ImGui::PopTextWrapPos();
    }
    const int r = ok_cancel(tr(S::button_delete));
    remember("delete:ok");
    if (r == 1 && ci) ws_.delete_code(ci->code.id);
    ImGui::EndPopup();
  }
}

void CodingView::draw_quick_code() {
  if (quick_open_) {
    ImGui::OpenPopup("###quick");
    quick_open_ = false;
    quick_filter_.clear();
    quick_index_ = 0;
  }
  centre_next(26);
  if (!ImGui::BeginPopup("###quick")) return;
  ImGui::TextDisabled("%s", tr(S::quick_code_title));
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  const bool enter =
      widgets::input_text_hint("##q", tr(S::quick_code_hint), &quick_filter_, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemEdited()) quick_index_ = 0;
  // Matches: names first (prefix before substring), then paths and aliases.
  const std::string needle = lower_ascii(quick_filter_);
  std::vector<std::pair<int, const CodeInfo*>> hits;
  for (const auto& c : ws_.cache().codes) {
    const std::string name = lower_ascii(c.code.name);
    int rank = -1;
    if (needle.empty())
      rank = 2;
    else if (name.rfind(needle, 0) == 0)
      rank = 0;
    else if (name.find(needle) != std::string::npos)
      rank = 1;
    else if (lower_ascii(c.path).find(needle) != std::string::npos)
      rank = 2;
    else
      for (const auto& a : c.code.aliases)
        if (lower_ascii(a).find(needle) != std::string::npos) rank = 2;
    if (rank >= 0) hits.push_back({rank, &c});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (hits.size() > 12) hits.resize(12);
  const int n = static_cast<int>(hits.size());
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) quick_index_ = std::min(n - 1, quick_index_ + 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) quick_index_ = std::max(0, quick_index_ - 1);
  std::optional<store::Id> chosen;
  for (int i = 0; i < n; ++i) {
    const CodeInfo* c = hits[static_cast<size_t>(i)].second;
    ImGui::PushID(i);
    widgets::colour_chip(c->colour, ImGui::GetTextLineHeight() * 0.7f);
    ImGui::SameLine();
    if (ImGui::Selectable(c->path.c_str(), i == quick_index_)) chosen = c->code.id;
    ImGui::PopID();
  }
  if (n == 0) ImGui::TextDisabled("%s", tr(S::quick_code_none));
  if (enter && n > 0) chosen = hits[static_cast<size_t>(std::clamp(quick_index_, 0, n - 1))].second->code.id;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
  if (chosen) {
    ws_.code_selection(*chosen);
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void CodingView::draw_memo_editor() {
  if (memo_open_) {
    ImGui::OpenPopup("###memo");
    memo_open_ = false;
    memo_popup_draft_ = ws_.doc() && ws_.doc()->coding(memo_coding_) ? ws_.doc()->coding(memo_coding_)->memo : "";
  }
  centre_next(30);
  memo_popup_shown_ = ImGui::BeginPopupModal((std::string(tr(S::label_memo)) + "###memo").c_str(), nullptr,
                                             ImGuiWindowFlags_AlwaysAutoResize);
  if (!memo_popup_shown_) return;
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  widgets::input_text_multiline("##memotext", &memo_popup_draft_,
                                ImVec2(ImGui::GetFontSize() * 28, ImGui::GetTextLineHeight() * 8));
  // Ctrl+Enter in the box saves too (ImGui ends the edit on it; Enter makes a new line).
  const bool ctrl_enter = ImGui::IsItemDeactivated() && ImGui::GetIO().KeyCtrl &&
                          (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)));
  if (ctrl_enter) ImGui::CloseCurrentPopup();
  const int res = ok_cancel(tr(S::button_save));
  if (res == 1 || ctrl_enter) ws_.set_memo(memo_coding_, memo_popup_draft_);
  if (res != 0 || ctrl_enter) memo_popup_shown_ = false;  // closed: saved, or cancelled on purpose
  ImGui::EndPopup();
}

}  // namespace telaah::ui
