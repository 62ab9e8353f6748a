//go:build unix

package main

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

// report is what this command reads from a Lighthouse JSON report.
type report struct {
	scores map[string]int // category → 0…100
	failed []failure      // audits that cost their category points
	bench  float64        // Lighthouse's CPU benchmark index: the machine's speed during the run
	raw    []byte
}

// A failure is an audit that scored under 1 and weighs in its category.
type failure struct {
	category, id, title, value string
}

func parseReport(data []byte) (*report, error) {
	var lhr struct {
		RuntimeError *struct{ Code, Message string } `json:"runtimeError"`
		Environment  struct {
			BenchmarkIndex float64 `json:"benchmarkIndex"`
		} `json:"environment"`
		Categories map[string]struct {
			Score     *float64 `json:"score"`
			AuditRefs []struct {
				ID     string  `json:"id"`
				Weight float64 `json:"weight"`
			} `json:"auditRefs"`
		} `json:"categories"`
		Audits map[string]struct {
			Title        string   `json:"title"`
			Score        *float64 `json:"score"`
			Mode         string   `json:"scoreDisplayMode"`
			DisplayValue string   `json:"displayValue"`
		} `json:"audits"`
	}
	if err := json.Unmarshal(data, &lhr); err != nil {
		return nil, err
	}
	if lhr.RuntimeError != nil && lhr.RuntimeError.Code != "" {
		return nil, fmt.Errorf("%s: %s", lhr.RuntimeError.Code, lhr.RuntimeError.Message)
	}
	r := &report{scores: map[string]int{}, bench: lhr.Environment.BenchmarkIndex, raw: data}
	for _, c := range categories {
		cat, ok := lhr.Categories[c]
		if !ok || cat.Score == nil {
			return nil, fmt.Errorf("the report has no %s score", c)
		}
		r.scores[c] = int(math.Round(*cat.Score * 100))
		for _, ref := range cat.AuditRefs {
			a := lhr.Audits[ref.ID]
			if ref.Weight == 0 || a.Score == nil || *a.Score >= 1 || (a.Mode != "binary" && a.Mode != "numeric" && a.Mode != "metricSavings") {
				continue
			}
			value := a.DisplayValue
			if value == "" {
				value = fmt.Sprintf("score %.2f", *a.Score)
			}
			r.failed = append(r.failed, failure{c, ref.ID, a.Title, value})
		}
	}
	return r, nil
}

// result gathers a page's reports in one form factor.
type result struct {
	scores map[string][]int
	failed []failure
}

func (r *result) add(rep *report) {
	if r.scores == nil {
		r.scores = map[string][]int{}
	}
	for c, s := range rep.scores {
		r.scores[c] = append(r.scores[c], s)
	}
	r.failed = append(r.failed, rep.failed...)
}

// medians returns the median score of each category (the lower middle of
// an even number of runs).
func (r *result) medians() map[string]int {
	m := map[string]int{}
	for c, s := range r.scores {
		s = slices.Sorted(slices.Values(s))
		m[c] = s[(len(s)-1)/2]
	}
	return m
}
