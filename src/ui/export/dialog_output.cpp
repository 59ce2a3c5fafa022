// Project › Report… and Export… (see dialog_output.h).
#include "ui/export/dialog_output.h"

#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>

#include "analysis/evidence.h"
#include "analysis/triangulation.h"
#include "exchange/exchange.h"
#include "exchange/report.h"
#include "store/errors.h"
#include "store/project.h"
#include "store/safe_output.h"
#include "ui/shell/strings.h"
#include "ui/shell/workspace.h"
#include "ui/widgets/widgets.h"

extern char** environ;

namespace fs = std::filesystem;

namespace telaah::ui {

namespace {

struct KindInfo {
  OutputKind kind;
  S label;
  const char* ext;
  const char* suffix;  // of the default file name
};
constexpr KindInfo kKinds[] = {
    {OutputKind::report_html, S::rep_html, ".html", "-report"},
    {OutputKind::report_md, S::rep_md, ".md", "-report"},
    {OutputKind::report_docx, S::rep_docx, ".docx", "-report"},
    {OutputKind::qdpx, S::rep_qdpx, ".qdpx", ""},
    {OutputKind::qdc, S::rep_qdc, ".qdc", "-codebook"},
    {OutputKind::csv_codings, S::rep_csv_codings, ".csv", "-codings"},
    {OutputKind::csv_matrix, S::rep_csv_matrix, ".csv", "-matrix"},
    {OutputKind::xlsx, S::rep_xlsx, ".xlsx", ""},
};

const KindInfo& info(OutputKind k) {
  for (const auto& i : kKinds)
    if (i.kind == k) return i;
  return kKinds[0];
}

// The desktop's file manager on a folder, detached (xdg-open; nothing when it is missing).
void open_folder(const std::string& dir) {
  pid_t pid = 0;
  const char* argv[] = {"xdg-open", dir.c_str(), nullptr};
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) == 0) {
    std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();  // no zombie
  }
}

}  // namespace

const char* output_extension(OutputKind k) {
  return info(k).ext;
}

bool is_report(OutputKind k) {
  return k == OutputKind::report_html || k == OutputKind::report_md || k == OutputKind::report_docx;
}

std::string write_output_file(const OutputRequest& r, const std::function<void(double, const std::string&)>& progress) {
  auto step = [&](double f, const std::string& what) {
    if (progress) progress(f, what);
  };
  if (r.out.empty()) throw UserError("no file name given");
  step(0.05, "reading the project");
  auto p = store::Project::open_snapshot(r.project);
  if (is_report(r.kind)) {
    exchange::ReportOptions o;  // as `telaah report P --format F --lang L` with its defaults
    o.lang = exchange::lang_from_string(r.lang);
    auto t = analysis::EvidenceTable::load(*p);
    o.query.coders = analysis::resolve_coders(*p, t, {});
    step(0.3, "computing the matrix, the verdict and agreement");
    auto data = exchange::build_report(*p, t, o);
    step(0.8, "writing");
    const std::string body = r.kind == OutputKind::report_md     ? exchange::render_markdown(data)
                             : r.kind == OutputKind::report_docx ? exchange::render_docx(data)
                                                                 : exchange::render_html(data);
    store::write_output(r.out, body, true, {r.project});
    step(1.0, "done");
    return r.out.string() + " (" + std::to_string(body.size() / 1024) + " KB)";
  }
  store::SafeOutput out(r.out, true, {r.project});  // as `telaah export P ... --force`
  exchange::ExportSummary s;
  step(0.3, "writing");
  switch (r.kind) {
    case OutputKind::qdpx:
      s = exchange::export_qdpx(*p, out.temp());
      break;
    case OutputKind::qdc:
      s = exchange::export_qdc(*p, out.temp());
      break;
    case OutputKind::csv_codings:
      s = exchange::write_csv(exchange::codings_table(*p), out.temp());
      break;
    case OutputKind::csv_matrix:
      s = exchange::write_csv(exchange::triangulation_table(*p, "type", {}), out.temp());
      break;
    default: {
      std::vector<exchange::Table> tables{exchange::codings_table(*p), exchange::codebook_table(*p),
                                          exchange::triangulation_table(*p, "type", {})};
      s = exchange::write_xlsx(tables, out.temp());
    }
  }
  out.commit();
  step(1.0, "done");
  std::string counts;
  for (const auto& [what, n] : s.counts) counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + what;
  return r.out.string() + (counts.empty() ? "" : " (" + counts + ")");
}

std::optional<ImRect> OutputDialog::item_rect(const std::string& key) const {
  auto it = rects_.find(key);
  if (it == rects_.end()) return std::nullopt;
  return it->second;
}

void OutputDialog::default_path() {
  const fs::path pp = ws_.project_path();
  const KindInfo& i = info(kind_);
  fs::path dir = pp.parent_path();
  if (!path_.empty()) dir = fs::path(path_).parent_path();
  path_ = (dir / (pp.stem().string() + i.suffix + i.ext)).string();
}

