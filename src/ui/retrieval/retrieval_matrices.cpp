// The matrices tab of the retrieval view: code x code co-occurrence and code x
// document attribute (or source type) crosstab over the ticked codes and the
// filters; a cell shaded by its count opens its codings in the list.
#include <algorithm>
#include <cstdio>

#include "ui/retrieval/view_retrieval.h"
#include "ui/shell/strings.h"
#include "ui/shell/workspace.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

using store::Id;

// The table as large as its cells need (at most the space there is), so no
// empty grid fills the tab below or beside a small matrix.
static ImVec2 matrix_size(size_t rows, size_t cols, float first_w, float col_w) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float row_h = ImGui::GetTextLineHeight() + st.CellPadding.y * 2 + 1;
  float w = first_w + col_w * static_cast<float>(cols) + (st.CellPadding.x * 2 + 1) * static_cast<float>(cols + 1) + 2;
  float h = row_h * static_cast<float>(rows + 1) + 2;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (w > avail.x) h += st.ScrollbarSize;  // room for the scroll bar that will show
  if (h > avail.y) w += st.ScrollbarSize;
  return ImVec2(std::min(avail.x, w), std::min(avail.y, h));
}

void RetrievalView::draw_matrices() {
  if (!run_.key() || !run_.key()->matrices) update();  // the tab just opened: compute now, not a frame late
  if (ImGui::RadioButton(tr(S::ret_matrix_cooc), matrix_cooc_)) matrix_cooc_ = true;
  note("matrix:cooc");
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(S::ret_matrix_attr), !matrix_cooc_)) matrix_cooc_ = false;
  note("matrix:attr");
  if (!matrix_cooc_) {
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(S::ret_matrix_by));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    const std::string shown = matrix_by_ == analysis::kBySourceType ? tr(S::ret_source_type)
                              : matrix_by_ == analysis::kByCase     ? tr(S::ret_case)
                                                                    : matrix_by_;
    if (ImGui::BeginCombo("##matrix_by", shown.c_str())) {
      if (ImGui::Selectable(tr(S::ret_source_type), matrix_by_ == analysis::kBySourceType))
        matrix_by_ = analysis::kBySourceType;
      // By case; "by source type within a case" is the source-type matrix with the case ticked in the filters.
      if (!case_names_.empty() && ImGui::Selectable(tr(S::ret_case), matrix_by_ == analysis::kByCase))
        matrix_by_ = analysis::kByCase;
      for (const auto& [name, values] : attr_values_)
        if (ImGui::Selectable(name.c_str(), matrix_by_ == name)) matrix_by_ = name;
      ImGui::EndCombo();
    }
    note("matrix:by");
  }
  ImGui::TextDisabled("%s", tr(S::ret_matrix_rows_hint));
  if (!error_.empty()) {
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", error_.c_str());
    return;
  }
  if ((matrix_cooc_ ? cooc_.rows : attr_.rows).empty()) {
    ImGui::TextDisabled("%s", tr(S::ret_matrix_no_codes));
    return;
  }
  if (matrix_cooc_)
    draw_cooc_matrix();
  else
    draw_attr_matrix();
}

// One cell: the count on a background whose strength follows the count.
// Returns true when clicked.
bool RetrievalView::matrix_cell(size_t r, size_t c, const analysis::MatrixCell& cell, int64_t max, const char* tip) {
  if (cell.count > 0) {
    const float k = 0.12f + 0.55f * static_cast<float>(cell.count) / static_cast<float>(std::max<int64_t>(1, max));
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, with_alpha(IM_COL32(66, 120, 190, 255), k));
  }
  char label[64];
  std::snprintf(label, sizeof label, "%lld##cell_%zu_%zu", static_cast<long long>(cell.count), r, c);
  const bool clicked = ImGui::Selectable(
      cell.count > 0 ? label : (std::string("\xC2\xB7##cell_") + std::to_string(r) + "_" + std::to_string(c)).c_str(),
      false, cell.codings.empty() ? ImGuiSelectableFlags_Disabled : 0);
  note("cell:" + std::to_string(r) + ":" + std::to_string(c));
  if (ImGui::IsItemHovered() && tip[0]) ImGui::SetTooltip("%s", tip);
  return clicked && !cell.codings.empty();
}

