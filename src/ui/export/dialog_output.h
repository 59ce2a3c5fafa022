// Project › Report… and Project › Export… (issue 22 item 4): choose what to
// write — the evaluation report (HTML, Markdown or DOCX, in English or
// Indonesian) or an export the command line also writes (REFI-QDA .qdpx
// project, .qdc codebook, CSV of the codings or the matrix, an XLSX workbook
// with codings, codebook and matrix) — and where (a path box, or a folder
// chosen with the in-app file browser), then it runs as a background task on
// its own read-only snapshot of the project with its progress in the status
// line: the window stays usable. At the end a message names the file (or the
// error) with "Open folder".
//
// write_output_file() is the work itself, without ImGui: the same calls the
// CLI's `report` and `export` make, so the files are equal to the CLI's.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "ui/shell/file_browser.h"

namespace telaah::ui {

class Workspace;

enum class OutputKind { report_html, report_md, report_docx, qdpx, qdc, csv_codings, csv_matrix, xlsx };
const char* output_extension(OutputKind k);  // ".html", ".qdpx", ...
bool is_report(OutputKind k);

struct OutputRequest {
  std::filesystem::path project, out;
  OutputKind kind = OutputKind::report_html;
  std::string lang = "en";  // reports: en or id
};
// Writes the file (replacing an earlier one; never the project, a folder or a
// link) from a snapshot of `project`; returns a one-line summary. `progress`
// (may be empty) hears fractions and what is being done. Throws UserError.
std::string write_output_file(const OutputRequest& r,
                              const std::function<void(double, const std::string&)>& progress = {});

class OutputDialog {
 public:
  explicit OutputDialog(Workspace& ws) : ws_(ws) {}
  void open_report();
  void open_export();
  void open_export(OutputKind k) {  // Export… with a format chosen (Export codebook…: the .qdc)
    open_export();
    kind_ = k;
    default_path();
  }
  void draw();  // the dialog, the file browser and the result (nothing while closed)
  bool is_open() const { return open_; }
  bool running() const { return running_; }
  // The last result: the file written, or the error ("" while none).
  const std::string& result() const { return result_; }
  bool result_error() const { return result_error_; }
  // Tests: where a control was drawn in the last frame: "kind:N", "lang:en", "lang:id", "path", "browse",
  // "run", "cancel", "done:open", "done:ok".
  std::optional<ImRect> item_rect(const std::string& key) const;
  void set_path(const std::string& p) { path_ = p; }

 private:
  void start();
  void default_path();
  void remember(const std::string& key) { rects_[key] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

  Workspace& ws_;
  bool open_ = false, open_request_ = false, report_ = true, running_ = false, show_result_ = false;
  OutputKind kind_ = OutputKind::report_html;
  std::string lang_ = "en", path_, result_, folder_;
  bool result_error_ = false;
  FileBrowser browser_;
  std::unordered_map<std::string, ImRect> rects_;
};

}  // namespace telaah::ui
