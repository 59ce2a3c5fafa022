// The virtualised document list (see doc_list.h).
#include "ui/coding/doc_list.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

static bool matches(const DocInfo& d, const std::string& needle) {
  if (needle.empty()) return true;
  auto has = [&](const std::string& s) { return lower_ascii(s).find(needle) != std::string::npos; };
  if (has(d.doc.title) || has(d.doc.author) || has(d.doc.date) || has(d.doc.language) || has(d.doc.original_name))
    return true;
  return std::any_of(d.attributes.begin(), d.attributes.end(),
                     [&](const store::Attribute& a) { return has(a.value) || has(a.name); });
}

void DocList::update(const ProjectCache& cache, const std::string& filter) {
  const std::string needle = lower_ascii(filter);
  if (built_ && version_ == cache.docs_version && needle == filter_) return;
  built_ = true;
  version_ = cache.docs_version;
  filter_ = needle;
  ++rebuilds_;
  groups_.clear();
  for (const auto& st : cache.source_types) groups_.push_back({st.id, {}});
  for (size_t i = 0; i < cache.docs.size(); ++i) {
    const DocInfo& d = cache.docs[i];
    auto g =
        std::find_if(groups_.begin(), groups_.end(), [&](const Group& x) { return x.type == d.doc.source_type_id; });
    if (g != groups_.end() && matches(d, needle)) g->rows.push_back(static_cast<uint32_t>(i));
  }
}

size_t DocList::shown(store::Id type) const {
  for (const auto& g : groups_)
    if (g.type == type) return g.rows.size();
  return 0;
}

std::optional<store::Id> DocList::draw(const ProjectCache& cache, store::Id open) {
  std::optional<store::Id> clicked;
  rows_drawn_ = 0;
  const float line = ImGui::GetTextLineHeight();
  const float count_w = ImGui::CalcTextSize("0000").x;
  for (const auto& st : cache.source_types) {
    auto g = std::find_if(groups_.begin(), groups_.end(), [&](const Group& x) { return x.type == st.id; });
    if (g == groups_.end() || g->rows.empty()) continue;
    widgets::colour_chip(parse_colour(st.colour), line * 0.6f);
    ImGui::SameLine();
    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    char label[160];
    std::snprintf(label, sizeof label, "%s (%d)###type%lld", source_type_label(st.name).c_str(),
                  static_cast<int>(g->rows.size()), static_cast<long long>(st.id));
    if (!ImGui::TreeNodeEx(label, ImGuiTreeNodeFlags_SpanAvailWidth)) continue;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(g->rows.size()));
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const size_t at = g->rows[static_cast<size_t>(r)];
        if (at >= cache.docs.size()) continue;  // update() was not called after a change
        const DocInfo* d = &cache.docs[at];
        ++rows_drawn_;
        ImGui::PushID(static_cast<int>(d->doc.id));
        if (ImGui::Selectable("##doc", open == d->doc.id, 0, ImVec2(0, line * 2 + 2))) clicked = d->doc.id;
        if (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false))
          clicked = d->doc.id;  // the keyboard: arrows to the row, Enter (or Space) opens it
        if (ImGui::IsItemHovered() && (!d->attributes.empty() || !d->doc.original_name.empty())) {
          ImGui::BeginTooltip();
          ImGui::TextUnformatted(d->doc.title.c_str());
          ImGui::TextDisabled("%s", d->doc.original_name.c_str());
          for (const auto& a : d->attributes) ImGui::Text("%s: %s", a.name.c_str(), a.value.c_str());
          ImGui::EndTooltip();
        }
        // Title on the first line, date and author (or attributes) dimmed below.
        const ImVec2 p = ImGui::GetItemRectMin();
        const float w = ImGui::GetItemRectSize().x - count_w;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const std::string title = widgets::ellipsize(d->doc.title, w);
        dl->AddText(ImVec2(p.x, p.y + 1), ImGui::GetColorU32(ImGuiCol_Text), title.c_str());
        std::string sub = d->doc.date;
        const std::string who = !d->doc.author.empty()  ? d->doc.author
                                : d->attributes.empty() ? ""
                                                        : d->attributes[0].value;
        if (!who.empty()) sub += (sub.empty() ? "" : " \xC2\xB7 ") + who;
        if (!d->doc.language.empty()) sub += (sub.empty() ? "" : " \xC2\xB7 ") + d->doc.language;
        sub = widgets::ellipsize(sub, w);
        dl->AddText(ImVec2(p.x, p.y + line + 1), ImGui::GetColorU32(ImGuiCol_TextDisabled), sub.c_str());
        if (d->codings > 0) {
          const std::string n = std::to_string(d->codings);
          dl->AddText(ImVec2(ImGui::GetItemRectMax().x - ImGui::CalcTextSize(n.c_str()).x - 2, p.y + 1),
                      ImGui::GetColorU32(ImGuiCol_TextDisabled), n.c_str());
        }
        ImGui::PopID();
      }
    }
    ImGui::TreePop();
  }
  return clicked;
}

}  // namespace telaah::ui
