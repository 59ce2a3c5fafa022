// Project › Find near-duplicates… : the review list of issue 23 item 2. The
// detector (analysis/duplicates.h) runs on a worker through its own snapshot
// of the project, with progress and Cancel; each group found is listed with
// its documents and similarity, and the researcher decides: Mark as
// duplicates (the group then counts as one document in triangulation while
// triangulation.duplicates = once), Keep apart (not proposed again), or open
// a document to read it. "Mark all new" records every new group as ONE
// undoable action. Keys in the list: ↑/↓ choose a group, M marks it, K keeps
// it apart, Enter opens its first document.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/duplicates.h"

namespace telaah::ui {

class Workspace;

class DuplicatesDialog {
 public:
  explicit DuplicatesDialog(Workspace& ws);
  void open();
  bool is_open() const { return open_; }
  void close();
  void draw();
  void project_changed();  // a different project: results dropped

  // --- what tests read and drive ---
  bool running() const { return running_; }
  const std::optional<analysis::DuplicateReport>& report() const { return report_; }
  // The decision taken on group i of the report ("" none, "marked", "apart").
  std::string decision(size_t i) const;
  void set_threshold(double t) { threshold_ = static_cast<float>(t); }
  void find();                    // starts the detector
  void mark(size_t group);        // one undoable action
  void keep_apart(size_t group);  // one undoable action
  void mark_all_new();            // one undoable action
  size_t selected() const { return selected_; }
  // Where a control was drawn in the last frame: "find", "cancel", "mark-all",
  // "close", "mark:I", "apart:I", "group:I", "threshold".
  std::optional<ImRect> item_rect(const std::string& key) const;

 private:
  void keys();
  Workspace& ws_;
  bool open_ = false, open_request_ = false, running_ = false;
  float threshold_ = 0.7f;
  int type_ = 0;  // 0: every type, else source type index + 1
  std::optional<analysis::DuplicateReport> report_;
  std::map<size_t, std::string> decisions_;
  std::string error_;
  size_t selected_ = 0;
  std::shared_ptr<int> generation_ = std::make_shared<int>(0);
  std::shared_ptr<std::atomic<bool>> cancel_;
  std::map<std::string, ImRect> rects_;
};

}  // namespace telaah::ui
