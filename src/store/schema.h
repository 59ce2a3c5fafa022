// The SQL schema of the project file and its forward migrations.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace telaah::store {

// migrations()[v] upgrades a project from user_version v to v+1;
// migrations()[0] creates the schema from nothing.
const std::vector<std::string>& migrations();

// Tests only: called inside each migration's transaction, after its SQL and
// before it commits, with the version it migrates from. A test throws from it
// to see that a failed migration leaves the project as it was.
std::function<void(int from_version)>& migration_test_hook();

}  // namespace telaah::store
