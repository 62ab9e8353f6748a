package content

import "strings"

// Ignored reports whether a file or folder name (a base name, not a path)
// in content/, layouts/ or assets/ is the litter of an editor or an
// operating system rather than a source: the build does not read it, the
// preview server does not rebuild for it, and it is never published. The
// README (Content format) states the same rule.
//
//   - hidden names, starting with ".": .DS_Store, ._05.md (macOS), .#05.md
//     (Emacs locks), .05.md.swp (vim), .git, .hidden.md;
//   - backups, swap and temporary files: 05.md~, 05.md.bak, .swp, .swo,
//     .swx, .tmp, .crswap (Chrome), JetBrains' ___jb_tmp___ and ___jb_old___;
//   - Emacs auto-saves #05.md#, Office locks ~$x.docx, vim's probe file
//     4913, and Windows' Thumbs.db and desktop.ini.
func Ignored(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasPrefix(name, "~$") {
		return true
	}
	for _, suffix := range litterSuffixes {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return name == "4913" || strings.EqualFold(name, "Thumbs.db") || strings.EqualFold(name, "desktop.ini")
}

var litterSuffixes = []string{"~", ".bak", ".swp", ".swo", ".swx", ".tmp", ".crswap", "___jb_tmp___", "___jb_old___"}