void RetrievalView::draw_cooc_matrix() {
  const size_t n = cooc_.rows.size();
  int64_t max = 0;
  for (const auto& c : cooc_.cells) max = std::max(max, c.count);
  const float em = ImGui::GetFontSize();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("##cooc", static_cast<int>(n) + 1, flags, matrix_size(n, n, em * 14, em * 6))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em * 14);
  for (size_t j = 0; j < n; ++j)
    ImGui::TableSetupColumn((code_label(cooc_.columns[j]) + "##c" + std::to_string(j)).c_str(),
                            ImGuiTableColumnFlags_WidthFixed, em * 6);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (size_t j = 0; j <= n; ++j) {
    ImGui::TableSetColumnIndex(static_cast<int>(j));
    if (j == 0) continue;
    const std::string name = code_label(cooc_.columns[j - 1]);
    ImGui::TextUnformatted(widgets::ellipsize(name, ImGui::GetContentRegionAvail().x).c_str());
    if (ImGui::IsItemHovered())
      if (const CodeInfo* c = ws_.cache().code(cooc_.columns[j - 1])) ImGui::SetTooltip("%s", c->path.c_str());
  }
  for (size_t i = 0; i < n; ++i) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const CodeInfo* rc = ws_.cache().code(cooc_.rows[i]);
    if (rc) {
      widgets::colour_chip(rc->colour, ImGui::GetTextLineHeight() * 0.6f);
      ImGui::SameLine();
    }
    ImGui::TextUnformatted(widgets::ellipsize(code_label(cooc_.rows[i]), ImGui::GetContentRegionAvail().x).c_str());
    if (rc && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", rc->path.c_str());
    for (size_t j = 0; j < n; ++j) {
      ImGui::TableNextColumn();
      const auto& cell = cooc_.at(i, j);
      char tip[160];
      std::snprintf(
          tip, sizeof tip, tr(S::ret_matrix_cell_tip),
          count_text(static_cast<long long>(cell.count), S::ret_n_pairs_one, S::ret_n_pairs).c_str(),
          count_text(static_cast<long long>(cell.codings.size()), S::ret_n_codings_one, S::ret_n_codings).c_str(),
          count_text(static_cast<long long>(cell.documents), S::ret_n_documents_one, S::ret_n_documents).c_str());
      if (matrix_cell(i, j, cell, max, tip)) {
        cell_ = CellPick{true, cooc_.rows[i], cooc_.columns[j], "", ""};
        char label[512];
        std::snprintf(label, sizeof label, tr(S::ret_cell_source), code_label(cooc_.rows[i]).c_str(),
                      code_label(cooc_.columns[j]).c_str());
        cell_->label = label;
        matrices_tab_ = false;
        select_tab_ = true;
      }
    }
  }
  ImGui::EndTable();
}

void RetrievalView::draw_attr_matrix() {
  const size_t nr = attr_.rows.size(), nc = attr_.columns.size();
  int64_t max = 0;
  for (const auto& c : attr_.cells) max = std::max(max, c.count);
  const float em = ImGui::GetFontSize();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("##attrm", static_cast<int>(nc) + 1, flags, matrix_size(nr, nc, em * 14, em * 7))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em * 14);
  auto column_name = [&](size_t j) {
    const std::string& v = attr_.columns[j];
    if (v.empty()) return std::string(tr(attr_.by == analysis::kByCase ? S::ret_no_case : S::ret_no_value));
    return attr_.by == analysis::kBySourceType ? source_type_label(v) : v;
  };
  for (size_t j = 0; j < nc; ++j)
    ImGui::TableSetupColumn((column_name(j) + "##a" + std::to_string(j)).c_str(), ImGuiTableColumnFlags_WidthFixed,
                            em * 7);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (size_t j = 1; j <= nc; ++j) {
    ImGui::TableSetColumnIndex(static_cast<int>(j));
    const std::string name = column_name(j - 1);
    ImGui::TextUnformatted(widgets::ellipsize(name, ImGui::GetContentRegionAvail().x).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name.c_str());
  }
  for (size_t i = 0; i < nr; ++i) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const CodeInfo* rc = ws_.cache().code(attr_.rows[i]);
    if (rc) {
      widgets::colour_chip(rc->colour, ImGui::GetTextLineHeight() * 0.6f);
      ImGui::SameLine();
    }
    ImGui::TextUnformatted(widgets::ellipsize(code_label(attr_.rows[i]), ImGui::GetContentRegionAvail().x).c_str());
    if (rc && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", rc->path.c_str());
    for (size_t j = 0; j < nc; ++j) {
      ImGui::TableNextColumn();
      const auto& cell = attr_.at(i, j);
      char tip[128];
      std::snprintf(
          tip, sizeof tip, tr(S::ret_matrix_attr_tip),
          count_text(static_cast<long long>(cell.count), S::ret_n_codings_one, S::ret_n_codings).c_str(),
          count_text(static_cast<long long>(cell.documents), S::ret_n_documents_one, S::ret_n_documents).c_str());
      if (matrix_cell(i, j, cell, max, tip)) {
        cell_ = CellPick{false, attr_.rows[i], 0, attr_.columns[j], ""};
        char label[512];
        std::snprintf(label, sizeof label, tr(S::ret_cell_source), code_label(attr_.rows[i]).c_str(),
                      column_name(j).c_str());
        cell_->label = label;
        matrices_tab_ = false;
        select_tab_ = true;
      }
    }
  }
  ImGui::EndTable();
}

}  // namespace telaah::ui
