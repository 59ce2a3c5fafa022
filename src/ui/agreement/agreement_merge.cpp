// "Merge codings from...": bring in the codings of a colleague's copy of the
// project (.telaah) or of a REFI-QDA project (.qdpx, imported into a
// temporary project first). A dry run on a worker thread shows the report
// (documents matched, codings to add, conflicts); "Merge" applies it on the
// UI thread as one undoable action (analysis/merge.h).
#include <unistd.h>

#include <atomic>
#include <cstdio>

#include "exchange/exchange.h"
#include "ui/agreement/agreement_merge.h"
#include "ui/shell/workspace.h"
#include "ui/widgets/widgets.h"

namespace fs = std::filesystem;

namespace telaah::ui {

namespace {

bool is_refi(const fs::path& f) {
  const std::string e = lower_ascii(f.extension().string());
  return e == ".qdpx" || e == ".qde";
}

fs::path fresh_temp_dir() {
  static std::atomic<int> counter{0};  // unique names within the process, not UI state
  return fs::temp_directory_path() /
         ("telaah-merge-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)));
}

}  // namespace

void AgreementView::reset_merge() {
  ++merge_gen_;  // a dry run still on its way is dropped
  merge_.reset();
}

void AgreementView::start_merge() {
  if (!ws_.has_project()) return;
  reset_merge();
  merge_ = std::make_unique<Merge>();
  merge_->browser.open(FileBrowser::Mode::import_files, ws_.project_path().parent_path());
  merge_->browser.set_labels(tr(S::agr_merge_pick), tr(S::agr_merge_button));
}

// The dry run: off the UI thread (a .qdpx is unpacked and imported first).
void AgreementView::plan_merge() {
  Merge& m = *merge_;
  m.planning = true;
  m.plan.reset();
  m.error.clear();
  const uint64_t gen = ++merge_gen_;
  struct Out {
    fs::path other, temp;
    std::optional<analysis::MergeReport> plan;
    std::string error;
  };
  // A dry run, on the worker's own read-only snapshot of the project (never the window's connection).
  const fs::path self = ws_.project_path();
  const fs::path file = m.file, known = m.other, known_temp = m.temp_dir;
  const bool create = m.create_codes;
  ws_.tasks().start(
      tr(S::agr_merge_reading),
      [this, self, file, known, known_temp, create, gen](TaskProgress& progress) -> std::function<void()> {
        auto out = std::make_shared<Out>();
        out->other = known;
        out->temp = known_temp;
        try {
          if (out->other.empty()) {
            if (is_refi(file)) {
              out->temp = fresh_temp_dir();
              fs::create_directories(out->temp);
              exchange::ImportOptions io;
              io.progress = [&progress](const std::string& what) {
                if (progress.cancelled()) throw UserError("cancelled");
                progress.set(0.3, what);
              };
              exchange::import_refi(file, out->temp / "other.telaah", io);
              out->other = out->temp / "other.telaah";
            } else {
              out->other = file;
            }
          }
          progress.set(0.7, file.filename().string());
          analysis::MergeOptions o;
          o.dry_run = true;
          o.create_codes = create;
          const auto snapshot = store::Project::open_snapshot(self);
          out->plan = analysis::merge_project(*snapshot, out->other, o);
        } catch (const std::exception& e) {
          out->error = e.what();
        }
        return [this, out, gen] {
          if (gen != merge_gen_ || !merge_) {  // abandoned meanwhile
            if (!out->temp.empty()) {
              std::error_code ec;
              fs::remove_all(out->temp, ec);
            }
            return;
          }
          Merge& m = *merge_;
          m.planning = false;
          m.other = out->other;
          m.temp_dir = out->temp;
          m.plan = std::move(out->plan);
          m.error = out->error;
        };
      },
      TaskRunner::Kind::background);
}

const analysis::MergeReport* AgreementView::merge_plan() const {
  return merge_ && merge_->dialog && merge_->plan ? &*merge_->plan : nullptr;
}

bool AgreementView::merge_planning() const {
  return merge_ && merge_->planning;
}

void AgreementView::merge_from(const fs::path& f) {
  if (!ws_.has_project()) return;
  if (f.extension() != store::kProjectExtension && !is_refi(f)) {
    ws_.set_status(tr(S::agr_merge_not_project), true);
    reset_merge();
    return;
  }
  if (!merge_) merge_ = std::make_unique<Merge>();
  merge_->drop_temp();
  merge_->other.clear();
  merge_->file = f;
  merge_->dialog = true;
  plan_merge();
}

void AgreementView::draw_merge() {
  merge_button_.reset();
  if (!merge_) return;
  if (auto chosen = merge_->browser.draw()) {
    merge_from(chosen->front());
    if (!merge_) return;
  }
  Merge& m = *merge_;
  if (!m.dialog) {
    if (!m.browser.is_open()) reset_merge();  // the browser was cancelled
    return;
  }
  const std::string title = std::string(tr(S::agr_merge_title)) + "###agr_merge";
  if (!ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
  const ImVec2 ds = ImGui::GetIO().DisplaySize;
  // Width fixed, height fitted every frame: the report arrives after the dialog opened.
  ImGui::SetNextWindowSize(ImVec2(std::min(ds.x * 0.9f, ImGui::GetFontSize() * 40), 0), ImGuiCond_Always);
  ImGui::SetNextWindowPos(ImVec2(ds.x * 0.5f, ds.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  bool keep = true;
  if (!ImGui::BeginPopupModal(title.c_str(), &keep)) {
    if (!keep) reset_merge();
    return;
  }
  ImGui::TextUnformatted(m.file.filename().string().c_str());
  ImGui::TextDisabled("%s", m.file.parent_path().string().c_str());
  ImGui::Separator();
  ImGui::PushTextWrapPos(0);
  bool apply = false;
  if (m.planning) {
    ImGui::TextDisabled("%s\xE2\x80\xA6", tr(S::agr_merge_reading));
  } else if (!m.error.empty()) {
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", m.error.c_str());
  } else if (m.plan) {
    const auto& r = *m.plan;
    ImGui::TextUnformatted(r.same_lineage ? tr(S::agr_merge_same) : tr(S::agr_merge_other));
    char b[512];
    std::snprintf(
        b, sizeof b, tr(S::agr_merge_plan), static_cast<long long>(r.added),
        count_text(static_cast<long long>(r.considered), S::agr_n_codings_one, S::agr_n_codings).c_str(),
        count_text(static_cast<long long>(r.documents_matched), S::agr_n_documents_one, S::agr_n_documents).c_str(),
        static_cast<long long>(r.duplicates), static_cast<long long>(r.skipped));
    ImGui::TextUnformatted(b);
    auto list = [](S label, const std::vector<std::string>& v) {
      if (v.empty()) return;
      std::string s;
      for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
      ImGui::TextDisabled("%s", tr(label));
      ImGui::SameLine();
      ImGui::TextUnformatted(s.c_str());
    };
    list(S::agr_merge_new_coders, r.coders_added);
    list(S::agr_merge_new_codes, r.codes_created);
    if (ImGui::Checkbox(tr(S::agr_merge_create_codes), &m.create_codes)) plan_merge();
    if (!r.conflicts.empty()) {
      ImGui::Spacing();
      ImGui::TextDisabled("%s", tr(S::agr_merge_conflicts));
      ImGui::BeginChild("##agr_conflicts", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8), true);
      for (const auto& c : r.conflicts) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s: %s", analysis::to_string(c.kind), c.message.c_str());
      }
      ImGui::EndChild();
    }
    if (r.added == 0) ImGui::TextDisabled("%s", tr(S::agr_merge_nothing));
  }
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  const bool can = !m.planning && m.error.empty() && m.plan && m.plan->added > 0 && !ws_.busy();
  ImGui::BeginDisabled(!can);
  if (ImGui::Button(tr(S::agr_merge_button), ImVec2(ImGui::GetFontSize() * 7, 0))) apply = true;
  merge_button_ = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(S::cancel), ImVec2(ImGui::GetFontSize() * 7, 0))) keep = false;
  if (apply) {
    analysis::MergeOptions o;
    o.create_codes = m.create_codes;
    analysis::MergeReport done;
    if (ws_.write([&](store::Project& p) { done = analysis::merge_project(p, m.other, o); })) {
      char b[160];
      std::snprintf(b, sizeof b, tr(done.added == 1 ? S::agr_merge_done_one : S::agr_merge_done),
                    static_cast<long long>(done.added));
      ws_.set_undoable_status(std::string(b) + tr(S::status_undo_hint));
      keep = false;
    } else {
      m.error = ws_.status().text;
    }
  }
  if (!keep) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  if (!keep) reset_merge();
}

}  // namespace telaah::ui
