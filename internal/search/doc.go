// Package search builds the site's search index and holds the Go side of the
// query normaliser.
//
// In: a validated *site.Site and the plain text of each measure (as package
// markdown extracts it). Out: an Index, written by the build twice with the
// same content — search.json for other programs (the city portal), and
// search-index.js, a classic script that assigns it to one global,
// window.micrositeSearchIndex, because browsers block fetch() and ES modules
// on file:// but not <script src>. Both are compact and deterministic: the
// same site gives the same bytes.
//
// Matching is substring matching on normalised text (no word segmentation).
// Normalisation is defined once per side — Fold.Normalize here, normalize in
// assets/search.js — and both apply the same steps in the same order: Unicode
// NFKC, full lower-casing, then the folding table, which maps Traditional
// Chinese characters and variants to the Simplified character they match as
// (報關單 and 报关单 both become 报关单); whitespace runs become one space, and
// the ends are trimmed. The index carries the text as written; search.js
// normalises it once, when the page loads, and each query as it is typed.
//
// The folding table comes from OpenCC's t2s character dictionary, read at
// build time. The index ships only the pairs whose Simplified side occurs in
// the normalised corpus: a query character whose folded form is not in the
// corpus can match nothing whether it is folded or not, so the subset gives
// exactly the results the whole dictionary would.
package search
