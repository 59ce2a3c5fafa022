// The cases view (see view_cases.h).
#include "ui/cases/view_cases.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "analysis/evidence.h"
#include "analysis/judgement.h"
#include "exchange/judgement.h"
#include "ui/shell/app.h"
#include "ui/shell/strings.h"
#include "ui/triangulation/view_triangulation.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

namespace {
const char* const kTypes[] = {"text", "number", "date", "boolean"};
}

CasesView::CasesView(Workspace& ws) : ws_(ws) {}

CasesView& CasesView::of(App& app) {
  return dynamic_cast<CasesView&>(*app.view(View::cases));
}

CasesData CasesView::compute(const store::Project& p) {
  CasesData d;
  d.revision = p.revision();
  d.cases = store::cases(p);
  if (!d.cases.empty()) {
    const auto t = analysis::EvidenceTable::load(p);
    analysis::Query q;
    q.coders = analysis::default_coders(p, t);
    d.matrix = analysis::triangulate_by_case(t, d.cases, q, analysis::settings_from_project(p));
  }
  return d;
}

void CasesView::project_changed() {
  data_.reset();
  sel_ = rename_for_ = 0;
  new_name_.clear();
  rename_.clear();
  doc_filter_.clear();
  import_path_.clear();
  attr_name_.clear();
  attr_value_.clear();
  attr_type_ = 0;
  rects_.clear();
}

std::optional<ImRect> CasesView::item_rect(const std::string& key) const {
  auto it = rects_.find(key);
  if (it == rects_.end()) return std::nullopt;
  return it->second;
}

const store::Case* CasesView::selected() const {
  if (!data_.get()) return nullptr;
  for (const auto& c : data_.get()->cases)
    if (c.id == sel_) return &c;
  return nullptr;
}

void CasesView::draw() {
  rects_.clear();
  if (!ws_.has_project()) return;
  ws_.act([&] {
    data_.want(ws_, ws_.project()->revision(), tr(S::cas_title),
               [](const store::Project& p, TaskProgress&) { return compute(p); });
  });
  if (!data_.get()) {
    const auto [fraction, message] = data_.progress(ws_);
    draw_placeholder(tr(S::computing_table), fraction, message);
    return;
  }
  if (!selected() && !data_.get()->cases.empty()) sel_ = data_.get()->cases.front().id;
  const float fs = ImGui::GetFontSize();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float sp = ImGui::GetStyle().ItemSpacing.y;
  const float top = data_.get()->cases.empty() ? avail.y : std::max(fs * 14, avail.y * 0.58f);
  const float list_w = std::clamp(avail.x * 0.28f, std::min(fs * 12, avail.x * 0.4f), fs * 20);
  draw_list(list_w, top);
  ImGui::SameLine();
  draw_case(avail.x - list_w - ImGui::GetStyle().ItemSpacing.x, top);
  if (!data_.get()->cases.empty()) draw_matrix(avail.x, avail.y - top - sp);
}

