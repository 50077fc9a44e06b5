package scenario

// Fields are the field names the checker knows, by where they are written, for
// the test that keeps scenarios/schema.json in step with the checker.
var Fields = map[string][]string{
	"scenario": topFields,
	"variant":  variantFields,
	"step":     stepFields,
	"choice":   choiceFields,
	"option":   optionFields,
}
