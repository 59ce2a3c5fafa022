// The "Set" choice of a view's filter bar (issue 22): all documents, or one
// document set (store/doc_sets.h). The Search, Retrieval, Triangulation and
// Agreement views keep one each and hand the chosen set to their model query
// (the members are read where the query runs, on the snapshot it runs on),
// so counts, totals and matrices are those of the set, not rows hidden after
// the fact. The sets are read once per project revision; a chosen set that
// is gone (deleted, its creation undone) falls back to all documents.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <string>
#include <vector>

#include "store/doc_sets.h"

namespace telaah::ui {

class Workspace;

class SetChoice {
 public:
  // Label and combo on the current line. `note(key)` records the last item's
  // rectangle: "set:combo", "set:all", "set:item:NAME". Returns true when the
  // choice changed this frame.
  bool draw(Workspace& ws, const char* id, const std::function<void(const std::string&)>& note, float width);
  // Reads the sets if the revision moved; a set that is gone is dropped (true: the choice changed).
  bool refresh(Workspace& ws);
  store::Id set() const { return set_; }
  const std::string& name() const { return name_; }  // of the chosen set ("" for all)
  void choose(store::Id s);
  void reset();  // a project was opened, closed or replaced

 private:
  store::Id set_ = 0;
  std::string name_;
  int64_t rev_ = -1;
  std::vector<store::DocSet> sets_;
};

}  // namespace telaah::ui