void CasesView::draw_list(float width, float height) {
  const auto& d = *data_.get();
  const float fs = ImGui::GetFontSize();
  widgets::begin_pane("##cases_list", ImVec2(width, height), true);
  ImGui::TextUnformatted(tr(S::cas_list));
  ImGui::Separator();
  const float footer = ImGui::GetFrameHeightWithSpacing() * 4 + fs;
  ImGui::BeginChild("##cases_names", ImVec2(0, std::max(fs * 3, ImGui::GetContentRegionAvail().y - footer)));
  if (d.cases.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(S::cas_none));
    ImGui::PopTextWrapPos();
  }
  for (size_t i = 0; i < d.cases.size(); ++i) {
    const auto& c = d.cases[i];
    const std::string label = c.name + "  (" + std::to_string(c.members.size()) + ")##case" + std::to_string(c.id);
    if (ImGui::Selectable(label.c_str(), c.id == sel_)) sel_ = c.id;
    remember("case:" + std::to_string(i));
  }
  ImGui::EndChild();
  ImGui::Separator();
  // A new case.
  ImGui::SetNextItemWidth(-ImGui::CalcTextSize(tr(S::cas_add)).x - fs * 1.5f);
  const bool enter =
      widgets::input_text_hint("##new_case", tr(S::cas_new_hint), &new_name_, ImGuiInputTextFlags_EnterReturnsTrue);
  remember("new:name");
  ImGui::SameLine();
  const bool add = ImGui::Button(tr(S::cas_add));
  remember("new:add");
  if ((enter || add) && !new_name_.empty()) {
    const std::string name = new_name_;
    store::Id id = 0;
    if (ws_.write([&](store::Project& p) { id = store::add_case(p, name); }, std::string(tr(S::cas_added)) + name)) {
      new_name_.clear();
      sel_ = id;
    }
  }
  // Import from CSV.
  ImGui::TextUnformatted(tr(S::cas_import));
  ImGui::SameLine();
  widgets::help_marker(tr(S::cas_import_help));
  ImGui::SetNextItemWidth(-ImGui::CalcTextSize(tr(S::cas_import_button)).x - fs * 1.5f);
  widgets::input_text_hint("##import", tr(S::cas_import_hint), &import_path_);
  remember("import:path");
  ImGui::SameLine();
  ImGui::BeginDisabled(import_path_.empty());
  if (ImGui::Button(tr(S::cas_import_button))) {
    const std::string file = import_path_;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      ws_.set_status(std::string(tr(S::cas_cannot_read)) + file, true);
    } else {
      std::stringstream ss;
      ss << in.rdbuf();
      int n = 0;
      // As `telaah cases P import-csv FILE`: parsed, then one action; a bad row names itself and nothing is imported.
      std::vector<store::CaseRow> rows;
      if (ws_.act([&] { rows = exchange::parse_cases_file(file, ss.str()); })) {
        char buf[128];
        std::snprintf(buf, sizeof buf, tr(S::cas_imported_fmt), static_cast<int>(rows.size()));
        if (ws_.write([&](store::Project& p) { n = store::import_cases(p, rows, "Import cases from " + file); },
                      std::string(buf) + file))
          import_path_.clear();
      }
      (void)n;
    }
  }
  remember("import:go");
  ImGui::EndDisabled();
  widgets::end_pane();
}

