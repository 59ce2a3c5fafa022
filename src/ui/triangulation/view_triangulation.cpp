// The triangulation view: the filter bar, the indicator x column heatmap with
// status badges and ratings, and its legend (see view_triangulation.h). The
// evidence list, the compare view and the editors are in
// triangulation_detail.cpp.
#include "ui/triangulation/view_triangulation.h"

#include <algorithm>
#include <cfloat>
#include <cinttypes>
#include <cstdio>

#include "ui/shell/app.h"
#include "ui/shell/shortcuts.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

using analysis::Convergence;
using analysis::Rating;
using analysis::Status;

const char* status_text(Status s) {
  switch (s) {
    case Status::triangulated:
      return tr(S::tri_status_triangulated);
    case Status::divergent:
      return tr(S::tri_status_divergent);
    case Status::single_source:
      return tr(S::tri_status_single);
    case Status::insufficient:
      return tr(S::tri_status_insufficient);
    case Status::gap:
      return tr(S::tri_status_gap);
  }
  return "";
}

const char* convergence_text(Convergence c) {
  switch (c) {
    case Convergence::agreement:
      return tr(S::tri_conv_agreement);
    case Convergence::partial:
      return tr(S::tri_conv_partial);
    case Convergence::silence:
      return tr(S::tri_conv_silence);
    case Convergence::dissonance:
      return tr(S::tri_conv_dissonance);
    case Convergence::none:
      return tr(S::tri_conv_none);
  }
  return "";
}

const char* rating_text(Rating r) {
  switch (r) {
    case Rating::achieved:
      return tr(S::tri_rating_achieved);
    case Rating::partially_achieved:
      return tr(S::tri_rating_partial);
    case Rating::not_achieved:
      return tr(S::tri_rating_not);
    case Rating::insufficient_evidence:
      return tr(S::tri_rating_insufficient);
  }
  return "";
}

std::string value_label(const std::string& v) {
  if (v == "none") return convergence_text(Convergence::none);
  try {
    return status_text(analysis::status_from_string(v));
  } catch (const UserError&) {
  }
  try {
    return convergence_text(analysis::convergence_from_string(v));
  } catch (const UserError&) {
  }
  return v;
}

ImU32 status_colour(Status s) {
  switch (s) {
    case Status::triangulated:
      return IM_COL32(58, 150, 92, 255);
    case Status::divergent:
      return IM_COL32(200, 62, 77, 255);
    case Status::single_source:
      return IM_COL32(214, 150, 40, 255);
    case Status::insufficient:
      return IM_COL32(112, 130, 160, 255);
    case Status::gap:
      return IM_COL32(140, 140, 140, 255);
  }
  return IM_COL32(140, 140, 140, 255);
}

// Blue for support, orange for contradiction (distinguishable with the common colour-vision deficiencies).
ImU32 stance_colour(store::Stance s) {
  switch (s) {
    case store::Stance::supports:
      return IM_COL32(47, 127, 193, 255);
    case store::Stance::contradicts:
      return IM_COL32(232, 116, 59, 255);
    case store::Stance::neutral:
      return IM_COL32(154, 160, 168, 255);
  }
  return IM_COL32(154, 160, 168, 255);
}

TriangulationView::TriangulationView(Workspace& ws) : ws_(ws), method_(ws) {}
TriangulationView::~TriangulationView() = default;

TriangulationView& TriangulationView::of(App& app) {
  return dynamic_cast<TriangulationView&>(*app.view(View::triangulation));
}

void TriangulationView::project_changed() {
  model_.reset();
  filter_ = TriFilter{};
  set_.reset();
  from_edit_.clear();
  to_edit_.clear();
  date_error_ = false;
  failed_.reset();
  sel_code_ = 0;
  sel_col_ = -1;
  detail_rev_ = -1;
  evidence_.clear();
  compare_.clear();
  cited_.clear();
  override_ = {};
  rating_ = {};
  expanded_.clear();
  method_.project_changed();
  rects_.clear();
  links_rev_ = counts_rev_ = counts_links_ = -1;
  links_.clear();
  links_of_.clear();
  compare_links_.clear();
  compare_links_key_ = {-1, -1, -1, -1};
  link_counts_ = {};
  impediments_ = {};
  finding_ = {};
}

void TriangulationView::menu_items(Menu m) {
  if (m != Menu::project) return;
  if (menu_item(tr(S::meth_menu), Command::method_settings, false, ws_.has_project())) {
    ws_.show_view(View::triangulation);  // the matrix the settings decide stays visible behind the dialog
    method_.open();
  }
}