void OutputDialog::open_report() {
  report_ = true;
  if (!is_report(kind_)) kind_ = OutputKind::report_html;
  lang_ = language() == Lang::id ? "id" : "en";
  path_.clear();
  default_path();
  open_ = open_request_ = true;
}

void OutputDialog::open_export() {
  report_ = false;
  if (is_report(kind_)) kind_ = OutputKind::qdpx;
  path_.clear();
  default_path();
  open_ = open_request_ = true;
}

void OutputDialog::start() {
  OutputRequest r;
  r.project = ws_.project_path();
  r.out = path_;
  r.kind = kind_;
  r.lang = lang_;
  folder_ = fs::path(path_).parent_path().string();
  running_ = true;
  result_.clear();
  const std::string title = tr(report_ ? S::rep_task_report : S::rep_task_export);
  ws_.tasks().start(
      title,
      [this, r, title](TaskProgress& pr) -> std::function<void()> {
        std::string said, error;
        try {
          said = write_output_file(r, [&](double f, const std::string& what) { pr.set(f, what); });
        } catch (const std::exception& e) {
          error = e.what();
        }
        return [this, said, error, title] {
          running_ = false;
          result_error_ = !error.empty();
          result_ = result_error_ ? std::string(tr(S::rep_failed)) + error : said;
          show_result_ = true;
          ws_.set_status(title + ": " + result_, result_error_);
        };
      },
      TaskRunner::Kind::awaited);
}

void OutputDialog::draw() {
  using widgets::centre_next;
  rects_.clear();
  if (open_request_) {
    ImGui::OpenPopup("###output");
    open_request_ = false;
  }
  centre_next(34);
  if (ImGui::BeginPopupModal(
          (std::string(tr(report_ ? S::rep_title_report : S::rep_title_export)) + "###output").c_str(), nullptr,
          ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextDisabled("%s", tr(S::rep_format));
    int n = 0;
    for (const auto& k : kKinds) {
      if (is_report(k.kind) != report_) continue;
      if (ImGui::RadioButton(tr(k.label), kind_ == k.kind)) {
        kind_ = k.kind;
        default_path();
      }
      remember("kind:" + std::to_string(n++));
    }
    if (report_) {
      ImGui::Spacing();
      ImGui::TextDisabled("%s", tr(S::rep_language));
      if (ImGui::RadioButton("English", lang_ == "en")) lang_ = "en";
      remember("lang:en");
      ImGui::SameLine();
      if (ImGui::RadioButton("Bahasa Indonesia", lang_ == "id")) lang_ = "id";
      remember("lang:id");
    }
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr(S::rep_destination));
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 26);
    widgets::input_text("##outpath", &path_);
    remember("path");
    ImGui::SameLine();
    if (ImGui::Button(tr(S::rep_browse))) {
      browser_.open(FileBrowser::Mode::import_files, fs::path(path_).parent_path());
      browser_.set_labels(tr(S::rep_browse_title), tr(S::rep_browse_ok));
      browser_.only_extensions({output_extension(kind_)});
    }
    remember("browse");
    std::error_code ec;
    if (!path_.empty() && fs::exists(path_, ec)) ImGui::TextDisabled("%s", tr(S::rep_replace_note));
    if (path_.empty()) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", tr(S::rep_no_path));
    ImGui::Spacing();
    const int r = widgets::ok_cancel(tr(S::rep_run), !path_.empty() && !running_);
    remember("run");
    if (r == 1) start();
    if (r != 0) open_ = false;
    if (auto chosen = browser_.draw()) {  // a folder: the file name kept; a file: replaced
      if (!chosen->empty()) {
        const fs::path c = chosen->front();
        path_ = fs::is_directory(c, ec) ? (c / fs::path(path_).filename()).string() : c.string();
      }
    }
    ImGui::EndPopup();
  }
  if (show_result_) {
    ImGui::OpenPopup("###outputdone");
    show_result_ = false;
  }
  centre_next(30);
  if (ImGui::BeginPopupModal(
          (std::string(tr(result_error_ ? S::rep_failed_title : S::rep_done_title)) + "###outputdone").c_str(), nullptr,
          ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    if (result_error_)
      ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", result_.c_str());
    else
      ImGui::TextUnformatted(result_.c_str());
    ImGui::PopTextWrapPos();
    if (!result_error_) {
      if (ImGui::Button(tr(S::rep_open_folder))) open_folder(folder_);
      remember("done:open");
      ImGui::SameLine();
    }
    if (ImGui::Button(tr(S::ok), ImVec2(ImGui::GetFontSize() * 7, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
      ImGui::CloseCurrentPopup();
    remember("done:ok");
    ImGui::EndPopup();
  }
}

}  // namespace telaah::ui