void CasesView::draw_case(float width, float height) {
  const float fs = ImGui::GetFontSize();
  widgets::begin_pane("##case_detail", ImVec2(width, height), true);
  const store::Case* c = selected();
  if (!c) {
    widgets::end_pane();
    return;
  }
  const store::Case kase = *c;  // a write below replaces the data
  if (rename_for_ != kase.id) {
    rename_ = kase.name;
    rename_for_ = kase.id;
  }
  // Name: rename; delete.
  ImGui::SetNextItemWidth(std::min(fs * 16, width * 0.4f));
  const bool enter = widgets::input_text("##rename", &rename_, ImGuiInputTextFlags_EnterReturnsTrue);
  remember("rename:name");
  ImGui::SameLine();
  ImGui::BeginDisabled(rename_ == kase.name || rename_.empty());
  if ((ImGui::Button(tr(S::cas_rename)) || enter) && rename_ != kase.name && !rename_.empty()) {
    const std::string to = rename_;
    if (!ws_.write([&](store::Project& p) { store::rename_case(p, std::to_string(kase.id), to); },
                   std::string(tr(S::cas_renamed)) + kase.name + " \xE2\x86\x92 " + to))
      rename_for_ = 0;  // refused: back to the stored name next frame
  }
  remember("rename:ok");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(S::cas_delete))) {
    if (ws_.write([&](store::Project& p) { store::remove_case(p, std::to_string(kase.id)); },
                  std::string(tr(S::cas_deleted)) + kase.name))
      sel_ = 0;
  }
  remember("delete");
  if (!kase.description.empty()) ImGui::TextDisabled("%s", kase.description.c_str());
  ImGui::Separator();

  ImGui::BeginChild("##case_scroll", ImVec2(0, 0), false);
  // Attributes.
  ImGui::TextUnformatted(tr(S::cas_attributes));
  if (ImGui::BeginTable("##attrs", 4, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(tr(S::cas_attr_name));
    ImGui::TableSetupColumn(tr(S::cas_attr_type));
    ImGui::TableSetupColumn(tr(S::cas_attr_value));
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, fs * 8);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < kase.attributes.size(); ++i) {
      const auto& a = kase.attributes[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      if (ImGui::Selectable(a.name.c_str(), false)) {  // to edit it below
        attr_name_ = a.name;
        attr_value_ = a.value;
        for (int k = 0; k < 4; ++k)
          if (a.type == kTypes[k]) attr_type_ = k;
      }
      ImGui::TableSetColumnIndex(1);
      ImGui::TextDisabled("%s", a.type.c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(a.value.c_str());
      ImGui::TableSetColumnIndex(3);
      if (ImGui::SmallButton(tr(S::cas_attr_remove))) {
        const std::string name = a.name;
        ws_.write([&](store::Project& p) { store::remove_case_attribute(p, std::to_string(kase.id), name); },
                  std::string(tr(S::cas_attr_removed)) + name);
      }
      remember("attr:remove:" + std::to_string(i));
      ImGui::PopID();
    }
    // The row that sets one (a new name adds it, an existing name changes it).
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::SetNextItemWidth(-1);
    widgets::input_text_hint("##attr_name", tr(S::cas_attr_name), &attr_name_);
    remember("attr:name");
    ImGui::TableSetColumnIndex(1);
    ImGui::SetNextItemWidth(-1);
    ImGui::Combo("##attr_type", &attr_type_, kTypes, 4);
    ImGui::TableSetColumnIndex(2);
    ImGui::SetNextItemWidth(-1);
    const bool go = widgets::input_text_hint("##attr_value", tr(S::cas_attr_value), &attr_value_,
                                             ImGuiInputTextFlags_EnterReturnsTrue);
    remember("attr:value");
    ImGui::TableSetColumnIndex(3);
    ImGui::BeginDisabled(attr_name_.empty());
    if ((ImGui::SmallButton(tr(S::cas_attr_set)) || go) && !attr_name_.empty()) {
      const store::Attribute a{attr_name_, kTypes[attr_type_], attr_value_};
      if (ws_.write([&](store::Project& p) { store::set_case_attribute(p, std::to_string(kase.id), a); },
                    std::string(tr(S::cas_attr_saved)) + a.name + " = " + a.value)) {
        attr_name_.clear();
        attr_value_.clear();
      }
    }
    remember("attr:set");
    ImGui::EndDisabled();
    ImGui::EndTable();
  }
  ImGui::Spacing();

  // Members.
  ImGui::TextUnformatted(tr(S::cas_members));
  if (kase.members.empty()) ImGui::TextDisabled("%s", tr(S::cas_no_members));
  const auto& cache = ws_.cache();
  for (size_t i = 0; i < kase.members.size(); ++i) {
    const auto& m = kase.members[i];
    const DocInfo* di = cache.doc(m.doc);
    const std::string title = di ? di->doc.title : "#" + std::to_string(m.doc);
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton(tr(S::cas_take_out))) {
      ws_.write([&](store::Project& p) { store::unassign_from_case(p, std::to_string(kase.id), m.doc); },
                std::string(tr(S::cas_taken_out)) + title);
    }
    remember("member:out:" + std::to_string(i));
    ImGui::SameLine();
    if (m.start) {
      char buf[512];
      std::snprintf(buf, sizeof buf, tr(S::cas_part_fmt), title.c_str(), static_cast<long long>(*m.start),
                    static_cast<long long>(*m.end));
      ImGui::TextUnformatted(buf);
    } else {
      ImGui::TextUnformatted(title.c_str());
    }
    ImGui::PopID();
  }
  // The passage selected in the open document.
  if (ws_.doc() && ws_.doc_view().has_selection()) {
    const auto span = ws_.doc_view().selection();
    const store::Id doc = ws_.doc()->meta.id;
    if (ImGui::Button(tr(S::cas_add_selection)))
      ws_.write(
          [&](store::Project& p) { store::assign_to_case(p, std::to_string(kase.id), doc, span.start, span.end); },
          std::string(tr(S::cas_assigned)) + ws_.doc()->meta.title);
    remember("selection:add");
  }
  ImGui::Spacing();
  // Documents to add: a searchable list of those not in the case as a whole.
  ImGui::TextUnformatted(tr(S::cas_add_docs));
  ImGui::SetNextItemWidth(-1);
  widgets::input_text_hint("##doc_filter", tr(S::cas_filter_hint), &doc_filter_);
  remember("filter");
  const std::string needle = lower_ascii(doc_filter_);
  std::vector<const DocInfo*> docs;
  for (const auto& di : cache.docs) {
    bool whole = false;
    for (const auto& m : kase.members) whole |= m.doc == di.doc.id && !m.start;
    if (whole) continue;
    if (!needle.empty() && lower_ascii(di.doc.title).find(needle) == std::string::npos) continue;
    docs.push_back(&di);
  }
  ImGui::BeginChild("##docs", ImVec2(0, std::max(fs * 6, ImGui::GetContentRegionAvail().y)), true);
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(docs.size()));
  while (clip.Step())
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      const DocInfo& di = *docs[static_cast<size_t>(i)];
      ImGui::PushID(i);
      if (ImGui::SmallButton("+")) {
        const store::Id doc = di.doc.id;
        ws_.write([&](store::Project& p) { store::assign_to_case(p, std::to_string(kase.id), doc); },
                  std::string(tr(S::cas_assigned)) + di.doc.title);
      }
      remember("doc:add:" + std::to_string(di.doc.id));
      ImGui::SameLine();
      ImGui::TextUnformatted(di.doc.title.c_str());
      ImGui::SameLine();
      ImGui::TextDisabled("%s", source_type_label(di.doc.source_type).c_str());
      ImGui::PopID();
    }
  ImGui::EndChild();
  ImGui::EndChild();
  widgets::end_pane();
}

