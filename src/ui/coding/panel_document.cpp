// The centre pane of the coding view: the open document's header, the row
// of pinned codes (keys 1-9) and the document view itself.
#include <algorithm>
#include <cmath>
#include <vector>

#include "ui/coding/view_coding.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

void CodingView::draw_document() {
  if (widgets::pane_focus_arrived() && ws_.doc()) ws_.doc_view().focus();  // Tab: the caret keys move in the text
  if (!ws_.doc()) {
    const char* hint = ws_.cache().docs.empty() ? tr(S::hint_no_documents) : tr(S::hint_choose_document);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::PushTextWrapPos(avail.x);
    const ImVec2 sz = ImGui::CalcTextSize(hint, nullptr, false, avail.x * 0.8f);
    ImGui::SetCursorPos(ImVec2((avail.x - sz.x) * 0.5f, avail.y * 0.4f));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + avail.x * 0.8f);
    ImGui::TextDisabled("%s", hint);
    ImGui::PopTextWrapPos();
    ImGui::PopTextWrapPos();
    return;
  }
  // Whose codings the document shows (blind mode, "show codings of"): when the
  // choice or the session's coder changed, the codings are loaded again through the filter.
  auto apply_coder_filter = [&] {
    if (!ws_.doc() || !ws_.project()) return;
    CoderFilter want = coder_filter(ws_.state(), ws_.cache(), ws_.project()->coder());
    if (want == ws_.doc()->who) return;
    ws_.doc()->who = std::move(want);
    ws_.act([&] {
      store::CodingFilter f;
      f.doc = ws_.doc()->meta.id;
      ws_.doc()->set_codings(ws_.project()->codings(f), ws_.cache());
    });
    if (ws_.doc_view().selected_coding() && !ws_.doc()->coding(*ws_.doc_view().selected_coding()))
      ws_.doc_view().select_coding(std::nullopt);
  };

  // The "show codings of" choice: all coders, only me, or two coders compared (fixed to "only me" in blind mode).
  auto draw_coder_choice = [&](float width) {
    std::string current = tr(S::agr_show_all);
    if (ws_.state().blind || ws_.state().show == "me")
      current = tr(S::agr_show_me);
    else if (ws_.state().show == "compare")
      current = ws_.state().compare_a + " \xC3\x97 " + ws_.state().compare_b;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);  // a control, not more header text
    ImGui::SetNextItemWidth(width);
    ImGui::BeginDisabled(ws_.state().blind);
    if (ImGui::BeginCombo("##show_codings", current.c_str())) {
      ImGui::TextDisabled("%s", tr(S::agr_show_codings));
      if (ImGui::Selectable(tr(S::agr_show_all), ws_.state().show == "all")) ws_.state().show = "all";
      if (ImGui::Selectable(tr(S::agr_show_me), ws_.state().show == "me")) ws_.state().show = "me";
      ImGui::Separator();
      ImGui::TextDisabled("%s", tr(S::agr_show_compare));
      for (size_t i = 0; i < ws_.cache().coders.size(); ++i)
        for (size_t j = i + 1; j < ws_.cache().coders.size(); ++j) {
          const auto &a = ws_.cache().coders[i].name, &b = ws_.cache().coders[j].name;
          const std::string label = a + " \xC3\x97 " + b;
          const bool on = ws_.state().show == "compare" && ws_.state().compare_a == a && ws_.state().compare_b == b;
          if (ImGui::Selectable(label.c_str(), on))
            ws_.state().show = "compare", ws_.state().compare_a = a, ws_.state().compare_b = b;
        }
      ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    ImGui::PopStyleVar(2);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("%s", ws_.state().blind ? tr(S::agr_blind_on_tip) : tr(S::agr_show_codings));
  };
  apply_coder_filter();
  // Header: title (and whose codings are shown), then type, date, author and counts.
  const float pane_w = ImGui::GetContentRegionAvail().x;
  const float who_w = std::min(ImGui::GetFontSize() * 12, pane_w * 0.4f);
  const std::string title = widgets::ellipsize(ws_.doc()->meta.title, pane_w - who_w - ImGui::GetStyle().ItemSpacing.x);
  ImGui::TextUnformatted(title.c_str());
  if (title != ws_.doc()->meta.title && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ws_.doc()->meta.title.c_str());
  ImGui::SameLine(pane_w - who_w + ImGui::GetStyle().WindowPadding.x);
  draw_coder_choice(who_w);
  std::string sub = source_type_label(ws_.doc()->meta.source_type);
  for (const std::string* f : {&ws_.doc()->meta.date, &ws_.doc()->meta.author, &ws_.doc()->meta.language})
    if (!f->empty()) sub += " \xC2\xB7 " + *f;
  char counts[96];
  std::snprintf(counts, sizeof counts, tr(S::doc_counts), static_cast<int>(ws_.doc()->codings.size()),
                static_cast<long long>(ws_.doc()->length()));
  sub += " \xC2\xB7 ";
  sub += counts;
  if (ws_.doc()->hidden > 0) {
    std::snprintf(counts, sizeof counts, tr(ws_.doc()->hidden == 1 ? S::agr_show_hidden_one : S::agr_show_hidden),
                  ws_.doc()->hidden);
    sub += " \xC2\xB7 ";
    sub += counts;
  }
  ImGui::TextDisabled("%s", widgets::ellipsize(sub, pane_w).c_str());

  // Pinned codes: click or press the number to code the selection. One row:
  // names are shortened to share the pane's width (down to 7.5 em, then the row wraps).
  const float chip = ImGui::GetTextLineHeight() * 0.65f;
  const ImGuiStyle& style = ImGui::GetStyle();
  std::vector<const CodeInfo*> pins;
  for (store::Id id : ws_.state().pinned) pins.push_back(ws_.cache().code(id));
  float natural = 0;
  for (size_t i = 0; i < pins.size(); ++i)
    if (pins[i])
      natural += ImGui::CalcTextSize((std::to_string(i + 1) + " " + pins[i]->code.name).c_str()).x + chip +
                 style.FramePadding.x * 3 + style.ItemSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float share = pins.empty() ? avail
                                   : std::max(ImGui::GetFontSize() * 7.5f,
                                              (avail - style.ItemSpacing.x * static_cast<float>(pins.size() - 1)) /
                                                  static_cast<float>(pins.size()));
  for (size_t i = 0; i < pins.size(); ++i) {
    const CodeInfo* ci = pins[i];
    if (!ci) continue;
    ImGui::PushID(static_cast<int>(i));
    const std::string num = std::to_string(i + 1) + " ";
    const float room = share - chip - style.FramePadding.x * 3 - ImGui::CalcTextSize(num.c_str()).x;
    const std::string label = num + (natural <= avail ? ci->code.name : widgets::ellipsize(ci->code.name, room));
    const ImVec2 size(ImGui::CalcTextSize(label.c_str()).x + chip + style.FramePadding.x * 3, ImGui::GetFrameHeight());
    if (i > 0 && ImGui::GetItemRectMax().x + style.ItemSpacing.x + size.x <=
                     ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x)
      ImGui::SameLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::Button("##pin", size)) ws_.code_selection(ci->code.id);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s %zu)", ci->path.c_str(), tr(S::key), i + 1);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cy = p.y + size.y * 0.5f;
    dl->AddRectFilled(ImVec2(p.x + style.FramePadding.x, cy - chip * 0.5f),
                      ImVec2(p.x + style.FramePadding.x + chip, cy + chip * 0.5f), ci->colour, 2.0f);
    dl->AddText(ImVec2(p.x + style.FramePadding.x * 2 + chip, p.y + style.FramePadding.y),
                ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    ImGui::PopID();
  }
  ImGui::Separator();

  DocFonts f;
  f.regular = ws_.look().fonts.doc ? ws_.look().fonts.doc : ImGui::GetFont();
  f.bold = ws_.look().fonts.doc_bold ? ws_.look().fonts.doc_bold : f.regular;
  f.size = ws_.look().fonts.doc ? ws_.look().fonts.doc->FontSize : std::round(ws_.look().text_size * ws_.look().dpi);
  const auto before = ws_.doc_view().selected_coding();
  const ViewRequest r = ws_.doc_view().draw(*ws_.doc(), ws_.cache(), f, ws_.look().palette);
  if (ws_.doc_view().selected_coding() != before && ws_.doc_view().selected_coding()) ws_.select_code(std::nullopt);
  switch (r.kind) {
    case ViewRequest::none:
      break;
    case ViewRequest::quick_code:
      quick_open_ = true;
      break;
    case ViewRequest::in_vivo:
      ws_.code_in_vivo();
      break;
    case ViewRequest::remove_coding:
      ws_.remove_coding(r.coding);
      break;
    case ViewRequest::set_stance:
      ws_.set_stance(r.coding, r.stance);
      break;
    case ViewRequest::edit_memo:
      edit_memo(r.coding);
      break;
    case ViewRequest::link_to:
      link_from(r.coding);
      break;
    case ViewRequest::link:  // a coding dropped onto another: the relation next
      save_drafts();
      link_picker_.open_relation(r.other, r.coding);
      break;
  }
}

}  // namespace telaah::ui
