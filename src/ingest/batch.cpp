// Batch import: extract every file first, then add them all in one action.
#include "ingest/batch.h"

#include "ingest/comments.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "store/util.h"

namespace fs = std::filesystem;

namespace telaah::ingest {

size_t BatchResult::imported() const {
  return static_cast<size_t>(std::count_if(files.begin(), files.end(), [](const FileResult& f) { return f.imported; }));
}
size_t BatchResult::skipped() const {
  return files.size() - imported();
}

// Extensions a folder import picks up (named files may be anything detect_format knows).
static bool is_document_name(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* e : {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".odt", ".pdf", ".png",
                        ".jpg", ".jpeg", ".tif", ".tiff"})
    if (ext == e) return true;
  return false;
}

std::vector<FileSpec> expand(const std::vector<FileSpec>& specs) {
  std::vector<FileSpec> out;
  for (const auto& s : specs) {
    std::error_code ec;
    if (fs::is_directory(s.path, ec)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(s.path, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const auto name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      for (const auto& f : found) {
        FileSpec c = s;
        c.path = f;
        c.title.clear();  // a title given for a folder cannot name every file in it
        if (!is_document_name(f))
          c.skip = "not a document format Telaah imports" +
                   (f.extension().empty() ? std::string() : " (" + f.extension().string() + ")");
        out.push_back(std::move(c));
      }
    } else {
      out.push_back(s);
    }
  }
  return out;
}

static std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, '\t')) out.push_back(cell);
  if (!line.empty() && line.back() == '\t') out.emplace_back();
  return out;
}

static std::string trim(std::string s) {
  size_t b = s.find_first_not_of(" \r"), e = s.find_last_not_of(" \r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<FileSpec> read_manifest(const fs::path& manifest) {
  std::ifstream in(manifest);
  if (!in) throw ImportError("cannot read the manifest " + manifest.string());
  std::vector<FileSpec> out;
  std::string line;
  int n = 0;
  const fs::path base = manifest.parent_path();
  while (std::getline(in, line)) {
    ++n;
    if (trim(line).empty() || line[0] == '#') continue;
    auto cells = split_tabs(line);
    if (n == 1 && !cells.empty() && trim(cells[0]) == "file") continue;  // header
    if (cells.size() < 2)
      throw ImportError(manifest.string() + ":" + std::to_string(n) +
                        ": a manifest row needs at least file and type, tab-separated");
    cells.resize(7);
    FileSpec s;
    s.path = fs::path(trim(cells[0])).is_absolute() ? fs::path(trim(cells[0])) : base / trim(cells[0]);
    s.source_type = trim(cells[1]);
    s.language = trim(cells[2]);
    s.date = trim(cells[3]);
    s.title = trim(cells[4]);
    s.author = trim(cells[5]);
    std::stringstream attrs(cells[6]);
    std::string kv;
    while (std::getline(attrs, kv, ';')) {
      kv = trim(kv);
      if (kv.empty()) continue;
      size_t eq = kv.find('=');
      if (eq == std::string::npos)
        throw ImportError(manifest.string() + ":" + std::to_string(n) + ": attribute '" + kv + "' is not name=value");
      s.attributes.push_back({trim(kv.substr(0, eq)), "text", trim(kv.substr(eq + 1))});
    }
    out.push_back(std::move(s));
  }
  return out;
}

static std::string read_file(const fs::path& p, uint64_t limit) {
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  if (ec) throw ImportError(p.string() + ": cannot read the file (" + ec.message() + ")");
  if (size > limit)
    throw ImportError(p.string() + ": " + std::to_string(size >> 20) + " MB is over the import limit of " +
                      std::to_string(limit >> 20) + " MB per file");
  std::ifstream in(p, std::ios::binary);
  if (!in) throw ImportError(p.string() + ": cannot open the file");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

BatchResult import_files(store::Project& p, const std::vector<FileSpec>& specs_in, const BatchOptions& opt) {
  auto specs = expand(specs_in);
  BatchResult result;
  std::vector<store::NewDocument> docs;
  std::vector<size_t> doc_file;  // index into result.files
  struct Comments {
    std::string format;
    std::vector<Comment> list;
  };
  std::vector<Comments> doc_comments;  // reviewers' comments per document (comments.h)
  std::map<std::string, fs::path> seen;
  for (size_t i = 0; i < specs.size(); ++i) {
    const auto& s = specs[i];
    if (opt.cancelled && opt.cancelled()) throw ImportError("import cancelled; nothing was imported");
    if (opt.progress) opt.progress(i, specs.size(), s.path.string());
    FileResult fr;
    fr.path = s.path;
    if (!s.skip.empty()) {
      fr.reason = s.skip;
      result.files.push_back(std::move(fr));
      continue;
    }
    try {
      std::string bytes = read_file(s.path, opt.import.limits.max_file_bytes);
      const std::string sha = store::sha256_hex(bytes);
      if (!opt.allow_duplicates) {
        if (auto dup = p.find_document_by_sha256(sha))
          throw ImportError(s.path.string() + ": already in the project as document #" + std::to_string(*dup) +
                            " (same content)");
        if (seen.count(sha))
          throw ImportError(s.path.string() + ": same content as " + seen[sha].string() + " in this batch");
      }
      seen[sha] = s.path;
      ImportOptions io = opt.import;
      if (io.doc_language.empty()) io.doc_language = s.language;  // OCR languages follow it (ocr.h)
      Extracted e = extract(s.path.string(), bytes, io);
      store::NewDocument d;
      d.title = !s.title.empty() ? s.title : e.title;
      d.source_type = !s.source_type.empty() ? s.source_type : opt.default_type;
      d.language = !s.language.empty() ? s.language : e.language;
      d.date = !s.date.empty() ? s.date : e.date;
      d.author = !s.author.empty() ? s.author : e.author;
      d.original_name = s.path.filename().string();
      d.original_bytes = std::move(bytes);
      d.text = std::move(e.text);
      d.blocks = std::move(e.blocks);
      d.pages = std::move(e.pages);
      d.word_boxes = std::move(e.word_boxes);
      d.attributes = s.attributes;
      fr.notes = std::move(e.notes);
      p.source_type_id(d.source_type);  // unknown type: a clear error before anything is written
      docs.push_back(std::move(d));
      doc_file.push_back(result.files.size());
      doc_comments.push_back({e.format, std::move(e.comments)});
    } catch (const UserError& err) {
      if (!opt.keep_going) throw ImportError(std::string(err.what()) + "; nothing was imported");
      fr.reason = err.what();
    }
    result.files.push_back(std::move(fr));
  }
  if (opt.progress) opt.progress(specs.size(), specs.size(), "");
  if (!docs.empty()) {
    const std::string label =
        docs.size() == 1 ? "Import " + docs[0].title : "Import " + std::to_string(docs.size()) + " documents";
    auto act = p.begin_action(label);  // the documents and their comments: one undoable action
    auto ids = p.add_documents(docs, label);
    for (size_t k = 0; k < ids.size(); ++k) {
      auto& fr = result.files[doc_file[k]];
      fr.imported = true;
      fr.doc = ids[k];
      const auto& cm = doc_comments[k];
      if (cm.list.empty()) continue;
      const size_t kept =
          add_comment_codings(p, ids[k], docs[k].blocks, cm.list, cm.format, fr.path.filename().string());
      fr.notes.push_back(std::to_string(kept) + " comment(s) kept as codings of the code '" + kCommentsCode +
                         "' on the commented text, each with the comment as its memo");
    }
    act.commit();
  }
  return result;
}

}  // namespace telaah::ingest
