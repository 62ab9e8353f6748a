package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
)

// instrumented is a script that runs before each page's own: it records
// window.print() calls, and replaces speechSynthesis with one that offers
// a Cantonese and a Mandarin voice, records each call (speak with its
// text and voice, pause, resume, cancel) in window.speechLog, speaks
// nothing, and ends an utterance when the test calls speechEnd(); and
// SpeechSynthesisUtterance with a plain object, since a real one takes
// only the system's voices. Headless Chromium has none, and a test cannot
// listen.
const instrumented = `(() => {
	window.printCalls = 0;
	window.print = () => { window.printCalls++; };
	const log = window.speechLog = [];
	const queue = [];
	const voices = [{name: "Mandarin", lang: "zh-CN"}, {name: "Cantonese", lang: "zh-HK"}, {name: "English", lang: "en-US"}];
	const synth = new EventTarget();
	Object.assign(synth, {
		getVoices: () => voices,
		speak(u) { log.push("speak " + u.voice.lang + " " + u.text); queue.push(u); },
		pause() { log.push("pause"); },
		resume() { log.push("resume"); },
		cancel() { log.push("cancel"); const q = queue.splice(0); q.forEach(u => u.onerror && u.onerror({error: "canceled"})); },
	});
	window.speechEnd = () => { const u = queue.shift(); if (u && u.onend) u.onend({}); return !!u; };
	Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
	window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})()`

// instrument makes every page the tab opens from now on run instrumented.
func instrument(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	tab.Do(t, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := cdp.Call(ctx, target, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: instrumented})
		return err
	}))
}

// listenState is what a reader sees of 聽全文 and what was asked of the
// speech synthesis.
type listenState struct {
	Buttons string // the page tools' buttons: label[aria-pressed], hidden ones left out
	Calls   string // speechLog, one call a line, each cut to 16 characters (a text to 4)
}

func readListen(t *testing.T, tab *browsertest.Tab) listenState {
	t.Helper()
	return browsertest.Eval[listenState](t, tab, `({
		Buttons: [...document.querySelectorAll(".page-tools button")].filter(b => !b.hidden && getComputedStyle(b).display !== "none")
			.map(b => b.textContent + (b.hasAttribute("aria-pressed") ? "[" + b.getAttribute("aria-pressed") + "]" : "")).join(" "),
		Calls: (window.speechLog || []).map(c => c.slice(0, 16)).join("\n"),
	})`)
}

