// Document › Replace with a new version… (issue 24, the window's
// `telaah import P NEWFILE --replaces DOC`): a file chooser, the new file read
// and diffed on a worker's snapshot (ingest::prepare_version), written as one
// undoable action (ingest::commit_version), then the codings whose text
// changed or vanished listed for review, each a click away from its place.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ingest/version_diff.h"
#include "ui/shell/file_browser.h"
#include "ui/shell/workspace.h"

namespace telaah::ui {

class ReplaceVersion {
 public:
  explicit ReplaceVersion(Workspace& ws) : ws_(ws) {}
  bool can_open() const;                          // a document is open and nothing exclusive runs
  void open();                                    // the file chooser, for the open document
  void start(const std::filesystem::path& file);  // the chooser's answer (tests call it directly)
  void draw();                                    // the chooser, then the review list
  bool running() const { return running_; }

  struct Row {
    store::Id coding = 0, doc = 0;
    int64_t start = 0, end = 0;  // in the new text
    ingest::Carry how = ingest::Carry::changed;
    std::string code, quote;
  };
  const std::vector<Row>& review() const { return review_; }
  bool review_open() const { return review_open_; }
  std::optional<ImRect> row_rect(size_t i) const;  // last frame, for tests

 private:
  Workspace& ws_;
  FileBrowser browser_;
  bool running_ = false, review_open_ = false, open_review_ = false;
  std::vector<Row> review_;
  std::map<size_t, ImRect> rects_;
};

}  // namespace telaah::ui
