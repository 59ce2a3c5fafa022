// The cases view (issue 21 item 4): the list of cases with create, rename
// and delete; a case's typed attributes; its members (whole documents chosen
// from a searchable list, or the passage selected in the open document);
// import of cases from CSV through the same code path as `telaah cases P
// import-csv`; and the indicator × case triangulation matrix
// (analysis::triangulate_by_case), read only. Every change is one undoable
// action through the Workspace; the cases and the matrix are read once per
// revision (on a worker for a large project).
//
// Files: view_cases.cpp, strings_cases.h.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/triangulation.h"
#include "store/judgement.h"
#include "ui/shell/per_revision.h"
#include "ui/shell/view.h"

namespace telaah::ui {

class App;
class Workspace;

struct CasesData {
  int64_t revision = -1;
  std::vector<store::Case> cases;  // by name
  analysis::Matrix matrix;         // indicator × case (no columns when there is no case)
};

class CasesView : public View {
 public:
  explicit CasesView(Workspace& ws);
  ViewKey key() const override { return View::cases; }
  S title() const override { return S::cas_title; }
  void draw() override;
  int body_flags() const override { return ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse; }
  void project_changed() override;

  // --- what tests read and set ---
  static CasesView& of(App& app);
  static CasesData compute(const store::Project& p);
  const CasesData* data() const { return data_.get(); }
  const store::Case* selected() const;  // nullptr: none
  void select(store::Id case_id) { sel_ = case_id; }
  std::string& new_name() { return new_name_; }
  std::string& doc_filter() { return doc_filter_; }
  std::string& import_path() { return import_path_; }
  // Where a control was drawn in the last frame: "case:I", "new:name", "new:add", "rename:name",
  // "rename:ok", "delete", "attr:name", "attr:value", "attr:set", "attr:remove:I", "member:out:I",
  // "doc:add:ID" (a document of the filtered list), "filter", "selection:add", "import:path",
  // "import:go", "matrix".
  std::optional<ImRect> item_rect(const std::string& key) const;

 private:
  void draw_list(float width, float height);
  void draw_case(float width, float height);
  void draw_matrix(float width, float height);
  void remember(const std::string& key) { rects_[key] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

  Workspace& ws_;
  PerRevision<int64_t, CasesData> data_;
  store::Id sel_ = 0;
  store::Id rename_for_ = 0;  // the case rename_ was filled for
  std::string new_name_, rename_, doc_filter_, import_path_;
  std::string attr_name_, attr_value_;
  int attr_type_ = 0;  // text, number, date, boolean
  std::unordered_map<std::string, ImRect> rects_;
};

}  // namespace telaah::ui
