package build

// SetAfterStage sets the hook run after each stage of a build, for tests.
func SetAfterStage(f func(stage, root string)) { afterStage = f }
