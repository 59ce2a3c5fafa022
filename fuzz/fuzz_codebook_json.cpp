// libFuzzer: the framework/codebook JSON loader (telaah codes --load): the
// bounded parse (store::parse_codebook_json) and Project::load_codebook into
// a project created once, undone after each input that loads.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "store/project.h"
#include "store/template.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace telaah;
  static std::unique_ptr<store::Project> p = [] {
    auto f = std::filesystem::temp_directory_path() / ("fuzz-codebook-" + std::to_string(::getpid()) + ".telaah");
    std::error_code ec;
    for (const char* s : {"", "-wal", "-shm", ".lock"}) std::filesystem::remove(f.string() + s, ec);
    auto proj = store::Project::create(f);
    return proj;
  }();
  const std::string text(reinterpret_cast<const char*>(data), size);
  nlohmann::json j;
  try {
    j = store::parse_codebook_json(text, "fuzz.json");
  } catch (const UserError&) {
    return 0;
  }
  try {
    p->load_codebook(j);
  } catch (const UserError&) {
    return 0;  // refused: nothing changed
  }
  p->undo();
  return 0;
}
