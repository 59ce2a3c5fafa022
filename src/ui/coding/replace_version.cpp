// Document › Replace with a new version… (replace_version.h).
#include "ui/coding/replace_version.h"

#include <memory>

#include "ingest/replace.h"
#include "text/utf8.h"
#include "ui/coding/strings_versions.h"
#include "ui/shell/strings.h"
#include "ui/widgets/widgets.h"

namespace telaah::ui {

namespace fs = std::filesystem;

bool ReplaceVersion::can_open() const {
  return ws_.has_project() && ws_.doc() != nullptr && !ws_.busy() && !running_;
}

void ReplaceVersion::open() {
  if (!can_open()) return;
  browser_.open(FileBrowser::Mode::import_files, ws_.project_path().parent_path());
  browser_.set_labels(vtr(V::choose_title), vtr(V::choose_ok));
}

void ReplaceVersion::start(const fs::path& file) {
  if (!can_open()) return;
  const store::Id doc = ws_.doc()->meta.id;
  const fs::path self = ws_.project_path();
  running_ = true;
  struct Out {
    std::optional<ingest::PreparedVersion> v;
    std::string error;
  };
  ws_.tasks().start(
      vtr(V::task),
      [this, self, doc, file](TaskProgress& progress) -> std::function<void()> {
        auto out = std::make_shared<Out>();
        try {
          ingest::ImportOptions opt;
          opt.cancelled = [&progress] { return progress.cancelled(); };
          opt.page_progress = [&progress](int done, int total) {
            if (total > 0) progress.set(static_cast<double>(done) / total, "OCR");
          };
          progress.set(0, file.filename().string());
          const auto snapshot = store::Project::open_snapshot(self);
          out->v = ingest::prepare_version(*snapshot, doc, file, opt);
        } catch (const std::exception& e) {
          out->error = e.what();
        }
        return [this, out, file] {
          running_ = false;
          if (!out->error.empty() || !out->v) {
            ws_.set_status(file.filename().string() + ": " + out->error, true);
            return;
          }
          const store::Id doc = out->v->doc;
          const std::string title = out->v->title;
          ingest::ReplaceResult r;
          if (!ws_.write([&](store::Project& p) { r = ingest::commit_version(p, std::move(*out->v)); })) return;
          char b[768];
          std::snprintf(
              b, sizeof b, vtr(V::done_fmt), title.c_str(), file.filename().string().c_str(), r.version,
              static_cast<int>(r.count(ingest::Carry::unchanged)), static_cast<int>(r.count(ingest::Carry::moved)),
              static_cast<int>(r.count(ingest::Carry::changed)), static_cast<int>(r.count(ingest::Carry::vanished)));
          ws_.set_undoable_status(b);
          // The review list: the codings whose text changed or vanished, with their text now.
          review_.clear();
          const store::Project* p = ws_.project();
          const std::string body = p->text(doc);
          const text::OffsetMap map(body);
          for (const auto& c : r.codings) {
            if (c.how != ingest::Carry::changed && c.how != ingest::Carry::vanished) continue;
            Row row;
            row.coding = c.coding;
            row.doc = doc;
            row.start = c.to.start;
            row.end = c.to.end;
            row.how = c.how;
            if (const CodeInfo* ci = ws_.cache().code(p->coding(c.coding).code)) row.code = ci->path;
            row.quote =
                text::one_line(text::slice_cp(body, map, static_cast<size_t>(row.start), static_cast<size_t>(row.end)),
                               80, " \xE2\x80\xA6");
            review_.push_back(std::move(row));
          }
          open_review_ = true;
          ws_.open_document(doc);
        };
      },
      TaskRunner::Kind::exclusive);
}

std::optional<ImRect> ReplaceVersion::row_rect(size_t i) const {
  auto it = rects_.find(i);
  if (it == rects_.end()) return std::nullopt;
  return it->second;
}

void ReplaceVersion::draw() {
  if (auto chosen = browser_.draw(); chosen && !chosen->empty()) start(chosen->front());
  rects_.clear();
  if (open_review_) {
    ImGui::OpenPopup("###versionreview");
    open_review_ = false;
  }
  widgets::centre_next(36);
  review_open_ = false;
  if (!ImGui::BeginPopup("###versionreview")) return;
  review_open_ = true;
  ImGui::TextUnformatted(vtr(review_.empty() ? V::nothing : V::review_note));
  ImGui::Separator();
  for (size_t i = 0; i < review_.size(); ++i) {
    const Row& r = review_[i];
    ImGui::PushID(static_cast<int>(i));
    const std::string label = std::string("[") + vtr(r.how == ingest::Carry::vanished ? V::vanished : V::changed) +
                              "] " + r.code + ": " +
                              (r.quote.empty() ? "\xE2\x80\x94" : "\xE2\x80\x9C" + r.quote + "\xE2\x80\x9D");
    if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_DontClosePopups))
      ws_.show_passage(r.doc, r.start, std::max(r.end, r.start), r.coding);
    rects_[i] = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopID();
  }
  ImGui::Separator();
  if (ImGui::Button(vtr(V::close))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace telaah::ui
