// The documents view (see view_documents.h): the table, the top bar with the
// filter and the document sets, and the keys; the properties pane and the
// popups are in documents_properties.cpp.
#include "ui/documents/view_documents.h"

#include <algorithm>
#include <cstdio>

#include "ingest/importer.h"
#include "ui/shell/app.h"
#include "ui/shell/shortcuts.h"
#include "ui/shell/strings.h"
#include "ui/shell/workspace.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

namespace {

constexpr int kFixedColumns = 7;  // title, type, date, author, language, size, codings
constexpr size_t kMaxAttributeColumns = 24;

bool iso_form(const std::string& s) {
  auto digits = [&](size_t a, size_t n) {
    for (size_t i = a; i < a + n; ++i)
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  return (s.size() == 4 && digits(0, 4)) || (s.size() == 7 && digits(0, 4) && s[4] == '-' && digits(5, 2)) ||
         (s.size() == 10 && digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2));
}

std::string trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

const store::Attribute* find_attr(const DocInfo& d, const std::string& name) {
  for (const auto& a : d.attributes)
    if (a.name == name) return &a;
  return nullptr;
}

std::string size_text(int64_t bytes) {
  char b[32];
  if (bytes < 1024)
    std::snprintf(b, sizeof b, "%lld B", static_cast<long long>(bytes));
  else if (bytes < 1024 * 1024)
    std::snprintf(b, sizeof b, "%.0f KB", static_cast<double>(bytes) / 1024.0);
  else
    std::snprintf(b, sizeof b, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return b;
}

}  // namespace

std::optional<std::string> parse_date_input(const std::string& typed) {
  const std::string s = trim(typed);
  if (s.empty()) return std::string();
  if (iso_form(s)) return s;  // the store checks the calendar
  std::string d = ingest::normalise_date(s);
  if (d.empty()) return std::nullopt;
  return d;
}

DocumentsView& DocumentsView::of(App& app) {
  return dynamic_cast<DocumentsView&>(*app.view(kKey));
}

std::optional<ImRect> DocumentsView::item_rect(const std::string& key) const {
  auto it = rects_.find(key);
  if (it == rects_.end()) return std::nullopt;
  return it->second;
}

void DocumentsView::project_changed() {
  filter_.clear();
  built_ = false;
  row_ids_.clear();
  rows_.clear();
  selected_.clear();
  anchor_.reset();
  sets_.clear();
  set_filter_.reset();
  set_members_.clear();
  sets_rev_ = -1;
  members_for_.reset();
  draft_ = Draft{};
  doc_memo_ = project_memo_ = MemoDraft{};
  date_error_.clear();
  save_error_.clear();
  bulk_error_.clear();
  confirm_delete_ = new_set_open_ = rename_set_open_ = false;
}

void DocumentsView::select(const std::vector<store::Id>& ids) {
  selected_ = std::set<store::Id>(ids.begin(), ids.end());
  anchor_ = ids.empty() ? std::nullopt : std::optional<store::Id>(ids.front());
}

void DocumentsView::reload_sets() {
  const store::Project* p = ws_.project();
  if (!p || p->revision() == sets_rev_) return;
  sets_rev_ = p->revision();
  ws_.act([&] { sets_ = store::doc_sets(*p); });
  if (set_filter_ &&
      std::none_of(sets_.begin(), sets_.end(), [&](const store::DocSet& s) { return s.id == *set_filter_; }))
    set_filter_.reset();  // deleted (or undone)
  std::unordered_set<store::Id> members;
  if (set_filter_)
    ws_.act([&] {
      for (store::Id id : store::doc_set_members(*p, *set_filter_)) members.insert(id);
    });
  if (members != set_members_ || members_for_ != set_filter_) {
    set_members_ = std::move(members);
    members_for_ = set_filter_;
    sort_dirty_ = true;  // the rows follow
  }
}

void DocumentsView::rebuild() {
  const ProjectCache& cache = ws_.cache();
  const bool docs_changed = !built_ || cache.docs_version != built_version_;
  if (!docs_changed && filter_ == built_filter_ && !sort_dirty_) return;
  if (docs_changed) {  // the attribute columns
    std::set<std::string> names;
    for (const auto& d : cache.docs)
      for (const auto& a : d.attributes) names.insert(a.name);
    std::vector<std::string> cols(names.begin(), names.end());
    if (cols.size() > kMaxAttributeColumns) cols.resize(kMaxAttributeColumns);
    attr_columns_ = std::move(cols);
  }
  built_ = true;
  built_version_ = cache.docs_version;
  built_filter_ = filter_;
  sort_dirty_ = false;
  const std::string needle = lower_ascii(trim(filter_));
  rows_.clear();
  for (size_t i = 0; i < cache.docs.size(); ++i) {
    const DocInfo& d = cache.docs[i];
    if (set_filter_ && !set_members_.count(d.doc.id)) continue;
    if (!needle.empty()) {
      bool hit = false;
      for (const std::string* f :
           {&d.doc.title, &d.doc.author, &d.doc.date, &d.doc.language, &d.doc.source_type, &d.doc.original_name})
        if (lower_ascii(*f).find(needle) != std::string::npos) {
          hit = true;
          break;
        }
      for (size_t k = 0; !hit && k < d.attributes.size(); ++k)
        hit = lower_ascii(d.attributes[k].value).find(needle) != std::string::npos;
      if (!hit) continue;
    }
    rows_.push_back(static_cast<uint32_t>(i));
  }
  const int col = sort_column_;
  const std::string attr = col >= kFixedColumns && static_cast<size_t>(col - kFixedColumns) < attr_columns_.size()
                               ? attr_columns_[static_cast<size_t>(col - kFixedColumns)]
                               : std::string();
  auto key_less = [&](const DocInfo& a, const DocInfo& b) -> int {  // -1, 0, 1
    auto cmp = [](const auto& x, const auto& y) { return x < y ? -1 : y < x ? 1 : 0; };
    switch (col) {
      case 0:
        return cmp(lower_ascii(a.doc.title), lower_ascii(b.doc.title));
      case 1:
        return cmp(a.doc.source_type, b.doc.source_type);
      case 2:
        return cmp(a.doc.date, b.doc.date);
      case 3:
        return cmp(lower_ascii(a.doc.author), lower_ascii(b.doc.author));
      case 4:
        return cmp(a.doc.language, b.doc.language);
      case 5:
        return cmp(a.doc.original_size, b.doc.original_size);
      case 6:
        return cmp(a.codings, b.codings);
      default: {
        const store::Attribute* x = find_attr(a, attr);
        const store::Attribute* y = find_attr(b, attr);
        if (!x || !y) return cmp(x == nullptr, y == nullptr);  // documents without the attribute last
        if (x->type == "number" && y->type == "number") {
          try {
            return cmp(std::stod(x->value), std::stod(y->value));
          } catch (const std::exception&) {
          }
        }
        return cmp(lower_ascii(x->value), lower_ascii(y->value));
      }
    }
  };
  if (col != 0 || sort_descending_)  // by id (the cache's order) is the title column's tie-break anyway
    std::stable_sort(rows_.begin(), rows_.end(), [&](uint32_t a, uint32_t b) {
      const int c = key_less(cache.docs[a], cache.docs[b]);
      return sort_descending_ ? c > 0 : c < 0;
    });
  else
    std::stable_sort(rows_.begin(), rows_.end(),
                     [&](uint32_t a, uint32_t b) { return key_less(cache.docs[a], cache.docs[b]) < 0; });
  row_ids_.clear();
  row_ids_.reserve(rows_.size());
  for (uint32_t i : rows_) row_ids_.push_back(cache.docs[i].doc.id);
  // The selection keeps only documents that still exist.
  for (auto it = selected_.begin(); it != selected_.end();) it = cache.doc(*it) ? std::next(it) : selected_.erase(it);
}

void DocumentsView::click_row(size_t row_index, store::Id id) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyShift && anchor_) {
    const auto a = std::find(row_ids_.begin(), row_ids_.end(), *anchor_);
    if (a != row_ids_.end()) {
      size_t from = static_cast<size_t>(a - row_ids_.begin()), to = row_index;
      if (from > to) std::swap(from, to);
      if (!io.KeyCtrl) selected_.clear();
      for (size_t i = from; i <= to; ++i) selected_.insert(row_ids_[i]);
      return;
    }
  }
  if (io.KeyCtrl) {
    if (!selected_.erase(id)) selected_.insert(id);
  } else {
    selected_ = {id};
  }
  anchor_ = id;
}

