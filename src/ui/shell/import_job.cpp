// Background import: extraction off the UI thread, one action on it (see import_job.h).
#include "ui/shell/import_job.h"

#include "ingest/comments.h"

#include <fstream>
#include <map>

#include "store/util.h"

namespace fs = std::filesystem;

namespace telaah::ui {

static std::string read_limited(const fs::path& p, uint64_t limit) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  if (ec) throw ingest::ImportError(p.string() + ": cannot read the file (" + ec.message() + ")");
  if (size > limit)
    throw ingest::ImportError(p.string() + ": " + std::to_string(size >> 20) + " MB is over the import limit of " +
                              std::to_string(limit >> 20) + " MB per file");
  std::ifstream in(p, std::ios::binary);
  if (!in) throw ingest::ImportError(p.string() + ": cannot open the file");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

std::vector<PreparedFile> prepare_import(const ImportRequest& req, TaskProgress& progress) {
  std::vector<ingest::FileSpec> specs;
  for (const auto& p : req.paths) {
    ingest::FileSpec s;
    s.path = p;
    s.source_type = req.source_type;
    s.language = req.language;
    specs.push_back(std::move(s));
  }
  specs = ingest::expand(specs);
  ingest::ImportOptions opt;
  opt.cancelled = [&progress] { return progress.cancelled(); };  // a cancel kills the PDF / OCR reader at once
  std::vector<PreparedFile> out;
  for (size_t i = 0; i < specs.size(); ++i) {
    opt.doc_language = specs[i].language;  // OCR languages follow it (ingest/ocr.h)
    opt.page_progress = [&progress, i, n = specs.size(), name = specs[i].path.filename().string()](int done,
                                                                                                   int total) {
      if (total <= 0) return;
      progress.set((static_cast<double>(i) + static_cast<double>(done) / total) / static_cast<double>(n),
                   name + " \xC2\xB7 OCR " + std::to_string(std::min(done + 1, total)) + "/" + std::to_string(total));
    };
    if (progress.cancelled()) throw ingest::ImportError("import cancelled; nothing was imported");
    progress.set(static_cast<double>(i) / static_cast<double>(specs.size()), specs[i].path.filename().string());
    PreparedFile f;
    f.path = specs[i].path;
    try {
      std::string bytes = read_limited(f.path, opt.limits.max_file_bytes);
      f.sha256 = store::sha256_hex(bytes);
      ingest::Extracted e = ingest::extract(f.path.string(), bytes, opt);
      f.doc.title = e.title.empty() ? f.path.stem().string() : e.title;
      f.doc.source_type = specs[i].source_type;
      f.doc.language = !specs[i].language.empty() ? specs[i].language : e.language;
      f.doc.date = e.date;
      f.doc.author = e.author;
      f.doc.original_name = f.path.filename().string();
      f.doc.original_bytes = std::move(bytes);
      f.doc.text = std::move(e.text);
      f.doc.blocks = std::move(e.blocks);
      f.doc.pages = std::move(e.pages);
      f.doc.word_boxes = std::move(e.word_boxes);
      f.notes = std::move(e.notes);
      f.format = e.format;
      f.comments = std::move(e.comments);
    } catch (const UserError& err) {
      f.reason = err.what();
    }
    out.push_back(std::move(f));
  }
  progress.set(1.0, "");
  return out;
}

ImportOutcome commit_import(store::Project& p, std::vector<PreparedFile> files) {
  ImportOutcome out;
  std::vector<store::NewDocument> docs;
  std::vector<const PreparedFile*> kept;  // the file behind each of docs
  std::map<std::string, fs::path> seen;
  for (auto& f : files) {
    if (f.reason.empty()) {
      if (auto dup = p.find_document_by_sha256(f.sha256))
        f.reason = "already in the project as document #" + std::to_string(*dup) + " (same content)";
      else if (seen.count(f.sha256))
        f.reason = "same content as " + seen[f.sha256].filename().string() + " in this import";
    }
    if (f.reason.empty()) {
      try {
        p.source_type_id(f.doc.source_type);
      } catch (const UserError& e) {
        f.reason = e.what();
      }
    }
    if (!f.reason.empty()) {
      out.skipped.emplace_back(f.path, f.reason);
      continue;
    }
    seen[f.sha256] = f.path;
    for (auto& n : f.notes) out.notes.push_back(f.path.filename().string() + ": " + n);
    docs.push_back(std::move(f.doc));
    kept.push_back(&f);
  }
  if (!docs.empty()) {
    const std::string label =
        docs.size() == 1 ? "Import " + docs[0].title : "Import " + std::to_string(docs.size()) + " documents";
    auto act = p.begin_action(label);
    out.ids = p.add_documents(docs, label);
    for (size_t k = 0; k < out.ids.size(); ++k) {
      const PreparedFile& f = *kept[k];
      if (f.comments.empty()) continue;
      const size_t n =
          ingest::add_comment_codings(p, out.ids[k], docs[k].blocks, f.comments, f.format, f.path.filename().string());
      out.notes.push_back(f.path.filename().string() + ": " + std::to_string(n) + " comment(s) kept as codings of '" +
                          ingest::kCommentsCode + "'");
    }
    act.commit();
  }
  return out;
}

}  // namespace telaah::ui
