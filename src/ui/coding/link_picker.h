// "Link to…" (L, the inspector's button, the document's context menu, or a
// coding dropped onto another): a floating window in two steps.
//   1. Choose the other coding: a box filters every coding of the project by
//      the text of its quote, its code's path or its document's title; Up/Down
//      choose, Enter takes the chosen row (a coding dragged onto a row takes
//      that row). Skipped when the other coding is known (a drop).
//   2. Choose the relation: the built-in ones and the project's own, Up/Down,
//      Enter links; "New relation…" makes one (name, direction, colour).
// Each write (the relation, the link) is one undoable action.
//
// Fast at a million codings: the rows (id, document, code, start and the
// quote's first words, lower-cased) are read once per revision, on a worker
// for a large project (per_revision.h); a query is matched in slices of a
// few milliseconds per frame (a longer query scans only the previous hits),
// so no frame waits for the whole list; the rows found so far are shown.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "store/judgement.h"
#include "ui/shell/per_revision.h"
#include "ui/shell/workspace.h"

namespace telaah::ui {

struct CodingRow {
  store::Id id = 0, doc = 0, code = 0;
  int64_t start = 0;
  std::string quote;  // one line, the first words
};
struct CodingRows {
  std::vector<CodingRow> rows;     // by document, then start
  std::vector<std::string> lower;  // the quotes, ASCII lower-cased
};
// Every coding of the project's live documents as the picker lists it.
CodingRows read_coding_rows(const store::Project& p, TaskProgress& progress);

class LinkPicker {
 public:
  // Step 1 for the coding `from`.
  void open(store::Id from);
  // Step 2 at once: `from` was dropped onto `to`.
  void open_relation(store::Id from, store::Id to);
  void close() { open_ = false; }
  bool is_open() const { return open_; }
  bool choosing_relation() const { return open_ && to_ != 0; }
  store::Id from() const { return from_; }
  store::Id to() const { return to_; }
  // Draws the window while open (writes through ws); the id of a link made this frame.
  std::optional<store::Id> draw(Workspace& ws);
  void project_changed();

  // --- the filter, without drawing (tests, benches) ---
  void set_query(const ProjectCache& cache, const std::string& q);
  // Matches rows for up to `budget_ms`; true when every row has been looked at.
  bool step(double budget_ms);
  bool ready() const { return rows_.get() != nullptr; }
  bool complete() const { return scan_at_ == scan_n_; }
  const std::vector<uint32_t>& hits() const { return hits_; }  // indexes into the rows
  const CodingRow* row(uint32_t i) const;
  int chosen_row() const { return chosen_; }
  int chosen_relation() const { return rel_chosen_; }
  const std::vector<store::LinkType>& relations() const { return types_; }
  // Where a row was drawn last frame (tests: drop targets).
  std::optional<ImRect> row_rect(store::Id coding) const;

 private:
  void draw_codings(Workspace& ws);
  std::optional<store::Id> draw_relations(Workspace& ws);
  void restart_scan(bool narrower);

  bool open_ = false, appearing_ = false, scroll_to_chosen_ = false;
  store::Id from_ = 0, to_ = 0;
  std::string query_, applied_ = "\x01";
  std::unordered_set<store::Id> code_hits_, doc_hits_;  // codes and documents whose names match the query
  std::vector<uint32_t> hits_, scan_from_;
  bool scan_all_ = true;  // scan every row (else scan_from_, the previous hits)
  size_t scan_at_ = 0, scan_n_ = 0;
  int chosen_ = 0;
  PerRevision<int64_t, std::shared_ptr<const CodingRows>> rows_;
  const CodingRows* rows_at_ = nullptr;  // the rows the hits are for
  std::vector<std::pair<store::Id, ImRect>> row_rects_;
  // Step 2.
  std::vector<store::LinkType> types_;
  int64_t types_rev_ = -1;
  int rel_chosen_ = 0;
  bool new_relation_ = false, new_focus_ = false, rel_focus_ = false;
  std::string new_name_;
  bool new_directed_ = true;
  ImVec4 new_colour_{0.55f, 0.35f, 0.75f, 1.0f};
};

// A built-in relation's name in the current language (others as they are).
std::string relation_label(const std::string& name);

}  // namespace telaah::ui
