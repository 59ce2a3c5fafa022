// The disagreement review of the agreement view: the passages where the two
// coders differ, their two versions side by side, each resolvable (accept
// A, accept B, keep both, edit to an agreed version) as one undoable action
// of the library (analysis/review.h). A click on a passage opens it in the
// coding view. Rows have one fixed height, so only the visible ones are drawn.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/agreement/view_agreement.h"
#include "ui/shell/workspace.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

namespace {

constexpr int kQuoteLines = 3;

// Wrapped text inside a box, clipped to it; the cursor does not move.
void boxed_text(ImVec2 pos, float width, float height, const std::string& s, ImU32 col) {
  ImFont* font = ImGui::GetFont();
  const ImVec4 clip(pos.x, pos.y, pos.x + width, pos.y + height);
  ImGui::GetWindowDrawList()->AddText(font, ImGui::GetFontSize(), pos, col, s.data(), s.data() + s.size(), width,
                                      &clip);
}

std::string kind_label(const analysis::Disagreement& d) {
  char b[160];
  switch (d.kind) {
    case analysis::DisagreementKind::only_a:
      std::snprintf(b, sizeof b, tr(S::agr_only), d.coder_a_name.c_str());
      return b;
    case analysis::DisagreementKind::only_b:
      std::snprintf(b, sizeof b, tr(S::agr_only), d.coder_b_name.c_str());
      return b;
    case analysis::DisagreementKind::boundaries:
      return d.stance_differs ? tr(S::agr_kind_boundaries_stance) : tr(S::agr_kind_boundaries);
    case analysis::DisagreementKind::stance:
      return tr(S::agr_kind_stance);
  }
  return "";
}

// "supports [120, 188)" for each coding of a side.
std::string side_head(const std::vector<store::Coding>& side) {
  if (side.empty()) return tr(S::agr_not_coded);
  std::string out;
  for (const auto& c : side) {
    if (!out.empty()) out += ";  ";
    out += std::string(stance_label(c.stance)) + "  [" + std::to_string(c.start) + ", " + std::to_string(c.end) + ")";
  }
  return out;
}

std::string accept_label(const std::string& coder) {
  char b[160];
  std::snprintf(b, sizeof b, tr(S::agr_accept), coder.c_str());
  return b;
}

}  // namespace

std::optional<ImRect> AgreementView::button_rect(size_t item, Button b) const {
  for (const auto& [k, r] : button_rects_)
    if (k.first == item && k.second == b) return r;
  return std::nullopt;
}

