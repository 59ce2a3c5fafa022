// The document browser: documents grouped by source type, a filter box over
// title, author, date, language and attributes; a click opens a document.
#include <algorithm>
#include <cctype>

#include "ui/coding/view_coding.h"
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

void CodingView::draw_browser() {
  ImGui::SetNextItemWidth(-1);
  widgets::input_text_hint("##docfilter", tr(S::filter_documents), &doc_filter_);
  const std::string needle = lower_ascii(doc_filter_);
  ImGui::BeginChild("##doclist");
  if (ws_.cache().docs.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(S::hint_no_documents));
    ImGui::PopTextWrapPos();
  }
  const float line = ImGui::GetTextLineHeight();
  for (const auto& st : ws_.cache().source_types) {
    std::vector<const DocInfo*> docs;
    for (const auto& d : ws_.cache().docs)
      if (d.doc.source_type == st.name && matches(d, needle)) docs.push_back(&d);
    if (docs.empty()) continue;
    widgets::colour_chip(parse_colour(st.colour), line * 0.6f);
    ImGui::SameLine();
    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    char label[160];
    std::snprintf(label, sizeof label, "%s (%d)###type%lld", source_type_label(st.name).c_str(),
                  static_cast<int>(docs.size()), static_cast<long long>(st.id));
    if (!ImGui::TreeNodeEx(label, ImGuiTreeNodeFlags_SpanAvailWidth)) continue;
    for (const DocInfo* d : docs) {
      ImGui::PushID(static_cast<int>(d->doc.id));
      const bool open = ws_.doc() && ws_.doc()->meta.id == d->doc.id;
      const float count_w = ImGui::CalcTextSize("0000").x;
      if (ImGui::Selectable("##doc", open, 0, ImVec2(0, line * 2 + 2))) ws_.open_document(d->doc.id);
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
    ImGui::TreePop();
  }
  ImGui::EndChild();
}

}  // namespace telaah::ui
