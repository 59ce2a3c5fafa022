// Batch import of files and folders into a project: all-or-nothing per batch
// (unless keep_going), duplicates detected by SHA-256, progress reported.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "ingest/importer.h"
#include "store/project.h"

namespace telaah::ingest {

struct FileSpec {
  std::filesystem::path path;
  std::string source_type, language, date, title, author;  // empty = from the file, then defaults
  std::vector<store::Attribute> attributes;
  std::string skip;  // set by expand(): a file in a folder that is not a document (reported, not read)
};

struct BatchOptions {
  ImportOptions import;
  std::string default_type = "interview";
  bool keep_going = false;  // import what can be imported, skip the rest
  bool allow_duplicates = false;
  std::function<void(size_t done, size_t total, const std::string& file)> progress;
  std::function<bool()> cancelled;  // polled between files
};

struct FileResult {
  std::filesystem::path path;
  bool imported = false;
  store::Id doc = 0;
  std::string reason;  // why it was skipped
  std::vector<std::string> notes;
};

struct BatchResult {
  std::vector<FileResult> files;
  size_t imported() const;
  size_t skipped() const;
};

// Expands folders (recursively, sorted, hidden files skipped) into files.
// Files in a folder whose extension is not a document format (.json, .tsv,
// images, ...) come back with `skip` set: a batch reports them, not fails on them.
std::vector<FileSpec> expand(const std::vector<FileSpec>& specs);

// Reads a manifest (TSV: file type lang date title author attributes) into specs;
// relative paths are taken from the manifest's folder.
std::vector<FileSpec> read_manifest(const std::filesystem::path& manifest);

// Extracts every file, then adds them in one action. Throws ImportError on the
// first bad file unless keep_going; the project is unchanged then.
BatchResult import_files(store::Project& p, const std::vector<FileSpec>& specs, const BatchOptions& opt);

}  // namespace telaah::ingest
