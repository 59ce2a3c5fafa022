// The triangulation view: the filter bar, the indicator x column heatmap with
// status badges and ratings, and its legend (see view_triangulation.h). The
// evidence list, the compare view and the editors are in
// triangulation_detail.cpp.
#include "ui/triangulation/view_triangulation.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "ui/shell/app.h"
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

TriangulationView::TriangulationView(Workspace& ws) : ws_(ws) {}
TriangulationView::~TriangulationView() = default;

TriangulationView& TriangulationView::of(App& app) {
  return dynamic_cast<TriangulationView&>(*app.view(View::triangulation));
}

void TriangulationView::project_changed() {
  model_.reset();
  filter_ = TriFilter{};
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
  rects_.clear();
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
  const float fs = ImGui::GetFontSize();
  const float row_h = std::round(fs * 2.8f);
  const float sp = ImGui::GetStyle().ItemSpacing.y;
  const float wanted =
      (row_h + sp) * static_cast<float>(std::max<size_t>(model_.matrix().rows.size(), 1)) + fs * 1.5f + sp * 3;
  const float avail = ImGui::GetContentRegionAvail().y;
  draw_matrix(std::min(wanted, std::max(avail * 0.5f, row_h * 3)));
  draw_legend();
  ImGui::Separator();
  refresh_selection();
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
  date_error_ = !ok;
  if (date_error_) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.2f, 1), "%s", tr(S::tri_date_invalid));
  }

  const auto& m = model_.matrix();
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
  ImGui::SameLine(0, fs * 2);
  ImGui::Text(tr(v.rated == 1 ? S::tri_verdict_fmt_one : S::tri_verdict_fmt), verdict.c_str(), v.score, v.rated);
  if (m.unassigned > 0) {
    ImGui::SameLine(0, fs);
    ImGui::TextDisabled(tr(S::tri_unassigned_fmt), static_cast<long long>(m.unassigned), m.columns.dimension.c_str());
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
  ImGuiListClipper clip;
  // A row advances by row_h and the item spacing after its Dummy: the clipper must know both,
  // or the scroll height falls short and the last rows cannot be reached.
  clip.Begin(static_cast<int>(m.rows.size()), row_h + ImGui::GetStyle().ItemSpacing.y);
  while (clip.Step()) {
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      const analysis::Row& row = m.rows[static_cast<size_t>(i)];
      ImGui::PushID(i);
      o = ImGui::GetCursorScreenPos();
      const float y0 = o.y, y1 = o.y + row_h - gap;
      // Row header: click to compare the sources.
      ImGui::SetCursorScreenPos(o);
      if (ImGui::InvisibleButton("##row", ImVec2(name_w, row_h - gap))) select(row.code_id, -1, Tab::compare);
      remember("row:" + std::to_string(i));
      const bool row_hover = ImGui::IsItemHovered();
      if (row.code_id == sel_code_ || row_hover)
        dl->AddRectFilled(ImVec2(o.x, y0), ImVec2(o.x + name_w, y1),
                          ImGui::GetColorU32(row.code_id == sel_code_ ? ImGuiCol_Header : ImGuiCol_HeaderHovered),
                          fs * 0.25f);
      if (row_hover) ImGui::SetTooltip("%s\n%s", row.path.c_str(), tr(S::tri_row_click));
      const auto slash = row.path.rfind('/');
      const std::string parent = slash == std::string::npos ? "" : row.path.substr(0, slash);
      const std::string name = slash == std::string::npos ? row.path : row.path.substr(slash + 1);
      dl->AddText(ImVec2(o.x + fs * 0.3f, y0 + fs * 0.15f), muted,
                  widgets::ellipsize(parent, name_w - fs * 0.5f).c_str());
      dl->AddText(ImVec2(o.x + fs * 0.3f, y0 + fs * 1.2f), text, widgets::ellipsize(name, name_w - fs * 0.5f).c_str());

      // Cells.
      for (int c = 0; c < ncol; ++c) {
        const analysis::Cell& cell = row.cells[static_cast<size_t>(c)];
        const ImVec2 a(o.x + x_cells + static_cast<float>(c) * (cell_w + gap), y0), b(a.x + cell_w, y1);
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(c);
        if (ImGui::InvisibleButton("##cell", ImVec2(cell_w, y1 - y0))) select(row.code_id, c, Tab::evidence);
        ImGui::PopID();
        remember("cell:" + std::to_string(i) + ":" + std::to_string(c));
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
        if (row.code_id == sel_code_ && c == sel_col_) h.flags |= kHeatSelected;
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
          const float top = y0 + (y1 - y0 - strip - fs * 2.0f) * 0.5f;
          labels.push_back({ImVec2(mid - w1 * 0.5f, top), on, l1});
          if (w2 < cell_w - gap) labels.push_back({ImVec2(mid - w2 * 0.5f, top + fs), with_alpha(on, 0.8f), l2});
        } else {
          const float w = ImGui::CalcTextSize("\xE2\x80\x94").x;
          labels.push_back({ImVec2(mid - w * 0.5f, (y0 + y1 - fs) * 0.5f), muted, "\xE2\x80\x94"});
        }
      }

      // Status badge; an override shows the computed status under it.
      const char* st = status_text(row.effective);
      std::string badge = std::string(st) + (row.status_override ? " *" : "");
      const ImVec2 bs = ImGui::CalcTextSize(badge.c_str());
      const ImVec2 ba(o.x + x_status, y0 + fs * 0.2f), bb(ba.x + bs.x + fs, ba.y + bs.y + fs * 0.3f);
      const ImU32 sc = status_colour(row.effective);
      dl->AddRectFilled(ba, bb, sc, fs * 0.6f);
      dl->AddText(ImVec2(ba.x + fs * 0.5f, ba.y + fs * 0.15f),
                  prefers_dark_text(ImGui::ColorConvertU32ToFloat4(sc)) ? IM_COL32(20, 20, 24, 255) : IM_COL32_WHITE,
                  badge.c_str());
      if (row.overridden()) {
        char buf[160];
        std::snprintf(buf, sizeof buf, tr(S::tri_overridden_fmt), status_text(row.automatic));
        dl->AddText(ImVec2(ba.x, bb.y + fs * 0.05f), muted, widgets::ellipsize(buf, status_w).c_str());
      }
      ImGui::SetCursorScreenPos(ImVec2(o.x + x_status, y0));
      ImGui::InvisibleButton("##status", ImVec2(status_w, y1 - y0));
      remember("status:" + std::to_string(i));
      if (ImGui::IsItemHovered()) status_tooltip(row);
      if (ImGui::IsItemClicked()) select(row.code_id, -1, Tab::compare);

      // Rating: the researcher's, or the suggestion (greyed).
      if (static_cast<size_t>(i) < evals.size()) {
        const auto& ev = evals[static_cast<size_t>(i)];
        const std::string rt = ev.recorded ? rating_text(ev.rating())
                                           : std::string(rating_text(ev.rating())) + " (" + tr(S::tri_suggested) + ")";
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

}  // namespace telaah::ui