void AgreementView::draw_review() {
  button_rects_.clear();
  review_rect_.reset();
  if (!report_ || !options()) return;
  ImGui::Spacing();
  ImGui::Separator();
  char head[160];
  std::snprintf(head, sizeof head, tr(review_.size() == 1 ? S::agr_review_count_one : S::agr_review_count),
                static_cast<int>(review_.size()));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::agr_review));
  ImGui::SameLine();
  ImGui::TextDisabled("%s", head);
  // The checkbox beside the count when it fits, else on a line of its own.
  const float check_w =
      ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(tr(S::agr_include_kept)).x;
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  if (ImGui::GetContentRegionAvail().x < check_w) ImGui::NewLine();
  ImGui::Checkbox(tr(S::agr_include_kept), &choice_.include_kept);
  if (review_.empty()) {
    ImGui::TextDisabled("%s", tr(S::agr_review_none));
    return;
  }
  // A resolution changes the project: until the list is recomputed its rows are stale.
  const bool stale = computing_ || computed_rev_ != ws_.cache().revision || ws_.busy();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float small = ImGui::GetFontSize() + style.ItemSpacing.y;  // one SmallButton and its spacing
  const float row_h = std::max(small * 4, ImGui::GetTextLineHeight() * (kQuoteLines + 1) + style.ItemSpacing.y);
  const std::string acc_a = accept_label(choice_.coder_a), acc_b = accept_label(choice_.coder_b);
  float actions_w = 0;
  for (const std::string& s : {acc_a, acc_b, std::string(tr(S::agr_keep_both)), std::string(tr(S::agr_edit))})
    actions_w = std::max(actions_w, ImGui::CalcTextSize(s.c_str()).x);
  actions_w += style.FramePadding.x * 2 + style.CellPadding.x * 2;

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
  // At least a few rows, even when the window is short (the results pane then scrolls).
  const float list_h = std::max(ImGui::GetContentRegionAvail().y, row_h * 2.5f + ImGui::GetFrameHeightWithSpacing());
  if (!ImGui::BeginTable("##agr_review", 4, flags, ImVec2(0, list_h))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(S::agr_col_passage), ImGuiTableColumnFlags_WidthStretch, 1.1f);
  ImGui::TableSetupColumn(choice_.coder_a.c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(choice_.coder_b.c_str(), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, actions_w);
  ImGui::TableHeadersRow();
  const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text), dim_col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float line = ImGui::GetTextLineHeight();
  std::optional<std::pair<size_t, Button>> clicked;
  // A hovered row is tinted, not filled: its dim text must stay readable.
  ImVec4 hover = ImGui::GetStyleColorVec4(ImGuiCol_HeaderHovered),
         active = ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive);
  hover.w *= 0.35f;
  active.w *= 0.45f;
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, hover);
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, active);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(review_.size()), row_h + style.CellPadding.y * 2);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const size_t idx = static_cast<size_t>(i);
      const ReviewItem& it = review_[idx];
      const auto& d = it.d;
      ImGui::TableNextRow(0, row_h);
      ImGui::PushID(i);

      // The passage: code, document, what differs. The whole row opens it.
      ImGui::TableSetColumnIndex(0);
      ImVec2 p = ImGui::GetCursorScreenPos();
      float w = ImGui::GetContentRegionAvail().x;
      if (ImGui::Selectable("##open", false,
                            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                            ImVec2(0, row_h)))
        clicked = {idx, Button::open};
      ImGui::SetItemAllowOverlap();
      const bool row_hovered = ImGui::IsItemHovered();
      button_rects_.push_back({{idx, Button::open}, ImRect(p, ImVec2(p.x + w, p.y + row_h))});
      const CodeInfo* ci = ws_.cache().code(d.code);
      const float chip = line * 0.6f;
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + (line - chip) * 0.5f),
                                                ImVec2(p.x + chip, p.y + (line + chip) * 0.5f),
                                                ci ? ci->colour : IM_COL32(136, 136, 136, 255), 2.0f);
      boxed_text(ImVec2(p.x + chip + style.ItemInnerSpacing.x, p.y), w - chip - style.ItemInnerSpacing.x, line,
                 widgets::ellipsize(d.code_path, w - chip - style.ItemInnerSpacing.x), text_col);
      boxed_text(ImVec2(p.x, p.y + line), w, line, widgets::ellipsize(d.doc_title, w), dim_col);
      std::string kind = kind_label(d);
      if (d.kept) kind += " \xC2\xB7 " + std::string(tr(S::agr_kept));
      boxed_text(ImVec2(p.x, p.y + 2 * line), w, row_h - 2 * line, kind, dim_col);

      // The two versions side by side.
      for (int side = 0; side < 2; ++side) {
        ImGui::TableSetColumnIndex(1 + side);
        p = ImGui::GetCursorScreenPos();
        w = ImGui::GetContentRegionAvail().x;
        const auto& cs = side == 0 ? d.a : d.b;
        boxed_text(p, w, line, widgets::ellipsize(side_head(cs), w), dim_col);
        const float quote_h = std::floor((row_h - line) / line) * line;  // whole lines only
        boxed_text(ImVec2(p.x, p.y + line), w, quote_h, side == 0 ? it.quote_a : it.quote_b, text_col);
      }

      // The resolutions.
      ImGui::TableSetColumnIndex(3);
      ImGui::BeginDisabled(stale);
      bool on_button = false;
      auto button = [&](const std::string& label, Button b) {
        if (ImGui::SmallButton(label.c_str())) clicked = {idx, b};
        on_button |= ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
        button_rects_.push_back({{idx, b}, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax())});
      };
      button(acc_a, Button::accept_a);
      button(acc_b, Button::accept_b);
      if (!d.kept) button(tr(S::agr_keep_both), Button::keep_both);
      button(tr(S::agr_edit), Button::edit);
      ImGui::EndDisabled();
      if (row_hovered && !on_button) ImGui::SetTooltip("%s", tr(S::agr_open_hint));
      ImGui::PopID();
    }
  }
  ImGui::PopStyleColor(2);
  review_rect_ = ImGui::GetCurrentTable()->OuterRect;
  ImGui::EndTable();
  if (guard_until_ >= 0) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 m = io.MousePos;
    const float dx = m.x - guard_pos_.x, dy = m.y - guard_pos_.y;
    const bool moved = dx * dx + dy * dy > io.MouseDoubleClickMaxDist * io.MouseDoubleClickMaxDist;
    if (moved || ImGui::GetTime() >= guard_until_)
      guard_until_ = -1;
    else
      clicked.reset();  // the second click of a double-click: it meant the row that is gone
  }
  if (clicked) resolve(clicked->first, clicked->second);
}

void AgreementView::open_passage(const analysis::Disagreement& d) {
  ws_.show_passage(d.doc, d.start, d.end, std::nullopt, 0.0f);
}