void TriangulationView::menu_shortcuts() {
  if (pressed(Command::method_settings) && ws_.has_project()) {
    ws_.show_view(View::triangulation);
    method_.open();
  }
}

std::optional<ImRect> TriangulationView::item_rect(const std::string& key) const {
  auto it = rects_.find(key);
  if (it == rects_.end()) return std::nullopt;
  return it->second;
}

std::string TriangulationView::column_label(int col) const {
  const auto& labels = model_.matrix().columns.labels;
  if (col < 0 || col >= static_cast<int>(labels.size())) return "";
  const std::string& l = labels[static_cast<size_t>(col)];
  return model_.matrix().columns.dimension == "type" ? source_type_label(l) : l;
}

void TriangulationView::select(store::Id code, int col, Tab tab) {
  if (code != sel_code_) cited_.clear();
  sel_code_ = code;
  sel_col_ = col;
  tab_ = tab;
  tab_request_ = true;
}

void TriangulationView::draw() {
  HeatmapRenderer& r = heatmap_renderer();
  if (!r.failure.empty() && !r.failure_shown) {
    r.failure_shown = true;
    ws_.set_status(std::string(tr(S::tri_shader_failed)) + r.failure, true);
  }
  rects_.clear();
  batch_.cells.clear();
  legend_.cells.clear();
  gpu_ = false;
  if (!ws_.has_project()) return;
  method_.draw();
  const auto key = std::make_pair(ws_.project()->revision(), filter_);
  if (!failed_ || *failed_ != key) {
    const bool ok = ws_.act([&] {
      if (model_.update(ws_, filter_)) detail_rev_ = -1;
    });
    if (!ok) {
      if (model_.ready()) filter_ = model_.applied();  // back to the last filter that worked
      failed_ = std::make_pair(ws_.project()->revision(), filter_);
    } else {
      failed_.reset();
    }
  }
  if (!model_.ready()) {  // a large project: the first matrix is computed on a worker
    const auto [fraction, message] = model_.progress(ws_);
    if (model_.pending()) draw_placeholder(tr(S::computing_table), fraction, message);
    return;
  }
  if (sel_code_ && model_.row_of(sel_code_) < 0) select(0, -1, tab_);

  // Colours for both the shader and the fallback.
  const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  const bool dark = !prefers_dark_text(bg);
  for (HeatmapBatch* b : {&batch_, &legend_}) {
    b->support = ImGui::ColorConvertU32ToFloat4(stance_colour(store::Stance::supports));
    b->contradict = ImGui::ColorConvertU32ToFloat4(stance_colour(store::Stance::contradicts));
    b->neutral = ImGui::ColorConvertU32ToFloat4(stance_colour(store::Stance::neutral));
    b->empty = dark ? ImVec4(0.25f, 0.26f, 0.29f, 1) : ImVec4(0.86f, 0.87f, 0.89f, 1);
    b->background = ImVec4(bg.x, bg.y, bg.z, 1);
    b->outline = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    b->rounding = std::round(ImGui::GetFontSize() * 0.25f);
  }

  draw_filter_bar();
  draw_stale_list();
  const float fs = ImGui::GetFontSize();
  const float row_h = std::round(fs * 2.8f);
  const float sp = ImGui::GetStyle().ItemSpacing.y;
  size_t lines = model_.matrix().rows.size();  // with the sub-code rows shown
  for (store::Id id : expanded_) lines += model_.subcode_rows(id).size();
  const float wanted = (row_h + sp) * static_cast<float>(std::max<size_t>(lines, 1)) + fs * 1.5f + sp * 3;
  const float avail = ImGui::GetContentRegionAvail().y;
  draw_matrix(std::min(wanted, std::max(avail * 0.5f, row_h * 3)));
  draw_legend();
  ImGui::Separator();
  refresh_selection();
  refresh_links();
  quote_boxes_.clear();
  if (ImGui::BeginTabBar("##tri_tabs")) {
    const auto flags = [&](Tab t) { return tab_request_ && tab_ == t ? ImGuiTabItemFlags_SetSelected : 0; };
    if (ImGui::BeginTabItem(tr(S::tri_tab_evidence), nullptr, flags(Tab::evidence))) {
      if (!tab_request_) tab_ = Tab::evidence;
      draw_evidence();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr(S::tri_tab_compare), nullptr, flags(Tab::compare))) {
      if (!tab_request_) tab_ = Tab::compare;
      draw_compare();
      ImGui::EndTabItem();
    }
    tab_request_ = false;
    ImGui::EndTabBar();
  }
  draw_override_editor();
  draw_rating_editor();
  draw_finding_editor();
}

