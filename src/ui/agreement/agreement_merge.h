// Internal to the agreement view: the state of "Merge codings from..." (see
// agreement_merge.cpp). Plain data between frames.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "analysis/merge.h"
#include "ui/agreement/view_agreement.h"
#include "ui/shell/file_browser.h"

namespace telaah::ui {

struct AgreementView::Merge {
  FileBrowser browser;
  std::filesystem::path file;      // what the researcher chose (.telaah, or .qdpx / .qde)
  std::filesystem::path other;     // the project merged from: `file`, or the REFI file imported into temp_dir
  std::filesystem::path temp_dir;  // removed when the merge is done or abandoned
  std::optional<analysis::MergeReport> plan;  // the dry run
  bool create_codes = false;
  bool planning = false, dialog = false;
  std::string error;

  Merge() = default;
  Merge(const Merge&) = delete;
  Merge& operator=(const Merge&) = delete;
  ~Merge() { drop_temp(); }
  void drop_temp() {
    if (temp_dir.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(temp_dir, ec);
    temp_dir.clear();
  }
};

}  // namespace telaah::ui