void DocumentsView::shortcuts() {
  if (pressed(Command::select_all)) selected_ = std::set<store::Id>(row_ids_.begin(), row_ids_.end());
  if (pressed(Command::delete_item) && !selected_.empty()) delete_selection();
  if (pressed(Command::rename) && selected_.size() == 1) focus_title_ = true;
}

void DocumentsView::draw_top_bar() {
  const ImGuiStyle& st = ImGui::GetStyle();
  ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 10, ImGui::GetContentRegionAvail().x * 0.35f));
  widgets::input_text_hint("##docfilter", tr(S::docs_filter_hint), &filter_);
  remember("filter");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::docs_set_label));
  ImGui::SameLine();
  std::string current = tr(S::docs_all);
  for (const auto& s : sets_)
    if (set_filter_ == s.id) current = s.name + " (" + std::to_string(s.size) + ")";
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
  if (ImGui::BeginCombo("##setfilter", current.c_str())) {
    if (ImGui::Selectable(tr(S::docs_all), !set_filter_)) {
      set_filter_.reset();
      sets_rev_ = -1;
    }
    remember("set:all");
    for (const auto& s : sets_) {
      ImGui::PushID(static_cast<int>(s.id));
      const std::string label = s.name + " (" + std::to_string(s.size) + ")";
      if (ImGui::Selectable(label.c_str(), set_filter_ == s.id)) {
        set_filter_ = s.id;
        sets_rev_ = -1;  // read its members
      }
      remember("set:item:" + s.name);
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  remember("set:combo");
  ImGui::SameLine();
  if (ImGui::Button(tr(S::docs_sets_menu))) ImGui::OpenPopup("##setsmenu");
  remember("sets");
  if (ImGui::BeginPopup("##setsmenu")) {
    if (menu_item(tr(S::docs_set_new), std::nullopt)) {
      new_set_open_ = true;
      new_set_name_.clear();
    }
    remember("sets:new");
    if (ImGui::BeginMenu(tr(S::docs_set_add_to), !selected_.empty() && !sets_.empty())) {
      for (const auto& s : sets_) {
        ImGui::PushID(static_cast<int>(s.id));
        if (menu_item(s.name.c_str(), std::nullopt)) {
          const auto ids = selected_ids();
          const store::Id set = s.id;
          int64_t n = 0;
          char done[256];
          if (ws_.write([&](store::Project& p) { n = store::add_to_doc_set(p, set, ids); })) {
            std::snprintf(done, sizeof done, tr(S::docs_set_added_fmt), static_cast<long long>(n), s.name.c_str());
            ws_.set_undoable_status(done);
          }
        }
        remember("sets:add:" + s.name);
        ImGui::PopID();
      }
      ImGui::EndMenu();
    }
    if (menu_item(tr(S::docs_set_remove_sel), std::nullopt, false, set_filter_ && !selected_.empty())) {
      const auto ids = selected_ids();
      const store::Id set = *set_filter_;
      int64_t n = 0;
      std::string name;
      for (const auto& s : sets_)
        if (s.id == set) name = s.name;
      if (ws_.write([&](store::Project& p) { n = store::remove_from_doc_set(p, set, ids); })) {
        char done[256];
        std::snprintf(done, sizeof done, tr(S::docs_set_removed_fmt), static_cast<long long>(n), name.c_str());
        ws_.set_undoable_status(done);
      }
    }
    remember("sets:remove");
    if (menu_item(tr(S::docs_set_rename), std::nullopt, false, set_filter_.has_value())) {
      rename_set_open_ = true;
      for (const auto& s : sets_)
        if (s.id == set_filter_) new_set_name_ = s.name;
    }
    remember("sets:rename");
    if (menu_item(tr(S::docs_set_delete), std::nullopt, false, set_filter_.has_value())) {
      const store::Id set = *set_filter_;
      std::string name;
      for (const auto& s : sets_)
        if (s.id == set) name = s.name;
      if (ws_.write([&](store::Project& p) { store::delete_doc_set(p, set); })) {
        char done[256];
        std::snprintf(done, sizeof done, tr(S::docs_set_deleted_fmt), name.c_str());
        ws_.set_undoable_status(done);
      }
    }
    remember("sets:delete");
    if (sets_.empty()) ImGui::TextDisabled("%s", tr(S::docs_no_sets));
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  char counts[96];
  std::snprintf(counts, sizeof counts, tr(S::docs_shown_fmt), static_cast<long long>(row_ids_.size()));
  std::string text = counts;
  if (!selected_.empty()) {
    std::snprintf(counts, sizeof counts, tr(S::docs_selected_fmt), static_cast<long long>(selected_.size()));
    text += " \xC2\xB7 " + std::string(counts);
  }
  ImGui::SameLine(0, st.ItemSpacing.x * 2);
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", text.c_str());
}

void DocumentsView::draw_table(float width, float height) {
  const ProjectCache& cache = ws_.cache();
  rows_drawn_ = 0;
  if (cache.docs.empty()) {
    ImGui::BeginChild("##docsempty", ImVec2(width, height));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(S::docs_empty));
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    return;
  }
  const int ncols = kFixedColumns + static_cast<int>(attr_columns_.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable |
                                ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingFixedFit;
  // Another set of attribute columns is another table (ImGui keeps a table's columns by index).
  std::string id = "##docs";
  for (const auto& a : attr_columns_) id += "|" + a;
  ImGui::PushID(id.c_str());
  if (!ImGui::BeginTable("##table", ncols, flags, ImVec2(width, height))) {
    ImGui::PopID();
    return;
  }
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn(
      tr(S::docs_col_title),
      ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_NoHide | ImGuiTableColumnFlags_WidthFixed,
      std::max(em * 12, width * 0.32f));
  ImGui::TableSetupColumn(tr(S::docs_col_type), ImGuiTableColumnFlags_WidthFixed, em * 6);
  ImGui::TableSetupColumn(tr(S::docs_col_date), ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
  ImGui::TableSetupColumn(tr(S::docs_col_author), ImGuiTableColumnFlags_WidthFixed, em * 8);
  ImGui::TableSetupColumn(tr(S::docs_col_language), ImGuiTableColumnFlags_WidthFixed, em * 4);
  ImGui::TableSetupColumn(tr(S::docs_col_size),
                          ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, em * 4);
  ImGui::TableSetupColumn(tr(S::docs_col_codings),
                          ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, em * 4.5f);
  for (const auto& a : attr_columns_)
    ImGui::TableSetupColumn(a.c_str(), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultHide, em * 7);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* ss = ImGui::TableGetSortSpecs(); ss && ss->SpecsDirty) {
    if (ss->SpecsCount > 0) {
      sort_column_ = ss->Specs[0].ColumnIndex;
      sort_descending_ = ss->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    ss->SpecsDirty = false;
    sort_dirty_ = true;
    rebuild();  // this frame draws the new order
  }
  const store::Id open = ws_.doc() ? ws_.doc()->meta.id : 0;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows_.size()));
  std::optional<std::pair<size_t, store::Id>> clicked;
  std::optional<store::Id> opened;
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const DocInfo& d = cache.docs[rows_[static_cast<size_t>(r)]];
      ++rows_drawn_;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushID(static_cast<int>(d.doc.id));
      const bool sel = selected_.count(d.doc.id) > 0;
      const std::string label = (d.doc.id == open ? "\xE2\x80\xA2 " : "") + d.doc.title;
      if (ImGui::Selectable(label.c_str(), sel,
                            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
        if (ImGui::IsMouseDoubleClicked(0))
          opened = d.doc.id;
        else
          clicked = {static_cast<size_t>(r), d.doc.id};
      }
      remember("row:" + std::to_string(d.doc.id));
      if (ImGui::IsItemHovered() && ImGui::CalcTextSize(label.c_str()).x > ImGui::GetItemRectSize().x)
        ImGui::SetTooltip("%s", d.doc.title.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(source_type_label(d.doc.source_type).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(d.doc.date.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(d.doc.author.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(d.doc.language.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(size_text(d.doc.original_size).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(d.codings));
      for (const auto& a : attr_columns_) {
        if (!ImGui::TableNextColumn()) continue;
        if (const store::Attribute* v = find_attr(d, a)) ImGui::TextUnformatted(v->value.c_str());
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
  ImGui::PopID();
  if (clicked) click_row(clicked->first, clicked->second);
  if (opened) {
    select({*opened});
    ws_.show_view(View::coding);
    ws_.open_document(*opened);
  }
  if (rows_.empty()) ImGui::TextDisabled("%s", tr(S::docs_none));
}

void DocumentsView::draw() {
  if (!ws_.has_project()) return;
  rects_.clear();
  reload_sets();
  rebuild();
  const float em = ImGui::GetFontSize();
  draw_top_bar();
  rebuild();  // the filter typed this frame
  const float W = ImGui::GetContentRegionAvail().x, H = ImGui::GetContentRegionAvail().y;
  const float props = std::clamp(W * 0.34f, std::min(W * 0.45f, em * 17), em * 26);
  const float table_w = std::max(em * 10, W - props - ImGui::GetStyle().ItemSpacing.x);
  draw_table(table_w, H);
  ImGui::SameLine();
  widgets::begin_pane("##docprops", ImVec2(0, H), true);
  draw_properties();
  widgets::end_pane();
  draw_popups();
}

}  // namespace telaah::ui