void TriangulationView::draw_filter_bar() {
  const float fs = ImGui::GetFontSize();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::tri_columns));
  ImGui::SameLine();
  const auto dim_label = [](const std::string& d) -> std::string {
    if (d == "type") return tr(S::tri_by_type);
    if (d == "year") return tr(S::tri_by_year);
    if (d == "language") return tr(S::tri_by_language);
    if (d == "author") return tr(S::tri_by_author);
    return d;
  };
  ImGui::SetNextItemWidth(fs * 9);
  const bool by_open = ImGui::BeginCombo("##tri_by", dim_label(filter_.by).c_str());
  remember("filter:by");
  if (by_open) {
    for (const auto& d : model_.dimensions())
      if (ImGui::Selectable(dim_label(d).c_str(), d == filter_.by)) filter_.by = d;
    ImGui::EndCombo();
  }

  ImGui::SameLine(0, fs);
  ImGui::TextUnformatted(tr(S::tri_coders));
  ImGui::SameLine();
  const analysis::EvidenceTable& t = model_.table();
  std::string defaults;
  for (const auto& c : analysis::default_coders(*ws_.project(), t)) defaults += (defaults.empty() ? "" : ", ") + c;
  if (defaults.empty()) defaults = tr(S::tri_coders_all);
  std::string preview;
  switch (filter_.coders) {
    case TriFilter::Coders::project_default:
      preview = tr(S::tri_coders_default) + defaults;
      break;
    case TriFilter::Coders::all:
      preview = tr(S::tri_coders_all);
      break;
    case TriFilter::Coders::chosen:
      for (const auto& c : filter_.chosen) preview += (preview.empty() ? "" : ", ") + c;
      break;
  }
  ImGui::SetNextItemWidth(fs * 11);
  if (ImGui::BeginCombo("##tri_coders", preview.c_str())) {
    if (ImGui::Selectable((tr(S::tri_coders_default) + defaults).c_str(),
                          filter_.coders == TriFilter::Coders::project_default))
      filter_.coders = TriFilter::Coders::project_default;
    if (ImGui::Selectable(tr(S::tri_coders_all), filter_.coders == TriFilter::Coders::all))
      filter_.coders = TriFilter::Coders::all;
    ImGui::Separator();
    for (const auto& name : t.coder_name) {
      auto& ch = filter_.chosen;
      const bool on = filter_.coders == TriFilter::Coders::chosen && std::find(ch.begin(), ch.end(), name) != ch.end();
      if (ImGui::Selectable(name.c_str(), on, ImGuiSelectableFlags_DontClosePopups)) {
        if (filter_.coders != TriFilter::Coders::chosen) ch.clear();
        filter_.coders = TriFilter::Coders::chosen;
        if (on)
          std::erase(ch, name);
        else
          ch.push_back(name);
        if (ch.empty()) filter_.coders = TriFilter::Coders::project_default;
      }
    }
    ImGui::EndCombo();
  }

  ImGui::SameLine(0, fs);
  ImGui::TextUnformatted(tr(S::tri_dated));
  ImGui::SameLine();
  // A date applies once it is valid (or empty); a half-typed one is marked, the last valid filter stays.
  const auto date_input = [&](const char* id, std::string* edit, std::string* applied) {
    ImGui::SetNextItemWidth(fs * 7);
    widgets::input_text_hint(id, tr(S::tri_date_hint), edit);
    bool ok = edit->empty();
    if (!ok) {
      try {
        analysis::date_range(*edit);
        ok = true;
      } catch (const UserError&) {
      }
    }
    if (ok) *applied = *edit;
    return ok;
  };
  bool ok = date_input("##tri_from", &from_edit_, &filter_.from);
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(S::tri_dated_to));
  ImGui::SameLine();
  ok = date_input("##tri_to", &to_edit_, &filter_.to) && ok;
  ImGui::SameLine(0, fs);
  set_.draw(
      ws_, "##tri_set", [&](const std::string& k) { remember(k); }, fs * 10);
  filter_.set = set_.set();
  date_error_ = !ok;
  if (date_error_) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.2f, 1), "%s", tr(S::tri_date_invalid));
  }

  const auto& m = model_.matrix();
  if (ImGui::SmallButton(tr(S::tri_method_button))) method_.open();
  remember("method:button");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (Ctrl+Shift+M)", tr(S::meth_title));
  ImGui::SameLine();
  ImGui::TextDisabled(
      tr(S::tri_settings_fmt),
      count_text(static_cast<long long>(m.settings.k), S::tri_n_source_types_one, S::tri_n_source_types).c_str(),
      count_text(static_cast<long long>(m.settings.m), S::tri_n_documents_one, S::tri_n_documents).c_str(),
      m.settings.prominence);
  const auto& v = model_.evaluation().verdict;
  const analysis::Verdict eff = v.effective();
  std::string verdict = language() == Lang::id ? analysis::to_indonesian(eff) : analysis::to_string(eff);
  if (v.override) {
    char buf[160];
    std::snprintf(buf, sizeof buf, tr(S::tri_overridden_fmt),
                  language() == Lang::id ? analysis::to_indonesian(v.automatic) : analysis::to_string(v.automatic));
    verdict += std::string(" (") + buf + ")";
  }
  ImGui::SameLine(0, fs);
  draw_coder_rule();
  char vbuf[512];
  std::snprintf(vbuf, sizeof vbuf, tr(v.rated == 1 ? S::tri_verdict_fmt_one : S::tri_verdict_fmt), verdict.c_str(),
                v.score, v.rated);
  ImGui::SameLine(0, fs * 2);
  if (ImGui::CalcTextSize(vbuf).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
  ImGui::TextUnformatted(vbuf);
  if (m.unassigned > 0) {
    char ubuf[512];
    std::snprintf(ubuf, sizeof ubuf, tr(S::tri_unassigned_fmt), static_cast<long long>(m.unassigned),
                  m.columns.dimension.c_str());
    ImGui::SameLine(0, fs);
    if (ImGui::CalcTextSize(ubuf).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
    ImGui::TextDisabled("%s", ubuf);
  }
}

void TriangulationView::draw_matrix(float height) {
  const auto& m = model_.matrix();
  ImGui::BeginChild("##tri_matrix", ImVec2(0, height), false);
  if (m.rows.empty()) {
    ImGui::TextWrapped("%s", tr(S::tri_no_rows));
    ImGui::EndChild();
    return;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float fs = ImGui::GetFontSize();
  const float W = ImGui::GetContentRegionAvail().x;
  const int ncol = static_cast<int>(m.columns.labels.size());
  const float gap = std::round(fs * 0.2f), row_h = std::round(fs * 2.8f);
  float name_w = fs * 8;
  for (const auto& r : m.rows) {
    const auto slash = r.path.rfind('/');
    name_w =
        std::max(name_w, ImGui::CalcTextSize(r.path.c_str() + (slash == std::string::npos ? 0 : slash + 1)).x + fs);
  }
  const float status_w = fs * 9.5f, rating_w = fs * 15;
  name_w = std::min(name_w, W * 0.3f);
  const float cell_w = ncol ? std::clamp((W - name_w - status_w - rating_w - gap * static_cast<float>(ncol + 3)) /
                                             static_cast<float>(ncol),
                                         fs * 4.5f, fs * 16)
                            : 0.0f;
  const float x_cells = name_w + gap, x_status = x_cells + (cell_w + gap) * static_cast<float>(ncol) + gap,
              x_rating = x_status + status_w + gap;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);

  // Header.
  ImVec2 o = ImGui::GetCursorScreenPos();
  const float header_h = fs * 1.5f;
  dl->AddText(ImVec2(o.x, o.y), muted, tr(S::tri_indicator));
  for (int c = 0; c < ncol; ++c) {
    const std::string l = widgets::ellipsize(column_label(c), cell_w - gap);
    const float tw = ImGui::CalcTextSize(l.c_str()).x;
    dl->AddText(ImVec2(o.x + x_cells + static_cast<float>(c) * (cell_w + gap) + (cell_w - tw) * 0.5f, o.y), text,
                l.c_str());
  }
  dl->AddText(ImVec2(o.x + x_status, o.y), muted, tr(S::tri_status));
  dl->AddText(ImVec2(o.x + x_rating, o.y), muted, tr(S::tri_rating));
  ImGui::Dummy(ImVec2(W, header_h));

  struct Label {
    ImVec2 pos;
    ImU32 colour;
    std::string text;
  };
  std::vector<Label> labels;  // drawn over the cells, after the heatmap
  const auto& evals = model_.evaluation().indicators;
  const float max_docs = static_cast<float>(std::max<int64_t>(model_.max_documents(), 1));
  const ImU32 stale_colour = IM_COL32(214, 150, 40, 255);
  struct Badge {
    ImVec2 min, max;
    std::string tip;
    float size = 0;  // font size
  };
  std::vector<Badge> badges;  // STALE chips, drawn over the cells after the heatmap
  // A chip in small type (a cell's corner) or the UI's (under a status); `right`: `at` is its top-right corner.
  const auto stale_chip = [&](ImVec2 at, float size, bool right) {
    const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, tr(S::tri_stale));
    const float pad = std::round(size * 0.25f), w = ts.x + pad * 2;
    if (right) at.x -= w;
    return Badge{at, ImVec2(at.x + w, at.y + ts.y), "", size};
  };
  // The lines drawn: every indicator, and under an expanded one its sub-codes' rows.
  struct Line {
    int row, sub;  // sub -1: the indicator's own row
  };
  std::vector<Line> lines;
  lines.reserve(m.rows.size());
  for (int i = 0; i < static_cast<int>(m.rows.size()); ++i) {
    lines.push_back({i, -1});
    const store::Id id = m.rows[static_cast<size_t>(i)].code_id;
    if (!expanded_.count(id)) continue;
    const auto& subs = model_.subcode_rows(id);
    for (int k = 0; k < static_cast<int>(subs.size()); ++k) lines.push_back({i, k});
  }
  const float arrow_w = fs * 1.3f;
  ImGuiListClipper clip;
  // A row advances by row_h and the item spacing after its Dummy: the clipper must know both,
  // or the scroll height falls short and the last rows cannot be reached.
  clip.Begin(static_cast<int>(lines.size()), row_h + ImGui::GetStyle().ItemSpacing.y);
  while (clip.Step()) {
    for (int li = clip.DisplayStart; li < clip.DisplayEnd; ++li) {
      const int i = lines[static_cast<size_t>(li)].row, sub = lines[static_cast<size_t>(li)].sub;
      const analysis::Row& indicator = m.rows[static_cast<size_t>(i)];
      const analysis::Row& row = sub < 0 ? indicator : model_.subcode_rows(indicator.code_id)[static_cast<size_t>(sub)];
      const std::string key = sub < 0 ? std::to_string(i) : std::to_string(i) + ":" + std::to_string(sub);
      ImGui::PushID(li);
      o = ImGui::GetCursorScreenPos();
      const float y0 = o.y, y1 = o.y + row_h - gap;
      const float indent = sub < 0 ? 0.0f : fs;
      const bool expandable = sub < 0 && model_.has_subcodes(row.code_id);
      // Row header: click to compare the sources (a sub-code row: its indicator's).
      ImGui::SetCursorScreenPos(o);
      if (ImGui::InvisibleButton("##row", ImVec2(name_w - (expandable ? arrow_w : 0.0f), row_h - gap)))
        select(indicator.code_id, -1, Tab::compare);
      remember((sub < 0 ? "row:" : "subrow:") + key);
      const bool row_hover = ImGui::IsItemHovered();
      if ((sub < 0 && row.code_id == sel_code_) || row_hover)
        dl->AddRectFilled(ImVec2(o.x + indent, y0), ImVec2(o.x + name_w, y1),
                          ImGui::GetColorU32(row_hover ? ImGuiCol_HeaderHovered : ImGuiCol_Header), fs * 0.25f);
      if (row_hover) {
        if (sub < 0) {
          ImGui::SetTooltip("%s\n%s", row.path.c_str(), tr(S::tri_row_click));
        } else {
          char buf[512];
          std::snprintf(buf, sizeof buf, tr(S::tri_subcode_tip), indicator.path.c_str());
          ImGui::SetTooltip("%s\n%s", row.path.c_str(), buf);
        }
      }
      if (expandable) {  // the sub-codes' rows: shown or hidden
        ImGui::SetCursorScreenPos(ImVec2(o.x + name_w - arrow_w, y0));
        const bool open = expanded_.count(row.code_id) > 0;
        if (ImGui::InvisibleButton("##expand", ImVec2(arrow_w, row_h - gap))) {
          if (open)
            expanded_.erase(row.code_id);
          else
            expanded_.insert(row.code_id);
        }
        remember("expand:" + key);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::tri_expand_tip));
        ImGui::RenderArrow(dl, ImVec2(o.x + name_w - arrow_w + fs * 0.15f, (y0 + y1 - fs) * 0.5f),
                           ImGui::IsItemHovered() ? text : muted, open ? ImGuiDir_Down : ImGuiDir_Right, 1.0f);
      }
      const auto slash = row.path.rfind('/');
      const std::string parent = slash == std::string::npos ? "" : row.path.substr(0, slash);
      const std::string name = slash == std::string::npos ? row.path : row.path.substr(slash + 1);
      const float name_room = name_w - fs * 0.5f - indent - (expandable ? arrow_w : 0.0f);
      if (sub < 0)
        dl->AddText(ImVec2(o.x + fs * 0.3f, y0 + fs * 0.15f), muted, widgets::ellipsize(parent, name_room).c_str());
      dl->AddText(ImVec2(o.x + fs * 0.3f + indent, y0 + fs * (sub < 0 ? 1.2f : 0.7f)), sub < 0 ? text : muted,
                  widgets::ellipsize(sub < 0 ? name : "\xE2\x80\x93 " + name, name_room).c_str());

      // Cells.
      for (int c = 0; c < ncol; ++c) {
        const analysis::Cell& cell = row.cells[static_cast<size_t>(c)];
        const ImVec2 a(o.x + x_cells + static_cast<float>(c) * (cell_w + gap), y0), b(a.x + cell_w, y1);
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(c);
        if (ImGui::InvisibleButton("##cell", ImVec2(cell_w, y1 - y0))) select(indicator.code_id, c, Tab::evidence);
        ImGui::PopID();
        remember((sub < 0 ? "cell:" : "subcell:") + key + ":" + std::to_string(c));
        HeatCell h;
        h.min = a;
        h.max = b;
        if (cell.has_evidence()) {
          const auto n = static_cast<float>(cell.codings);
          h.support = static_cast<float>(cell.supports) / n;
          h.neutral = static_cast<float>(cell.neutral) / n;
          h.contradict = static_cast<float>(cell.contradicts) / n;
          h.coverage = static_cast<float>(cell.documents) / max_docs;
        } else {
          h.flags |= kHeatEmpty;
        }
        if (ImGui::IsItemHovered()) {
          h.flags |= kHeatHovered;
          cell_tooltip(row, c);
        }
        if (sub < 0 && row.code_id == sel_code_ && c == sel_col_) h.flags |= kHeatSelected;
        batch_.cells.push_back(h);
        const ImU32 on =
            prefers_dark_text(heat_body_colour(h, batch_)) ? IM_COL32(20, 20, 24, 255) : IM_COL32(250, 250, 250, 255);
        const float strip = heat_strip_height(h);
        const float mid = (a.x + b.x) * 0.5f;
        if (cell.has_evidence()) {
          char l1[48], l2[64];
          std::snprintf(l1, sizeof l1, "%lld / %lld", static_cast<long long>(cell.codings),
                        static_cast<long long>(cell.documents));
          std::snprintf(l2, sizeof l2, "+%lld  \xE2\x88\x92%lld  0:%lld", static_cast<long long>(cell.supports),
                        static_cast<long long>(cell.contradicts), static_cast<long long>(cell.neutral));
          const float w1 = ImGui::CalcTextSize(l1).x, w2 = ImGui::CalcTextSize(l2).x;
          const bool both = w2 < cell_w - gap;  // a narrow cell shows the counts alone, in the middle
          const float top = y0 + (y1 - y0 - strip - fs * (both ? 2.0f : 1.0f)) * 0.5f;
          labels.push_back({ImVec2(mid - w1 * 0.5f, top), on, l1});
          if (both) labels.push_back({ImVec2(mid - w2 * 0.5f, top + fs), with_alpha(on, 0.8f), l2});
        } else {
          const float w = ImGui::CalcTextSize("\xE2\x80\x94").x;
          labels.push_back({ImVec2(mid - w * 0.5f, (y0 + y1 - fs) * 0.5f), muted, "\xE2\x80\x94"});
        }
        // A pair override of this column whose automatic label moved since: STALE in the cell's corner.
        for (const auto& pr : row.pairs)
          if ((pr.a == c || pr.b == c) && pr.override && pr.override->stale) {
            Badge bd = stale_chip(ImVec2(b.x - gap * 0.5f, a.y + gap * 0.5f), fs * 0.7f, true);
            char tip[512];
            std::snprintf(tip, sizeof tip, tr(S::tri_stale_tip), value_label(pr.override->automatic_then).c_str(),
                          convergence_text(pr.automatic));
            bd.tip = column_label(pr.a) + " \xE2\x80\x93 " + column_label(pr.b) + ": " + tip;
            badges.push_back(std::move(bd));
            break;
          }
      }

      // Status badge; an override shows the computed status under it.
      const char* st = status_text(row.effective);
      std::string badge = std::string(st) + (row.status_override ? " *" : "");
      const ImVec2 bs = ImGui::CalcTextSize(badge.c_str());
      const ImVec2 ba(o.x + x_status, y0 + fs * 0.2f), bb(ba.x + bs.x + fs, ba.y + bs.y + fs * 0.3f);
      const ImU32 sc = sub < 0 ? status_colour(row.effective) : with_alpha(status_colour(row.effective), 0.6f);
      dl->AddRectFilled(ba, bb, sc, fs * 0.6f);
      dl->AddText(ImVec2(ba.x + fs * 0.5f, ba.y + fs * 0.15f),
                  prefers_dark_text(ImGui::ColorConvertU32ToFloat4(sc)) ? IM_COL32(20, 20, 24, 255) : IM_COL32_WHITE,
                  badge.c_str());
      float below_x = ba.x;
      if (row.status_override && row.status_override->stale) {
        Badge bd = stale_chip(ImVec2(below_x, bb.y + fs * 0.05f), fs, false);
        char tip[512];
        std::snprintf(tip, sizeof tip, tr(S::tri_stale_tip), value_label(row.status_override->automatic_then).c_str(),
                      status_text(row.automatic));
        bd.tip = tip;
        below_x = bd.max.x + fs * 0.3f;
        ImGui::SetCursorScreenPos(bd.min);
        ImGui::InvisibleButton("##stale", ImVec2(bd.max.x - bd.min.x, bd.max.y - bd.min.y));
        remember("stale:" + key);
        badges.push_back(std::move(bd));
      }
      if (row.overridden()) {
        char buf[160];
        std::snprintf(buf, sizeof buf, tr(S::tri_overridden_fmt), status_text(row.automatic));
        dl->AddText(ImVec2(below_x, bb.y + fs * 0.05f), muted,
                    widgets::ellipsize(buf, status_w - (below_x - ba.x)).c_str());
      }
      ImGui::SetCursorScreenPos(ImVec2(o.x + x_status, y0));
      ImGui::InvisibleButton("##status", ImVec2(status_w, y1 - y0));
      if (sub < 0) remember("status:" + key);
      if (ImGui::IsItemHovered()) status_tooltip(row);
      if (ImGui::IsItemClicked()) select(indicator.code_id, -1, Tab::compare);

      // Rating: the researcher's, or the suggestion (greyed).
      if (sub < 0 && static_cast<size_t>(i) < evals.size()) {
        const auto& ev = evals[static_cast<size_t>(i)];
        std::string rt = ev.recorded ? rating_text(ev.rating())
                                     : std::string(rating_text(ev.rating())) + " (" + tr(S::tri_suggested) + ")";
        if (ev.recorded && ev.stale) rt += std::string(" \xC2\xB7 ") + tr(S::tri_stale);
        dl->AddText(ImVec2(o.x + x_rating, y0 + fs * 0.2f), ev.recorded ? text : muted,
                    widgets::ellipsize(rt, rating_w).c_str());
      }
      ImGui::SetCursorScreenPos(o);
      ImGui::Dummy(ImVec2(W, row_h));
      ImGui::PopID();
    }
  }
  clip.End();
  gpu_ = emit_heatmap(dl, batch_);
  for (const auto& l : labels) dl->AddText(l.pos, l.colour, l.text.c_str());
  for (const auto& b : badges) {
    dl->AddRectFilled(b.min, b.max, stale_colour, fs * 0.2f);
    dl->AddText(ImGui::GetFont(), b.size, ImVec2(b.min.x + std::round(b.size * 0.25f), b.min.y),
                IM_COL32(20, 20, 24, 255), tr(S::tri_stale));
    if (ImGui::IsMouseHoveringRect(b.min, b.max)) ImGui::SetTooltip("%s", b.tip.c_str());
  }
  ImGui::EndChild();
  remember("matrix");
}