// TestReadAloud operates 聽全文 on a measure, from file://: the button
// shows when the browser has a Chinese voice, starts reading the page's
// text in pieces in the Cantonese voice, pauses, resumes, goes on piece
// after piece, and stops with 停止 and with Escape; the buttons say which.
func TestReadAloud(t *testing.T) {
	tab := browsertest.New(t)
	instrument(t, tab)
	tab.Do(t, chromedp.Navigate(fileURL("measures/03.html")))
	step := func(name, buttons, calls string) {
		t.Helper()
		got := readListen(t, tab)
		if got.Buttons != buttons || got.Calls != calls {
			t.Errorf("%s:\n got buttons %q, calls:\n%s\nwant buttons %q, calls:\n%s", name, got.Buttons, got.Calls, buttons, calls)
		}
	}
	step("at first", "聽全文[false] 打印本頁", "")

	tab.Do(t, chromedp.Click(chromedp.CSS(".listen-button")))
	// The page's text in order, from the measure's number: 第03項, the
	// title, the facts, 實施內容 and its text, in pieces of at most 60.
	first := browsertest.Eval[string](t, tab, `speechLog[1]`)
	if !strings.HasPrefix(first, "speak zh-HK 第03項") || len([]rune(strings.TrimPrefix(first, "speak zh-HK "))) > 60 {
		t.Errorf("first piece %q, want the measure's number, in the Cantonese voice, at most 60 characters", first)
	}
	step("聽全文", "聽全文[true] 暫停[false] 停止 打印本頁", "cancel\nspeak zh-HK 第03項")

	tab.Do(t, chromedp.Click(chromedp.CSS(".page-tools button:nth-child(2)")))
	step("暫停", "聽全文[true] 暫停[true] 停止 打印本頁", "cancel\nspeak zh-HK 第03項\npause")
	tab.Do(t, chromedp.Click(chromedp.CSS(".page-tools button:nth-child(2)")))
	step("暫停 again: resume", "聽全文[true] 暫停[false] 停止 打印本頁", "cancel\nspeak zh-HK 第03項\npause\nresume")

	// Each piece that ends starts the next, until the text is read.
	var spoken []string
	for i := 0; i < 40 && browsertest.Eval[bool](t, tab, `speechEnd()`); i++ {
	}
	for _, c := range browsertest.Eval[[]string](t, tab, `speechLog`) {
		if text, ok := strings.CutPrefix(c, "speak zh-HK "); ok {
			spoken = append(spoken, text)
			if n := len([]rune(text)); n > 60 {
				t.Errorf("a piece of %d characters, want at most 60 (Chromium cuts long utterances off): %s", n, text)
			}
		}
	}
	whole := browsertest.Eval[string](t, tab, `document.querySelector(".text").innerText.replace(/\s+/g, "")`)
	if all := strings.ReplaceAll(strings.Join(spoken, ""), " ", ""); !strings.HasSuffix(all, whole) || len(spoken) < 3 {
		t.Errorf("read in %d pieces:\n%s\nwant the whole text, ending with\n%s", len(spoken), strings.Join(spoken, "\n"), whole)
	}
	if got := readListen(t, tab).Buttons; got != "聽全文[false] 打印本頁" {
		t.Errorf("read to the end: buttons %q, want 聽全文 alone again", got)
	}

	// Stop with 停止, then with Escape.
	for _, stop := range []chromedp.Action[chromedp.Void]{
		chromedp.Click(chromedp.CSS(".page-tools button:nth-child(3)")),
		chromedp.KeyEvent(kb.Escape),
	} {
		browsertest.Eval[bool](t, tab, `speechLog.length = 0, true`)
		tab.Do(t, chromedp.Click(chromedp.CSS(".listen-button")), stop)
		step("stopped", "聽全文[false] 打印本頁", "cancel\nspeak zh-HK 第03項\ncancel")
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

// TestPageTools checks which pages offer which tools, with and without
// JavaScript: 打印本頁 on the notice, the table and each measure, and it
// prints; 聽全文 on the notice and the measures; none without a script.
func TestPageTools(t *testing.T) {
	tab := browsertest.New(t)
	instrument(t, tab)
	tests := []struct{ path, buttons string }{
		{"index.html", "聽全文[false] 打印本頁"},
		{"measures.html", "打印本頁"},
		{"measures/03.html", "聽全文[false] 打印本頁"},
		{"zh-hans/measures/03.html", "听全文[false] 打印本页"},
		{"categories/trade.html", ""},
		{"units/index.html", ""},
		{"search.html", ""},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			tab.Do(t, chromedp.Navigate(fileURL(tc.path)))
			if got := readListen(t, tab).Buttons; got != tc.buttons {
				t.Errorf("buttons %q, want %q", got, tc.buttons)
			}
			if strings.Contains(tc.buttons, "打印") {
				tab.Do(t, chromedp.Click(chromedp.CSS(".page-tools button:last-of-type")))
				if n := browsertest.Eval[int](t, tab, `printCalls`); n != 1 {
					t.Errorf("打印本頁 called print() %d times, want once", n)
				}
			}
		})
	}
	t.Run("without JavaScript", func(t *testing.T) {
		tab := browsertest.New(t)
		tab.Do(t, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
			_, err := cdp.Call(ctx, target, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}))
		for _, p := range []string{"index.html", "measures.html", "measures/03.html"} {
			tab.Do(t, chromedp.Navigate(fileURL(p)))
			if n := browsertest.Eval[int](t, tab, `document.querySelectorAll(".page-tools button").length`); n != 0 {
				t.Errorf("%s: %d buttons without JavaScript, want none", p, n)
			}
		}
	})
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}
