// Builds the sample project from corpus/: the framework, the documents of the
// manifest, and the quote-anchored codings of two coders.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "store/types.h"

namespace telaah::sample {

struct Anchor {
  std::string file, code, quote, stance, coder, memo;
  int occurrence = 1;
  std::string where;  // "coding/news.tsv:12" for messages
};

struct BuildReport {
  size_t documents = 0, codes = 0, codings = 0;
  std::vector<std::string> coders;
};

// Reads every corpus/coding/*.tsv (header: file code quote occurrence stance coder memo).
std::vector<Anchor> read_anchors(const std::filesystem::path& corpus_dir);

// Creates `project` (it must not exist) and fills it. All-or-nothing: on any
// error the half-built file is removed and the error says which anchor or file.
BuildReport build_sample(const std::filesystem::path& project, const std::filesystem::path& corpus_dir,
                         const std::function<void(const std::string&)>& progress = {});

// The sample corpus, looked up in this order: $TELAAH_DATA_DIR (its corpus/
// folder, or the folder itself), <exe dir>/../share/telaah/corpus (an installed
// copy), the source tree's corpus/ this build was made from, a corpus/ folder
// next to or above the executable. Empty when none exists.
std::filesystem::path default_corpus_dir();

}  // namespace telaah::sample