void TriangulationView::draw_legend() {
  const float fs = ImGui::GetFontSize();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 sw(fs * 2.2f, fs * 1.2f);
  ImVec2 p = ImGui::GetCursorScreenPos();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  struct Item {
    float s, n, c, cov;
    uint32_t flags;
    std::string label;
  };
  std::vector<Item> items = {{1, 0, 0, 1, 0, tr(S::stance_supports)},
                             {0, 1, 0, 1, 0, tr(S::stance_neutral)},
                             {0, 0, 1, 1, 0, tr(S::stance_contradicts)},
                             {0.5f, 0, 0.5f, 1, 0, "+ / \xE2\x88\x92"},
                             {0, 0, 0, 0, kHeatEmpty, tr(S::tri_legend_none)}};
  float x = p.x;
  const auto add = [&](const Item& it) {
    HeatCell h;
    h.min = ImVec2(x, p.y);
    h.max = ImVec2(x + sw.x, p.y + sw.y);
    h.support = it.s;
    h.neutral = it.n;
    h.contradict = it.c;
    h.coverage = it.cov;
    h.flags = it.flags;
    legend_.cells.push_back(h);
    x += sw.x + fs * 0.3f;
    if (!it.label.empty()) {
      dl->AddText(ImVec2(x, p.y + (sw.y - fs) * 0.5f), text, it.label.c_str());
      x += ImGui::CalcTextSize(it.label.c_str()).x + fs;
    }
  };
  for (const auto& it : items) add(it);
  // The coverage ramp.
  for (int k = 1; k <= 5; ++k)
    add({1, 0, 0, static_cast<float>(k) / 5.0f, 0, k == 5 ? tr(S::tri_legend_coverage) : ""});
  ImGui::Dummy(ImVec2(x - p.x, sw.y));
  legend_.rounding = batch_.rounding;
  emit_heatmap(dl, legend_);
  ImGui::TextDisabled(tr(S::tri_legend_colour), static_cast<long long>(model_.max_documents()));
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(S::tri_legend_cell));
}