void AgreementView::resolve(size_t item, Button b) {
  if (item >= review_.size()) return;
  const analysis::Disagreement d = review_[item].d;  // a copy: the list is replaced when the project changes
  if (b != Button::open && b != Button::edit) {
    guard_until_ = ImGui::GetTime() + ImGui::GetIO().MouseDoubleClickTime;
    guard_pos_ = ImGui::GetIO().MousePos;
  }
  char msg[256];
  switch (b) {
    case Button::open:
      open_passage(d);
      return;
    case Button::accept_a:
    case Button::accept_b: {
      const bool a = b == Button::accept_a;
      if (ws_.write([&](store::Project& p) { analysis::accept_side(p, d, a); })) {
        std::snprintf(msg, sizeof msg, tr(S::agr_status_accepted), (a ? d.coder_a_name : d.coder_b_name).c_str());
        ws_.set_undoable_status(std::string(msg) + tr(S::status_undo_hint));
      }
      return;
    }
    case Button::keep_both:
      if (ws_.write([&](store::Project& p) { analysis::keep_both(p, d); }))
        ws_.set_undoable_status(std::string(tr(S::agr_status_kept)) + tr(S::status_undo_hint));
      return;
    case Button::edit: {
      edit_ = EditDraft{};
      edit_.open = true;
      edit_.item = item;
      edit_.key = d.key;
      edit_.start = static_cast<int>(d.start);
      edit_.end = static_cast<int>(d.end);
      const auto& first = d.a.empty() ? d.b : d.a;
      edit_.stance = first.empty() ? static_cast<int>(store::Stance::neutral) : static_cast<int>(first.front().stance);
      edit_.code = first.empty() ? d.code : first.front().code;
      return;  // draw_edit_popup opens it
    }
  }
}

void AgreementView::draw_edit_popup() {
  if (!edit_.open) return;
  if (!ImGui::IsPopupOpen("###agr_edit")) ImGui::OpenPopup("###agr_edit");
  const std::string title = std::string(tr(S::agr_edit_title)) + "###agr_edit";
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, 0), ImGuiCond_Appearing);
  bool keep = true;
  if (!ImGui::BeginPopupModal(title.c_str(), &keep)) {
    if (!keep) edit_.open = false;
    return;
  }
  if (edit_.item >= review_.size() || review_[edit_.item].d.key != edit_.key) {  // resolved meanwhile
    edit_.open = false;
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const analysis::Disagreement& d = review_[edit_.item].d;
  ImGui::TextUnformatted(d.code_path.c_str());
  ImGui::TextDisabled("%s", d.doc_title.c_str());
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(tr(S::agr_edit_explain));
  ImGui::PopTextWrapPos();
  // The codes of the passage's codings (sub-codes may differ when they roll up).
  std::vector<store::Id> codes;
  for (const auto* side : {&d.a, &d.b})
    for (const auto& c : *side)
      if (std::find(codes.begin(), codes.end(), c.code) == codes.end()) codes.push_back(c.code);
  if (codes.size() > 1) {
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##agr_edit_code", code_label(edit_.code).c_str())) {
      for (store::Id c : codes)
        if (ImGui::Selectable(code_label(c).c_str(), c == edit_.code)) edit_.code = c;
      ImGui::EndCombo();
    }
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputInt(tr(S::agr_start), &edit_.start);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputInt(tr(S::agr_end), &edit_.end);
  for (store::Stance s : {store::Stance::supports, store::Stance::contradicts, store::Stance::neutral}) {
    ImGui::RadioButton(stance_label(s), &edit_.stance, static_cast<int>(s));
    ImGui::SameLine();
  }
  ImGui::NewLine();
  const DocInfo* info = ws_.cache().doc(d.doc);
  const int64_t len = info ? info->doc.length_cp : 0;
  const bool valid = edit_.start >= 0 && edit_.end > edit_.start && edit_.end <= len;
  if (!valid) {
    ImGui::TextColored(ImVec4(0.85f, 0.3f, 0.2f, 1), "%s", tr(S::agr_bad_span));
  } else if (edit_.preview_start != edit_.start ||
             edit_.preview_end != edit_.end) {  // read once per change, not per frame
    edit_.preview_start = edit_.start;
    edit_.preview_end = edit_.end;
    edit_.preview.clear();
    ws_.act([&] { edit_.preview = analysis::passage_text(*ws_.project(), d.doc, edit_.start, edit_.end); });
  }
  if (valid) {
    ImGui::BeginChild("##agr_edit_preview", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 6), true);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(edit_.preview.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
  }
  if (!edit_.error.empty()) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", edit_.error.c_str());
  ImGui::Separator();
  ImGui::BeginDisabled(!valid || ws_.busy());
  if (ImGui::Button(tr(S::agr_apply), ImVec2(ImGui::GetFontSize() * 7, 0))) {
    analysis::AgreedVersion v;
    v.start = edit_.start;
    v.end = edit_.end;
    v.stance = static_cast<store::Stance>(edit_.stance);
    if (codes.size() > 1) v.code = edit_.code;
    const analysis::Disagreement copy = d;
    if (ws_.write([&](store::Project& p) { analysis::set_agreed(p, copy, v); })) {
      ws_.set_undoable_status(std::string(tr(S::agr_status_agreed)) + tr(S::status_undo_hint));
      keep = false;
    } else {
      edit_.error = ws_.status().text;
    }
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(S::cancel), ImVec2(ImGui::GetFontSize() * 7, 0))) keep = false;
  if (!keep) {
    edit_.open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace telaah::ui