void CasesView::draw_matrix(float width, float height) {
  const auto& m = data_.get()->matrix;
  const float fs = ImGui::GetFontSize();
  widgets::begin_pane("##case_matrix", ImVec2(width, height), true);
  ImGui::TextUnformatted(tr(S::cas_matrix));
  ImGui::SameLine();
  widgets::help_marker(tr(S::cas_matrix_note));
  const int ncol = static_cast<int>(m.columns.labels.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInner |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (ncol > 0 && ImGui::BeginTable("##case_tri", ncol + 2, flags, ImVec2(0, 0))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr(S::cas_indicator), ImGuiTableColumnFlags_WidthFixed, fs * 14);
    for (int c = 0; c < ncol; ++c)
      ImGui::TableSetupColumn((m.columns.labels[static_cast<size_t>(c)] + "##m" + std::to_string(c)).c_str(),
                              ImGuiTableColumnFlags_WidthFixed, fs * 7);
    ImGui::TableSetupColumn(tr(S::cas_status), ImGuiTableColumnFlags_WidthFixed, fs * 8);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(m.rows.size()));
    while (clip.Step())
      for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
        const auto& row = m.rows[static_cast<size_t>(r)];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(widgets::ellipsize(row.path, fs * 14).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.path.c_str());
        for (int c = 0; c < ncol; ++c) {
          ImGui::TableSetColumnIndex(c + 1);
          const auto& cell = row.cells[static_cast<size_t>(c)];
          if (!cell.has_evidence()) {
            ImGui::TextDisabled("\xE2\x80\x94");
            continue;
          }
          ImGui::Text("%lld / %lld", static_cast<long long>(cell.codings), static_cast<long long>(cell.documents));
          if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%lld + / %lld \xE2\x88\x92 / %lld 0", static_cast<long long>(cell.supports),
                              static_cast<long long>(cell.contradicts), static_cast<long long>(cell.neutral));
        }
        ImGui::TableSetColumnIndex(ncol + 1);
        ImGui::PushStyleColor(ImGuiCol_Text, status_colour(row.effective));
        ImGui::TextUnformatted(status_text(row.effective));
        ImGui::PopStyleColor();
      }
    ImGui::EndTable();
  }
  remember("matrix");
  widgets::end_pane();
}

}  // namespace telaah::ui
