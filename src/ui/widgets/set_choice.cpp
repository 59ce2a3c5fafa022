#include "ui/widgets/set_choice.h"

#include <algorithm>

#include "ui/shell/strings.h"
#include "ui/shell/workspace.h"

namespace telaah::ui {

bool SetChoice::refresh(Workspace& ws) {
  const store::Project* p = ws.project();
  if (!p) {
    const bool had = set_ != 0;
    reset();
    return had;
  }
  if (p->revision() == rev_) return false;
  rev_ = p->revision();
  ws.act([&] { sets_ = store::doc_sets(*p); });
  if (!set_) return false;
  auto it = std::find_if(sets_.begin(), sets_.end(), [&](const store::DocSet& s) { return s.id == set_; });
  if (it == sets_.end()) {
    set_ = 0;
    name_.clear();
    return true;
  }
  name_ = it->name;
  return false;
}

void SetChoice::choose(store::Id s) {
  set_ = s;
  name_.clear();
  for (const auto& d : sets_)
    if (d.id == s) name_ = d.name;
}

void SetChoice::reset() {
  set_ = 0;
  name_.clear();
  rev_ = -1;
  sets_.clear();
}

bool SetChoice::draw(Workspace& ws, const char* id, const std::function<void(const std::string&)>& note, float width) {
  bool changed = refresh(ws);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::docs_set_label));
  ImGui::SameLine();
  std::string current = tr(S::docs_all);
  for (const auto& s : sets_)
    if (s.id == set_) current = s.name + " (" + std::to_string(s.size) + ")";
  ImGui::SetNextItemWidth(width);
  ImGui::BeginDisabled(sets_.empty() && !set_);
  const bool open = ImGui::BeginCombo(id, current.c_str());
  note("set:combo");
  if (open) {
    if (ImGui::Selectable(tr(S::docs_all), set_ == 0) && set_ != 0) {
      choose(0);
      changed = true;
    }
    note("set:all");
    for (const auto& s : sets_) {
      ImGui::PushID(static_cast<int>(s.id));
      const std::string label = s.name + " (" + std::to_string(s.size) + ")";
      if (ImGui::Selectable(label.c_str(), set_ == s.id) && set_ != s.id) {
        choose(s.id);
        changed = true;
      }
      note("set:item:" + s.name);
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  return changed;
}

}  // namespace telaah::ui
