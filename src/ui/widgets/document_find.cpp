// Find in document (Ctrl+F): a bar above the text, matches highlighted,
// next / previous jump to the match and select it (so it can be coded).
// Matching ignores ASCII case; other characters match exactly.
#include <algorithm>
#include <cctype>

#include "ui/shell/strings.h"
#include "ui/widgets/document_view.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

void DocumentView::open_find() {
  find_open_ = true;
  find_focus_ = true;
}

void DocumentView::set_find_query(const std::string& q) {
  find_query_ = q;
  find_open_ = true;
  find_dirty_ = true;
  find_jump_ = true;  // show the first match once it is found
}

void DocumentView::run_find(const OpenDocument& doc) {
  find_dirty_ = false;
  find_generation_ = doc.generation;
  matches_.clear();
  current_match_ = 0;
  if (find_query_.empty()) return;
  auto eq = [](char a, char b) {
    const auto ua = static_cast<unsigned char>(a), ub = static_cast<unsigned char>(b);
    return ua < 0x80 && ub < 0x80 ? std::tolower(ua) == std::tolower(ub) : ua == ub;
  };
  constexpr size_t kMaxMatches = 100000;  // beyond this the highlights stop being useful
  auto it = doc.text.begin();
  while (matches_.size() < kMaxMatches) {
    it = std::search(it, doc.text.end(), find_query_.begin(), find_query_.end(), eq);
    if (it == doc.text.end()) break;
    const size_t b = static_cast<size_t>(it - doc.text.begin());
    const auto s = static_cast<int64_t>(doc.map.to_cp(b));
    const auto e = static_cast<int64_t>(doc.map.to_cp(b + find_query_.size()));
    matches_.push_back({s, e});
    it += static_cast<std::ptrdiff_t>(find_query_.size());
  }
  // Start from the first match at or after the reading position.
  auto first = std::lower_bound(matches_.begin(), matches_.end(), top_cp_,
                                [](const text::Span& m, int64_t v) { return m.start < v; });
  current_match_ = first == matches_.end() ? 0 : static_cast<size_t>(first - matches_.begin());
  if (find_jump_ && !matches_.empty()) find_next(true);
  find_jump_ = false;
}

void DocumentView::find_next(bool forward) {
  if (matches_.empty()) return;
  const size_t n = matches_.size();
  const text::Span sel = selection();
  // Step only when the current match is already shown selected; the first press lands on it.
  if (sel.start == matches_[current_match_].start && sel.end == matches_[current_match_].end)
    current_match_ = forward ? (current_match_ + 1) % n : (current_match_ + n - 1) % n;
  const text::Span m = matches_[current_match_];
  set_selection(m.start, m.end);
  jump_to(m.start);
}

void DocumentView::draw_find_bar(const OpenDocument& doc) {
  (void)doc;
  ImGui::PushID("find");
  const float button = ImGui::GetFrameHeight();
  ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x - 3 * button - 140.0f));
  if (find_focus_) {
    ImGui::SetKeyboardFocusHere();
    find_focus_ = false;
  }
  const bool enter =
      widgets::input_text_hint("##query", tr(S::find_hint), &find_query_, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemEdited()) find_dirty_ = true;
  if (enter) {
    if (find_dirty_) run_find(doc);
    find_next(!ImGui::GetIO().KeyShift);
    ImGui::SetKeyboardFocusHere(-1);  // keep typing / pressing Enter in the box
  }
  // ImGui ends the edit on Escape inside InputText, so the box is no longer active here.
  if ((ImGui::IsItemActive() || ImGui::IsItemDeactivated()) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    find_open_ = false;
  ImGui::SameLine();
  if (ImGui::ArrowButton("##prev", ImGuiDir_Up)) find_next(false);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::find_previous));
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Down)) find_next(true);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::find_next));
  ImGui::SameLine();
  if (find_query_.empty())
    ImGui::TextDisabled(" ");
  else if (matches_.empty())
    ImGui::TextDisabled("%s", tr(S::find_none));
  else
    ImGui::TextDisabled(tr(S::find_count), static_cast<int>(current_match_ + 1), static_cast<int>(matches_.size()));
  ImGui::SameLine(ImGui::GetContentRegionMax().x - button);
  if (ImGui::Button("x", ImVec2(button, button))) {
    find_open_ = false;
    find_query_.clear();
    matches_.clear();
  }
  ImGui::PopID();
}

}  // namespace telaah::ui