void TriangulationView::cell_tooltip(const analysis::Row& row, int col) const {
  const analysis::Cell& cell = row.cells[static_cast<size_t>(col)];
  ImGui::BeginTooltip();
  ImGui::Text("%s \xC3\x97 %s", row.path.c_str(), column_label(col).c_str());
  ImGui::Text(tr(S::tri_cell_counts_fmt),
              count_text(static_cast<long long>(cell.codings), S::tri_n_codings_one, S::tri_n_codings).c_str(),
              count_text(static_cast<long long>(cell.documents), S::tri_n_documents_one, S::tri_n_documents).c_str());
  ImGui::Text(tr(S::tri_cell_stances_fmt), static_cast<long long>(cell.supports),
              static_cast<long long>(cell.contradicts), static_cast<long long>(cell.neutral));
  for (const auto& p : row.pairs) {
    if (p.a != col && p.b != col) continue;
    const int other = p.a == col ? p.b : p.a;
    ImGui::Text("%s \xE2\x80\x93 %s: %s%s", column_label(col).c_str(), column_label(other).c_str(),
                convergence_text(p.effective), p.override ? " *" : "");
  }
  ImGui::TextDisabled("%s", tr(S::tri_cell_click));
  ImGui::EndTooltip();
}

void TriangulationView::status_tooltip(const analysis::Row& row) const {
  ImGui::BeginTooltip();
  ImGui::Text("%s: %s", row.path.c_str(), status_text(row.effective));
  if (row.status_override) {
    ImGui::TextDisabled(tr(S::tri_overridden_fmt), status_text(row.automatic));
    ImGui::TextWrapped("%s%s", tr(S::tri_memo_label), row.status_override->memo.c_str());
  }
  for (const auto& p : row.pairs) {
    if (p.effective == Convergence::none && !p.override) continue;
    ImGui::BulletText("%s \xE2\x80\x93 %s: %s", column_label(p.a).c_str(), column_label(p.b).c_str(),
                      convergence_text(p.effective));
    if (p.override) {
      ImGui::SameLine();
      ImGui::TextDisabled(tr(S::tri_overridden_fmt), convergence_text(p.automatic));
    }
  }
  ImGui::TextDisabled("%s", tr(S::tri_row_click));
  ImGui::EndTooltip();
}

