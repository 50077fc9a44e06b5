//go:build unix && !darwin

package site

const maxrssInBytes = false
