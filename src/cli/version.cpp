// `telaah --version`: the version of this build (CMake's project(VERSION),
// passed in as TELAAH_VERSION) and the versions of the libraries it runs with.
#include <imgui.h>
#include <sqlite3.h>

#include <xapian.h>
#include <string>

#include "cli/cli.h"

#ifndef TELAAH_VERSION
#define TELAAH_VERSION "unknown"
#endif

namespace telaah::cli {

std::string version_text() {
  // The library calls report the versions loaded at run time, not the headers.
  return std::string("telaah ") + TELAAH_VERSION + "\nSQLite " + sqlite3_libversion() + "\nXapian " +
         Xapian::version_string() + "\nDear ImGui " + ImGui::GetVersion();
}

}  // namespace telaah::cli