// Whose codings the matrix counts, in words: the project's rule
// (triangulation.coders), or the view's coder filter with the rule beside it.
void TriangulationView::draw_coder_rule() {
  const auto rule = [](const std::vector<std::string>& coders) -> std::string {
    char buf[256];
    if (coders.empty()) return tr(S::tri_rule_all);
    std::string names;
    for (const auto& c : coders) names += (names.empty() ? "" : ", ") + c;
    std::snprintf(buf, sizeof buf, tr(coders.size() == 1 ? S::tri_rule_one_fmt : S::tri_rule_set_fmt), names.c_str());
    return buf;
  };
  const std::string project_rule = rule(analysis::default_coders(*ws_.project(), model_.table()));
  const std::string shown = rule(model_.coders());
  char buf[600];
  std::snprintf(buf, sizeof buf, tr(S::tri_rule_fmt), shown.c_str());
  std::string text = buf;
  if (model_.applied().coders != TriFilter::Coders::project_default && shown != project_rule) {
    std::snprintf(buf, sizeof buf, tr(S::tri_rule_view_fmt), project_rule.c_str());
    text += buf;
  }
  // On this line when it fits, else on the next.
  if (ImGui::CalcTextSize(text.c_str()).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
  ImGui::TextUnformatted(text.c_str());
  remember("coder:rule");
}

}  // namespace telaah::ui
