package procmem

// macOS reports ru_maxrss in bytes; Linux and the BSDs in kilobytes.
const maxrssInBytes = true
