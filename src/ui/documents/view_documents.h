// The documents view (issue 22 item 1): every document of the project in one
// table — title, source type, date, author/outlet, language, size, codings,
// and the attributes as optional columns (right-click a header) — sortable
// by any column, filtered by a text and by a document set, with
// multi-selection (click, Shift+click, Ctrl+click, Ctrl+A). Beside it the
// properties of the selection: one document's fields and typed attributes
// edited in place and saved as ONE undoable action (a date is checked in
// place: ISO or a form the importers read), or for several documents a
// source type, language or attribute set on all of them as one action;
// delete with a confirmation that counts the codings that go too (undoable).
// Document sets: create from the selection, add or remove the selection,
// rename, delete, filter the table by one.
//
// The rows come from the ProjectCache (never SQL while drawing): the order
// and filter are computed once per change of filter, sort, set or document
// list, and only the visible rows are drawn (ImGuiListClipper), so a frame
// costs the same at 36 and at 100,000 documents. The sets (names, sizes,
// the filter set's members) are read once per project revision.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/doc_sets.h"
#include "ui/shell/view.h"

namespace telaah::ui {

class App;
class Workspace;

// A date as typed in the properties: "" stays "", ISO forms (YYYY, YYYY-MM,
// YYYY-MM-DD) and what the importers read ("18 Mei 2011", "May 18, 2011",
// "2011/05/18") become YYYY[-MM[-DD]]; nullopt when it is no date.
std::optional<std::string> parse_date_input(const std::string& typed);

class DocumentsView : public View {
 public:
  explicit DocumentsView(Workspace& ws) : ws_(ws) {}
  static constexpr ViewKey kKey = View::documents;
  ViewKey key() const override { return kKey; }
  S title() const override { return S::view_documents; }
  void draw() override;
  int body_flags() const override { return ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse; }
  void shortcuts() override;  // Ctrl+A, Delete, F2 (the title box)
  void project_changed() override;
  // The properties typed and not saved are saved as Save would; a bad date stays a draft (and the window open).
  void save_drafts() override;
  bool has_unsaved_draft() const override;

  // --- what tests read ---
  static DocumentsView& of(App& app);
  const std::vector<store::Id>& rows() const { return row_ids_; }  // in the table's order, after filter and set
  const std::set<store::Id>& selection() const { return selected_; }
  void select(const std::vector<store::Id>& ids);
  std::optional<store::Id> set_filter() const { return set_filter_; }
  const std::string& date_error() const { return date_error_; }
  const std::string& document_memo_text() const { return doc_memo_.text; }  // the box as typed
  const std::string& project_memo_text() const { return project_memo_.text; }
  size_t rows_drawn() const { return rows_drawn_; }
  // Where a control was drawn in the last frame: "filter", "row:ID", "title", "type", "language", "date",
  // "author", "attr:value:NAME", "attr:remove:NAME", "attr:new:name", "attr:new:value", "attr:add", "save",
  // "revert", "delete", "bulk:attr:name", "bulk:attr:value", "bulk:attr:apply", "bulk:type",
  // "bulk:type:apply", "bulk:language", "bulk:language:apply", "delete:confirm", "sets", "sets:new",
  // "sets:new:name", "sets:new:ok", "set:combo", "set:item:NAME", "set:all", "sets:remove", "sets:delete",
  // "sets:add:NAME", "memo:doc", "memo:doc:save", "memo:project", "memo:project:save".
  std::optional<ImRect> item_rect(const std::string& key) const;

 private:
  struct Draft {
    store::Id doc = 0;
    store::DocumentEdit edit;
    std::string date_text;
  };
  // A memo box's draft (documents_memos.cpp): the document's or the project's first memo.
  struct MemoDraft {
    std::string kind;  // "document" or "project"
    store::Id target = 0, id = 0;
    std::string title, stored, text;
    int64_t rev = -1;
    bool loaded = false;
    bool dirty() const { return loaded && text != stored; }
  };
  void load_memo(MemoDraft& d, const std::string& kind, store::Id target);
  bool save_memo(MemoDraft& d);  // one action; false: refused (the shell shows why)
  void draw_memo(MemoDraft& d, const std::string& kind, store::Id target, const std::string& heading,
                 const std::string& key);
  void rebuild();  // row_ids_ from the cache, the filter, the set and the sort
  void reload_sets();
  void draw_top_bar();
  void draw_table(float width, float height);
  void draw_properties();
  void draw_single(store::Id id);
  void draw_bulk();
  void draw_popups();
  void click_row(size_t row_index, store::Id id);
  Draft draft_from(store::Id id) const;
  bool draft_dirty() const;
  bool save_draft();  // false: refused (the error is shown in place)
  void delete_selection() { confirm_delete_ = true; }
  std::vector<store::Id> selected_ids() const { return {selected_.begin(), selected_.end()}; }
  void remember(const std::string& key) { rects_[key] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

  Workspace& ws_;
  // The table's rows.
  std::string filter_;
  std::vector<store::Id> row_ids_;
  std::vector<uint32_t> rows_;  // indexes into cache.docs, in row_ids_ order
  uint64_t built_version_ = 0;
  bool built_ = false;
  std::string built_filter_;
  int sort_column_ = 0;
  bool sort_descending_ = false, sort_dirty_ = true;
  std::vector<std::string> attr_columns_;  // attribute names shown as optional columns
  size_t rows_drawn_ = 0;
  // The selection.
  std::set<store::Id> selected_;
  std::optional<store::Id> anchor_;
  bool focus_title_ = false;
  // Sets.
  std::vector<store::DocSet> sets_;
  std::optional<store::Id> set_filter_;
  std::unordered_set<store::Id> set_members_;
  int64_t sets_rev_ = -1;
  std::optional<store::Id> members_for_;
  std::string new_set_name_;
  bool new_set_open_ = false, rename_set_open_ = false, renaming_set_ = false;
  // The properties pane.
  Draft draft_;
  MemoDraft doc_memo_, project_memo_;
  std::string date_error_, save_error_;
  std::string new_attr_name_, new_attr_value_;
  int new_attr_type_ = 0;
  // Bulk.
  std::string bulk_attr_name_, bulk_attr_value_, bulk_language_, bulk_error_;
  int bulk_attr_type_ = 0, bulk_type_ = 0;
  bool confirm_delete_ = false;
  std::vector<store::Id> deleting_;
  std::unordered_map<std::string, ImRect> rects_;
};

}  // namespace telaah::ui
