// The document list of the coding view's browser: documents grouped by
// source type, filtered by a text over title, author, date, language, file
// name and attributes. The rows are computed once per filter change or
// change of the document list (ProjectCache::docs_version), not per frame,
// and only the visible rows are drawn (ImGuiListClipper): a frame costs the
// same at 36 and at 100,000 documents.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/shell/project_cache.h"

namespace telaah::ui {

class DocList {
 public:
  // Recomputes the rows when the filter or the cache's document list changed.
  void update(const ProjectCache& cache, const std::string& filter);
  // Draws the groups (tree nodes per source type) into the current window;
  // returns the document clicked. `open` marks the open document.
  std::optional<store::Id> draw(const ProjectCache& cache, store::Id open);

  size_t rows_drawn() const { return rows_drawn_; }  // rows submitted in the last draw
  size_t rebuilds() const { return rebuilds_; }      // how often the rows were computed
  size_t shown(store::Id type) const;                // rows of a source type after filtering

 private:
  struct Group {
    store::Id type = 0;
    std::vector<uint32_t> rows;  // indexes into cache.docs
  };
  std::vector<Group> groups_;
  std::string filter_;
  uint64_t version_ = 0;
  bool built_ = false;
  size_t rows_drawn_ = 0, rebuilds_ = 0;
};

}  // namespace telaah::ui
