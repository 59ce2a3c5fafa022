// The inspector of an impediment coding (one coded at evaluation.impediment_codes,
// or a sub-code of one): the indicators it is attached to explicitly, each with
// Detach, and "Hinders indicator…", a popup that filters the indicators by
// name (type, Up/Down, Enter). Attaching and detaching are one undoable
// action each (store::attach_coding / detach_coding); the triangulation view
// and the verdict read the attachments (analysis::impediments_by_indicator).
#include <algorithm>

#include "analysis/evaluation.h"
#include "store/judgement.h"
#include "ui/coding/view_coding.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

void CodingView::refresh_impediments() {
  const store::Project* p = ws_.project();
  if (!p || imp_rev_ == p->revision()) return;
  imp_rev_ = p->revision();
  imp_codes_.clear();
  attachments_.clear();
  std::vector<std::string> names;
  ws_.act([&] {
    names = analysis::eval_settings_from_project(*p).impediment_codes;
    attachments_ = store::coding_attachments(*p);
  });
  // As analysis::impediment_codes matches them: a code's name, path or alias (ASCII case folded), with its sub-codes.
  std::vector<std::string> roots;
  for (const CodeInfo& c : ws_.cache().codes) {
    bool hit = false;
    for (const auto& n : names) {
      const std::string w = lower_ascii(n);
      hit |= lower_ascii(c.code.name) == w || lower_ascii(c.path) == w;
      for (const auto& a : c.code.aliases) hit |= lower_ascii(a) == w;
    }
    if (hit) roots.push_back(c.path + "/");
    bool under = hit;
    for (const auto& r : roots) under |= (c.path + "/").rfind(r, 0) == 0;
    if (under) imp_codes_.push_back(c.code.id);
  }
  std::sort(imp_codes_.begin(), imp_codes_.end());
}

bool CodingView::is_impediment_code(store::Id code) {
  refresh_impediments();
  return std::binary_search(imp_codes_.begin(), imp_codes_.end(), code);
}

std::vector<store::Id> CodingView::attached_indicators(store::Id coding) const {
  std::vector<store::Id> out;
  for (const auto& a : attachments_)
    if (a.coding == coding) out.push_back(a.code);
  return out;
}

void CodingView::draw_hinders(const store::Coding& c) {
  hinders_button_rect_.reset();
  if (!is_impediment_code(c.code)) return;
  ImGui::Spacing();
  for (store::Id ind : attached_indicators(c.id)) {
    const CodeInfo* ci = ws_.cache().code(ind);
    const std::string path = ci ? ci->path : "#" + std::to_string(ind);
    ImGui::PushID(static_cast<int>(ind));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", tr(S::imp_attached));
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted(path.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(S::imp_detach))) {
      const store::Id coding = c.id;
      ws_.write([&](store::Project& p) { store::detach_coding(p, coding, ind); }, tr(S::imp_saved_detach) + path);
    }
    ImGui::PopID();
  }
  if (ImGui::Button(tr(S::imp_hinders))) {
    hinders_open_ = true;
    hinders_for_ = c.id;
  }
  hinders_button_rect_ = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void CodingView::draw_hinders_picker() {
  if (hinders_open_) {
    ImGui::OpenPopup("###hinders");
    hinders_open_ = false;
    hinders_filter_.clear();
    hinders_index_ = 0;
  }
  widgets::centre_next(28);
  if (!ImGui::BeginPopup("###hinders")) return;
  ImGui::TextDisabled("%s", tr(S::imp_hinders));
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  const bool enter =
      widgets::input_text_hint("##h", tr(S::imp_pick_hint), &hinders_filter_, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::IsItemEdited()) hinders_index_ = 0;
  const std::string needle = lower_ascii(hinders_filter_);
  const auto attached = attached_indicators(hinders_for_);
  std::vector<const CodeInfo*> hits;
  for (const auto& c : ws_.cache().codes)
    if (c.code.kind == store::CodeKind::indicator && lower_ascii(c.path).find(needle) != std::string::npos &&
        std::find(attached.begin(), attached.end(), c.code.id) == attached.end())
      hits.push_back(&c);
  const int n = static_cast<int>(hits.size());
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) hinders_index_ = std::min(n - 1, hinders_index_ + 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) hinders_index_ = std::max(0, hinders_index_ - 1);
  std::optional<store::Id> chosen;
  ImGui::BeginChild("##hlist", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * std::clamp(n, 1, 10)));
  for (int i = 0; i < n; ++i) {
    ImGui::PushID(i);
    widgets::colour_chip(hits[static_cast<size_t>(i)]->colour, ImGui::GetTextLineHeight() * 0.7f);
    ImGui::SameLine();
    if (ImGui::Selectable(hits[static_cast<size_t>(i)]->path.c_str(), i == hinders_index_))
      chosen = hits[static_cast<size_t>(i)]->code.id;
    if (i == hinders_index_) ImGui::SetScrollHereY();
    ImGui::PopID();
  }
  ImGui::EndChild();
  if (n == 0) ImGui::TextDisabled("%s", tr(S::quick_code_none));
  if (enter && n > 0) chosen = hits[static_cast<size_t>(std::clamp(hinders_index_, 0, n - 1))]->code.id;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
  if (chosen) {
    const store::Id coding = hinders_for_, ind = *chosen;
    const CodeInfo* ci = ws_.cache().code(ind);
    ws_.write([&](store::Project& p) { store::attach_coding(p, coding, ind); },
              tr(S::imp_saved_attach) + (ci ? ci->path : std::string()));
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace telaah::ui
